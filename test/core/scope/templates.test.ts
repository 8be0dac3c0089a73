/**
 * Template repositories are judged as the project they generate: files under the
 * generated folder are read under their rendered path (template tags neutralised), and
 * the generator's own tests, CI and hooks are not counted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditFiles, signalPaths, statusOf } from './scopeAudit';

const WORKFLOW = 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n';

/** A minimal cookiecutter template whose generator is tested in CI but whose project has no CI. */
const cookiecutter: Record<string, string> = {
  'cookiecutter.json': '{"repo_name": "demo", "module_name": "demo"}\n',
  'hooks/post_gen_project.py': 'import os\n',
  'tests/test_bake.py': 'def test_bake():\n    assert True\n',
  '.github/workflows/tests.yml': WORKFLOW,
  '{{ cookiecutter.repo_name }}/{{ cookiecutter.module_name }}/__init__.py': '',
  '{{ cookiecutter.repo_name }}/{{ cookiecutter.module_name }}/train.py': [
    'import mlflow',
    'from {{ cookiecutter.module_name }}.config import PATHS',
    '{% if cookiecutter.seed == "yes" %}',
    'mlflow.log_metric("{{ cookiecutter.metric }}", 1.0)',
    '{% endif %}',
    '',
  ].join('\n'),
};

test('cookiecutter: the generated project is judged, the generator tests and CI are not counted', async () => {
  const report = await auditFiles(cookiecutter);
  assert.equal(statusOf(report, 'ci'), 'absent', 'the generator CI is not the project CI');
  assert.equal(statusOf(report, 'unit-tests'), 'absent', 'the generator tests are not the project tests');
  assert.deepEqual(signalPaths(report, 'experiment-tracking'), ['{{ cookiecutter.repo_name }}/{{ cookiecutter.module_name }}/train.py']);
  const note = report.scope.find((n) => n.kind === 'template');
  assert.ok(note, 'a template scope note');
  assert.deepEqual(note.paths, ['{{ cookiecutter.repo_name }}']);
  assert.deepEqual(note.excluded, ['.github/', 'cookiecutter.json', 'hooks/', 'tests/']);
  assert.equal(note.excludedFiles, 4);
  assert.ok(!report.warnings.some((w) => w.code === 'parse-error'), JSON.stringify(report.warnings));
});

test('cookiecutter: CI of the generated project counts, found under its rendered path', async () => {
  const report = await auditFiles({ ...cookiecutter, '{{ cookiecutter.repo_name }}/.github/workflows/ci.yml': WORKFLOW });
  assert.equal(statusOf(report, 'ci'), 'present');
  assert.deepEqual(signalPaths(report, 'ci'), ['{{ cookiecutter.repo_name }}/.github/workflows/ci.yml']);
});

test('near miss: a {{ }} folder without a template marker is an ordinary folder', async () => {
  const { 'cookiecutter.json': _marker, ...files } = cookiecutter;
  const report = await auditFiles(files);
  assert.equal(statusOf(report, 'ci'), 'present', 'the root CI counts');
  assert.deepEqual(report.scope, []);
});

test('the configuration can turn template scoping off', async () => {
  const report = await auditFiles(cookiecutter, 'scope:\n  templates: false\n');
  assert.equal(statusOf(report, 'ci'), 'present');
  assert.deepEqual(report.scope, []);
});

test('Databricks bundle template: *.py.tmpl is read as Python and *.yml.tmpl workflows as workflows', async () => {
  const root = 'template/{{.input_root_dir}}';
  const report = await auditFiles({
    'databricks_template_schema.json': '{"properties": {"input_root_dir": {"type": "string", "default": "demo"}}}\n',
    'template/update_layout.tmpl': '{{ skip "x" }}\n',
    'tests/test_generate.py': 'def test_generate():\n    assert True\n',
    [`${root}/tests/test_train.py`]: 'def test_train():\n    assert train() is not None\n',
    [`${root}/.github/workflows/{{.input_project_name}}-run-tests.yml.tmpl`]: [
      'name: Tests for {{ .input_project_name }}',
      'on:',
      '  pull_request:',
      'env:',
      '  {{ if (eq .input_cloud `azure`) -}}',
      '  TOKEN: {{`${{ secrets.TOKEN }}`}}',
      '  {{- end }}',
      'jobs:',
      '  unit_tests:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: pytest',
      '',
    ].join('\n'),
    [`${root}/{{template \`project_name\` .}}/training/Train.py.tmpl`]: [
      'import numpy as np',
      '{{ if (eq .input_seed `yes`) }}',
      'np.random.seed(42)',
      '{{ end }}',
      '',
    ].join('\n'),
  });
  assert.equal(statusOf(report, 'ci'), 'present');
  assert.equal(statusOf(report, 'ci-runs-tests'), 'present');
  assert.deepEqual(signalPaths(report, 'random-seeds'), [`${root}/{{template \`project_name\` .}}/training/Train.py.tmpl`]);
  assert.deepEqual(signalPaths(report, 'unit-tests'), [`${root}/tests/test_train.py`], 'the generator tests are not counted');
  assert.deepEqual(report.scope[0].paths, [root]);
  assert.ok(report.scope[0].excluded.includes('template/update_layout.tmpl'));
});

test('Copier: the _subdirectory holds the project; only *.jinja files are rendered', async () => {
  const report = await auditFiles({
    'copier.yml': '_subdirectory: project\nproject_name:\n  type: str\n  default: demo\n',
    '.github/workflows/release.yml': WORKFLOW,
    'project/.github/workflows/ci.yml.jinja': WORKFLOW.replace('pytest', 'pytest {{ project_name }}'),
    'project/train.py': 'import numpy as np\nnp.random.seed(1)\n',
  });
  assert.deepEqual(signalPaths(report, 'ci'), ['project/.github/workflows/ci.yml.jinja']);
  assert.deepEqual(report.scope[0].paths, ['project']);
  assert.deepEqual(report.scope[0].excluded, ['.github/', 'copier.yml']);
});

