/**
 * Template text read as the file it renders to, without running the template engine:
 * an output expression (`{{ cookiecutter.name }}`, `{{.input_root_dir}}`) becomes a
 * placeholder identifier, a string literal (`{{ "{{" }}`, Go's `` {{`${{ x }}`}} ``)
 * becomes its content, and control tags (`{% if %}`, `{{- if }}`, `{{ end }}`, comments)
 * are dropped, with both branches of a conditional kept. Lines are never removed, so
 * facts keep the template file's line numbers. GitHub's own `${{ }}` is left alone.
 */

/** A tag longer than this is not a tag: the scan of each line stays linear. */
const MAX_TAG = 500;

/** Go template actions that produce no output. */
const GO_CONTROL = /^(if|else|end|range|with|define|block|break|continue)\b|^\/\*|^\$\w*\s*:?=/;
const STRING_LITERAL = /^(`[^`]*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')$/;
const CLOSERS: Record<string, string> = { '{': '}}', '%': '%}', '#': '#}' };

/** The text with template tags neutralised, line by line. */
export function neutraliseTemplate(text: string): string {
  return text.split('\n').map(neutraliseLine).join('\n');
}

function neutraliseLine(line: string): string {
  let out = '';
  let control = false;
  let from = 0;
  for (let open = line.indexOf('{', from); open >= 0 && open < line.length - 1; open = line.indexOf('{', from)) {
    const closer = CLOSERS[line[open + 1]];
    const end = closer && !(closer === '}}' && line[open - 1] === '$') ? tagEnd(line, open + 2, closer) : -1;
    if (end < 0) {
      out += line.slice(from, open + 1);
      from = open + 1;
      continue;
    }
    const tag = line.slice(open, end);
    const expr = tag.slice(2, -2).replace(/^-\s*|\s*-$/g, '').trim();
    out += line.slice(from, open);
    if (closer !== '}}' || GO_CONTROL.test(expr)) control = true;
    else out += STRING_LITERAL.test(expr) ? unquote(expr) : placeholderOf(expr);
    from = end;
  }
  out += line.slice(from);
  // A line that only held control tags renders to nothing: keep it empty, keep the numbering.
  return control && out.trim() === '' ? '' : out;
}

/** Index just past the tag's closer (an expression's strings may hold braces: Go's `` `${{ x }}` ``); -1 when none near. */
function tagEnd(line: string, from: number, closer: string): number {
  const limit = Math.min(line.length, from + MAX_TAG);
  let quote = '';
  for (let i = from; i < limit; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = '';
    } else if (closer === '}}' && (c === '"' || c === '`' || c === "'")) {
      quote = c;
    } else if (c === closer[0] && line[i + 1] === closer[1]) {
      return i + 2;
    }
  }
  return -1;
}

/**
 * A stable identifier for an expression, the same in a path segment and in the text
 * (`{{ cookiecutter.module_name }}` is `cookiecutter_module_name` in both), so imports of
 * the generated package still resolve to the repository's own package.
 */
export function placeholderOf(expr: string): string {
  const name = expr.replace(/^\{\{-?|-?\}\}$/g, '').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '') return 'x';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return literal.startsWith('`') ? body : body.replace(/\\(.)/g, '$1');
}

/** A path segment holding a template expression (`{{ cookiecutter.repo_name }}`). */
export function isExpressionSegment(segment: string): boolean {
  return segment.includes('{{') && segment.includes('}}');
}

/** A path segment with each expression replaced by its placeholder. */
export function renderSegment(segment: string): string {
  return segment.replace(/\{\{.*?\}\}/g, (tag) => placeholderOf(tag));
}
