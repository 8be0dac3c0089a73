/** Template text read as the file it renders to: tags neutralised, lines kept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neutraliseTemplate, placeholderOf, renderSegment } from '../../../src/core/scope/templateText';

test('an output expression becomes the same placeholder in the text as in a path segment', () => {
  assert.equal(neutraliseTemplate('from {{ cookiecutter.module_name }}.config import PATHS'), 'from cookiecutter_module_name.config import PATHS');
  assert.equal(renderSegment('{{ cookiecutter.module_name }}'), 'cookiecutter_module_name');
  assert.equal(renderSegment('{{.input_root_dir}}'), 'input_root_dir');
  assert.equal(renderSegment('{{.input_project_name}}-run-tests.yml'), 'input_project_name-run-tests.yml');
  assert.equal(placeholderOf('9lives'), '_9lives');
  assert.equal(placeholderOf('---'), 'x');
});

test('control tags are dropped, lines that only held them are emptied, and numbering is kept', () => {
  const text = [
    '{% if cookiecutter.use_mlflow == "yes" %}',
    'import mlflow',
    '{%- endif %}',
    '{{- if (eq .input_cloud `azure`) }}',
    'cloud = "azure"',
    '{{ else }}',
    'cloud = "aws"',
    '{{- end }}',
    'x = 1  {# a comment #}',
  ].join('\n');
  assert.deepEqual(neutraliseTemplate(text).split('\n'), ['', 'import mlflow', '', '', 'cloud = "azure"', '', 'cloud = "aws"', '', 'x = 1  ']);
});

test("string literals render as their content, and GitHub's own ${{ }} is left alone", () => {
  assert.equal(neutraliseTemplate('  TOKEN: {{`${{ secrets.TOKEN }}`}}'), '  TOKEN: ${{ secrets.TOKEN }}');
  assert.equal(neutraliseTemplate('  run: echo ${{ github.sha }}'), '  run: echo ${{ github.sha }}');
  assert.equal(neutraliseTemplate('raw {{ "{{" }} brace'), 'raw {{ brace');
});

test('near misses: text without tags and unclosed or overlong tags stay as they are', () => {
  assert.equal(neutraliseTemplate('d = {"a": {"b": 1}}'), 'd = {"a": {"b": 1}}');
  assert.equal(neutraliseTemplate('name: {{ unclosed'), 'name: {{ unclosed');
  const long = `{{ ${'a'.repeat(600)} }}`;
  assert.equal(neutraliseTemplate(long), long);
});

test('a hostile line of many unclosed tags is handled in linear time', () => {
  const line = '{{`'.repeat(200_000);
  const started = Date.now();
  assert.equal(neutraliseTemplate(line), line);
  assert.ok(Date.now() - started < 2000, 'well under two seconds');
});

test('a conditional on one line keeps its first branch; TOML and JSON values stay quoted', () => {
  assert.equal(
    neutraliseTemplate('  {% if cookiecutter.license == "MIT" %}"MIT"{% elif cookiecutter.license == "BSD" %}"BSD"{% else %}"none"{% endif %}'),
    '  "MIT"',
  );
  assert.equal(neutraliseTemplate('name: {{ if (eq .x `y`) }}Feature and {{end}}Training'), 'name: Feature and Training');
  assert.equal(neutraliseTemplate('x = 1 {# if you change this #} # note'), 'x = 1  # note');
  assert.equal(neutraliseTemplate('name = {{ cookiecutter.module_name|tojson }}', { quoteBare: true }), 'name = "cookiecutter_module_name_tojson"');
  assert.equal(neutraliseTemplate('description = "A {{ cookiecutter.kind }} project"', { quoteBare: true }), 'description = "A cookiecutter_kind project"');
});

test('conditionals take the branch of the default answers; unknown ones keep every branch', () => {
  const answers = (v: string) => ({ 'cookiecutter.manager': 'pip', '.input_cloud': 'azure' } as Record<string, string>)[v];
  const text = [
    '{%- if cookiecutter.manager == "poetry" %}',
    '[tool.poetry]',
    '{% elif cookiecutter.manager == "uv" %}',
    '[project]',
    'name = "uv"',
    '{% else %}',
    '[project]',
    'name = "pip"',
    '{% endif %}',
    '{% if cookiecutter.unknown == "y" %}',
    'kept = 1',
    '{% else %}',
    'kept = 2',
    '{% endif %}',
  ].join('\n');
  assert.deepEqual(neutraliseTemplate(text, { answers }).split('\n'), ['', '', '', '', '', '', '[project]', 'name = "pip"', '', '', 'kept = 1', '', 'kept = 2', '']);
  const go = 'env:\n  {{ if (eq .input_cloud `azure`) -}}\n  ARM: 1\n  {{ else -}}\n  TOKEN: 2\n  {{- end }}\nname: {{ if (eq .input_cloud `aws`) }}AWS {{ else }}Azure {{ end }}job';
  assert.equal(neutraliseTemplate(go, { answers }), 'env:\n\n  ARM: 1\n\n\n\nname: Azure job');
});

test('text after a branch switch keeps the line indentation', () => {
  const answers = (v: string) => ({ '.uc': 'no' } as Record<string, string>)[v];
  const text = 'run: |\n    {{if (eq .uc `yes`)}}echo uc\n    {{- else}}echo plain{{end}}';
  assert.equal(neutraliseTemplate(text, { answers }), 'run: |\n\n    echo plain');
});
