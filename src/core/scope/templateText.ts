/**
 * Template text read as the file it renders to, without running the template engine:
 * an output expression (`{{ cookiecutter.name }}`, `{{.input_root_dir}}`) becomes a
 * placeholder identifier, a string literal (`{{ "{{" }}`, Go's `` {{`${{ x }}`}} ``)
 * becomes its content, and control tags (`{% if %}`, `{{- if }}`, `{{ end }}`, comments)
 * are dropped, with both branches of a conditional kept (the first only when the whole
 * conditional is on one line). Lines are never removed, so
 * facts keep the template file's line numbers. GitHub's own `${{ }}` is left alone.
 */

/** A tag longer than this is not a tag: the scan of each line stays linear. */
const MAX_TAG = 500;

/** Go template actions that produce no output. */
const GO_CONTROL = /^(if|else|end|range|with|define|block|break|continue)\b|^\/\*|^\$\w*\s*:?=/;
const STRING_LITERAL = /^(`[^`]*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')$/;
const CLOSERS: Record<string, string> = { '{': '}}', '%': '%}', '#': '#}' };

export interface NeutraliseOptions {
  /**
   * Quote a placeholder that stands outside a string (`name = {{ x|tojson }}`): TOML and
   * JSON need a quoted value where Python needs a bare identifier.
   */
  quoteBare?: boolean;
}

/** The text with template tags neutralised, line by line. */
export function neutraliseTemplate(text: string, options: NeutraliseOptions = {}): string {
  return text.split('\n').map((line) => neutraliseLine(line, options.quoteBare === true)).join('\n');
}

function neutraliseLine(line: string, quoteBare: boolean): string {
  let out = '';
  let control = false;
  // A conditional opened and closed on this line keeps only its first branch: the
  // branches of `{% if %}A{% else %}B{% endif %}` would run together as `AB`.
  let openIfs = 0;
  let skipping = false;
  let from = 0;
  const emit = (text: string) => {
    if (!skipping) out += text;
  };
  for (let open = line.indexOf('{', from); open >= 0 && open < line.length - 1; open = line.indexOf('{', from)) {
    const closer = CLOSERS[line[open + 1]];
    const end = closer && !(closer === '}}' && line[open - 1] === '$') ? tagEnd(line, open + 2, closer) : -1;
    if (end < 0) {
      emit(line.slice(from, open + 1));
      from = open + 1;
      continue;
    }
    const expr = line.slice(open + 2, end - 2).replace(/^-\s*|\s*-$/g, '').trim();
    emit(line.slice(from, open));
    from = end;
    if (closer === '}}' && !GO_CONTROL.test(expr)) {
      emit(STRING_LITERAL.test(expr) ? unquote(expr) : quoteBare && !insideString(out) ? `"${placeholderOf(expr)}"` : placeholderOf(expr));
      continue;
    }
    control = true;
    const keyword = closer === '#}' ? undefined : /^\w+/.exec(expr)?.[0];
    if (keyword === 'if') openIfs++;
    else if ((keyword === 'else' || keyword === 'elif') && openIfs > 0) skipping = true;
    else if ((keyword === 'end' || keyword === 'endif') && openIfs > 0) {
      openIfs--;
      skipping = false;
    }
  }
  emit(line.slice(from));
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

/** Whether the end of this text is inside a quoted string (an odd number of unescaped `"` or `'` so far). */
function insideString(text: string): boolean {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    }
  }
  return quote !== '';
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