test('a template in a top-level folder of a collection leaves the collection tooling counted', async () => {
  const report = await auditFiles({
    '.github/workflows/checks.yml': WORKFLOW,
    'starter-a/cookiecutter.json': '{"repo_name": "a"}\n',
    'starter-a/hooks/pre_gen_project.py': 'import sys\n',
    'starter-a/{{ cookiecutter.repo_name }}/tests/test_nodes.py': 'def test_split():\n    assert 1 + 1 == 2\n',
  });
  assert.equal(statusOf(report, 'ci'), 'present', "the collection's own CI counts");
  assert.deepEqual(signalPaths(report, 'unit-tests'), ['starter-a/{{ cookiecutter.repo_name }}/tests/test_nodes.py']);
  assert.deepEqual(report.scope[0].excluded, ['starter-a/cookiecutter.json', 'starter-a/hooks/']);
});

test('a malformed copier.yml is a scan warning, and the template folder stays the default', async () => {
  const report = await auditFiles({
    'copier.yml': '_subdirectory: [unclosed\n',
    'train.py': 'import numpy as np\nnp.random.seed(1)\n',
  });
  assert.ok(report.warnings.some((w) => w.code === 'parse-error' && w.path === 'copier.yml'));
  assert.equal(statusOf(report, 'random-seeds'), 'present');
});

test('cookiecutter: the default answers choose the branch and the files that are generated', async () => {
  const report = await auditFiles({
    'cookiecutter.json': '{"repo_name": "demo", "use_docker": ["n", "y"], "tracker": "mlflow"}\n',
    '{{ cookiecutter.repo_name }}/{% if cookiecutter.use_docker == "y" %}Dockerfile{% endif %}': 'FROM python:3.11-slim\n',
    '{{ cookiecutter.repo_name }}/train.py': [
      '{% if cookiecutter.tracker == "wandb" %}',
      'import wandb',
      'wandb.init()',
      '{% else %}',
      'import mlflow',
      'mlflow.autolog()',
      '{% endif %}',
      '',
    ].join('\n'),
  });
  assert.equal(statusOf(report, 'containerization'), 'absent', 'the Dockerfile is only generated for use_docker=y');
  assert.deepEqual([...new Set(report.practices.find((p) => p.id === 'experiment-tracking')?.signals.map((s) => s.tool))], ['mlflow']);
  assert.ok(report.scope[0].excluded.includes('{{ cookiecutter.repo_name }}/{% if cookiecutter.use_docker == "y" %}Dockerfile{% endif %}'));
});

test('Databricks bundle template: paths its skip calls leave out with the default answers are not counted', async () => {
  const root = 'template/{{.input_root_dir}}';
  const project = `${root}/{{template \`project_name\` .}}`;
  const report = await auditFiles({
    'databricks_template_schema.json': JSON.stringify({
      properties: {
        input_root_dir: { type: 'string', default: '{{ .input_project_name }}' },
        input_ci: { type: 'string', default: 'github_actions' },
        input_include_feature_store: { type: 'string', default: 'no' },
      },
    }),
    'template/update_layout.tmpl': [
      '{{ $root_dir := .input_root_dir }}',
      '{{ if (eq .input_ci `github_actions`) }}',
      '    {{ skip (printf `%s/%s` $root_dir `.gitlab`) }}',
      '{{ else }}',
      '    {{ skip (printf `%s/%s` $root_dir `.github`) }}',
      '{{ end }}',
      '{{ if (eq .input_include_feature_store `yes`) }}',
      '    {{ skip (printf `%s/%s/%s` $root_dir $project_name `training/Train.py`) }}',
      '{{ else }}',
      '    {{ skip (printf `%s/%s/%s` $root_dir $project_name `features`) }}',
      '    {{ skip (printf `%s/%s/%s` $root_dir $project_name `training/TrainWithFeatures.py`) }}',
      '{{ end }}',
      '{{ if (eq .input_unknown_answer `yes`) }}',
      '    {{ skip (printf `%s/%s/%s` $root_dir $project_name `training`) }}',
      '{{ end }}',
      '{{ skip `update_layout` }}',
      '',
    ].join('\n'),
    [`${root}/.github/workflows/ci.yml.tmpl`]: WORKFLOW,
    [`${root}/.gitlab/docker/Dockerfile.tmpl`]: 'FROM python:3.11-slim\n',
    [`${project}/features/write_features.py.tmpl`]: 'from databricks.feature_engineering import FeatureEngineeringClient\n',
    [`${project}/training/TrainWithFeatures.py.tmpl`]: 'from databricks.feature_engineering import FeatureEngineeringClient\nimport numpy as np\nnp.random.seed(1)\n',
    [`${project}/training/Train.py.tmpl`]: 'import numpy as np\nnp.random.seed(7)\n',
  });
  assert.equal(statusOf(report, 'feature-store'), 'absent', 'the feature store code is skipped unless input_include_feature_store=yes');
  assert.equal(statusOf(report, 'containerization'), 'absent', 'the GitLab runner image is skipped for GitHub Actions');
  assert.equal(statusOf(report, 'ci'), 'present', 'the taken branch skips .gitlab, not .github');
  assert.deepEqual(signalPaths(report, 'random-seeds'), [`${project}/training/Train.py.tmpl`], 'a skip under an unknown answer is not applied');
  const excluded = report.scope[0].excluded;
  assert.ok(excluded.some((p) => p.includes('features')), JSON.stringify(excluded));
});
