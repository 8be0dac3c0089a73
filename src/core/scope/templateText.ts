/**
 * Template text read as the file it renders to, without running the template engine:
 * an output expression (`{{ cookiecutter.name }}`, `{{.input_root_dir}}`) becomes a
 * placeholder identifier, a string literal (`{{ "{{" }}`, Go's `` {{`${{ x }}`}} ``)
 * becomes its content, and control tags (`{% if %}`, `{{- if }}`, `{{ end }}`, comments)
 * are dropped. A conditional whose condition can be evaluated with the template's default
 * answers keeps the branch those answers take; otherwise every branch is kept (only the
 * first when the whole conditional is on one line, where branches would run together).
 * Lines are never removed, so facts keep the template file's line numbers. GitHub's own
 * `${{ }}` is left alone.
 */
import { evaluateCondition, type Answers } from './templateConditions';

/** A tag longer than this is not a tag: the scan of each line stays linear. */
const MAX_TAG = 500;

/** Go template actions that produce no output. */
const GO_CONTROL = /^(if|else|end|range|with|define|block|break|continue)\b|^\/\*|^\$\w*\s*:?=/;
const STRING_LITERAL = /^(`[^`]*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')$/;
const CLOSERS: Record<string, string> = { '{': '}}', '%': '%}', '#': '#}' };
/** Block statements other than `if` that an `end…` tag closes. */
const JINJA_BLOCKS = new Set(['for', 'macro', 'call', 'filter', 'raw', 'block', 'with', 'autoescape']);
const GO_BLOCKS = new Set(['range', 'with', 'define', 'block']);

export interface NeutraliseOptions {
  /**
   * Quote a placeholder that stands outside a string (`name = {{ x|tojson }}`): TOML and
   * JSON need a quoted value where Python needs a bare identifier.
   */
  quoteBare?: boolean;
  /** The template's default answers, to choose the branch of a conditional. */
  answers?: Answers;
  /**
   * Called with each output expression in a rendered branch (0-based line), and whether
   * every enclosing conditional is known to render with the default answers.
   */
  onOutput?: (expr: string, line: number, certain: boolean) => void;
}

/** One open block: whether its current branch renders, and whether an earlier branch did. */
interface Frame {
  conditional: boolean;
  state: 'keep' | 'drop' | 'unknown';
  /** An earlier (or the current) branch was taken: true, false, or not known. */
  taken: boolean | undefined;
  /** Line the block opened on (a conditional opened and closed on one line keeps its first branch). */
  line: number;
}

/** The text with template tags neutralised. */
export function neutraliseTemplate(text: string, options: NeutraliseOptions = {}): string {
  const frames: Frame[] = [];
  return text.split('\n').map((line, i) => neutraliseLine(line, i, frames, options)).join('\n');
}

function neutraliseLine(line: string, lineIndex: number, frames: Frame[], options: NeutraliseOptions): string {
  const active = () => frames.every((f) => f.state !== 'drop');
  if (!line.includes('{')) return active() ? line : '';
  let out = '';
  let control = false;
  let from = 0;
  const emit = (text: string) => {
    if (active()) out += text;
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
      if (options.onOutput && active()) options.onOutput(expr, lineIndex, frames.every((f) => f.state === 'keep'));
      emit(STRING_LITERAL.test(expr) ? unquote(expr) : options.quoteBare && !insideString(out) ? `"${placeholderOf(expr)}"` : placeholderOf(expr));
      continue;
    }
    control = true;
    if (closer !== '#}') applyControl(expr, closer === '}}' ? 'go' : 'jinja', lineIndex, frames, options.answers);
  }
  emit(line.slice(from));
  // A line that only held control tags, or lies in a branch not taken, renders to nothing:
  // keep it empty, keep the numbering.
  if ((control && out.trim() === '') || (!active() && out === '')) return '';
  // Text after a tag that switched branches keeps the line's indentation (YAML needs it).
  const indent = /^[ \t]*/.exec(line)![0];
  return out.startsWith(indent) ? out : indent + out.trimStart();
}

/** Open, switch or close a block for one control tag. */
function applyControl(expr: string, syntax: 'jinja' | 'go', lineIndex: number, frames: Frame[], answers: Answers | undefined): void {
  const keyword = /^\w+/.exec(expr)?.[0] ?? '';
  const rest = expr.slice(keyword.length).trim();
  const top = frames[frames.length - 1];
  const decide = (condition: string): boolean | undefined => (answers ? evaluateCondition(condition, answers, syntax) : undefined);
  if (keyword === 'if') {
    const value = decide(rest);
    frames.push({ conditional: true, state: stateOf(value), taken: value, line: lineIndex });
  } else if (keyword === 'elif' || keyword === 'else') {
    if (!top?.conditional) return;
    // Go writes `else if cond`; a bare `else` is taken when nothing before was.
    const condition = keyword === 'elif' ? rest : /^if\b/.test(rest) ? rest.slice(2).trim() : undefined;
    if (top.taken === true || (top.taken === undefined && top.line === lineIndex)) {
      top.state = 'drop';
    } else if (top.taken === false) {
      const value = condition === undefined ? true : decide(condition);
      top.state = stateOf(value);
      top.taken = value;
    } else {
      top.state = 'unknown';
    }
  } else if (syntax === 'go' ? keyword === 'end' : keyword.startsWith('end')) {
    frames.pop();
  } else if ((syntax === 'go' ? GO_BLOCKS : JINJA_BLOCKS).has(keyword)) {
    frames.push({ conditional: false, state: 'keep', taken: undefined, line: lineIndex });
  }
}

function stateOf(value: boolean | undefined): Frame['state'] {
  return value === undefined ? 'unknown' : value ? 'keep' : 'drop';
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

/** A path segment as the template renders it: '' when a conditional leaves it out. */
export function renderSegment(segment: string, answers?: Answers): string {
  return segment.includes('{') ? neutraliseTemplate(segment, { answers }) : segment;
}
