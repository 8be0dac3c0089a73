/**
 * Paths a template leaves out of the generated project by calling a skip function
 * (Databricks bundle templates: `{{ skip "docs" }}`, `{{ skip (printf "%s/%s" $root "x") }}`),
 * read without running the template: a path relative to the calling file's folder, glob
 * wildcards allowed, built from literals, `printf` with `%s` and default answers. A part
 * that cannot be told (a variable, an answer that is itself a template) matches only a
 * folder whose name is a template expression; a call that cannot be read is ignored, so
 * a template is never cut short by a guess.
 */
import type { Answer } from './templateConditions';

/** A path the template skips: its segments, each a glob or `unknown`, under the calling file's folder. */
export interface SkipPattern {
  /** Folder of the file holding the call, relative to the template folder ('' at its top). */
  base: string;
  segments: ('unknown' | { glob: RegExp })[];
}

const TOKEN = /\s*(`[^`]*`|"(?:[^"\\]|\\.)*"|[()]|[$.]?[A-Za-z_][\w.]*)/y;
/** Stands for a part whose rendered text is not known. */
const UNKNOWN = '\u0000';
/** Longest call argument read; longer ones are ignored. */
const MAX_CALL = 300;

/** The path a skip call's argument names, or undefined when it cannot be read. */
export function parseSkip(argument: string, base: string, answers: Readonly<Record<string, Answer>>): SkipPattern | undefined {
  if (argument.length > MAX_CALL) return undefined;
  const tokens = tokenize(argument);
  if (!tokens) return undefined;
  let path: string | undefined;
  if (tokens.length === 1) path = literal(tokens[0]);
  else if (tokens.length >= 4 && tokens[0] === '(' && tokens[1] === 'printf' && tokens[tokens.length - 1] === ')') {
    const format = literal(tokens[2]);
    const args = tokens.slice(3, -1).map((t) => argumentValue(t, answers));
    const pieces = format?.split('%s');
    if (!pieces || pieces.some((p) => p.includes('%')) || pieces.length - 1 !== args.length || args.includes(undefined)) return undefined;
    path = pieces.map((piece, i) => piece + (args[i] ?? '')).join('');
  }
  if (path === undefined || path.startsWith('/')) return undefined;
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) return undefined;
  return { base, segments: parts.map((p) => (p.includes(UNKNOWN) ? 'unknown' : { glob: segmentGlob(p) })) };
}

/**
 * Whether a skip leaves out this file, given as its path relative to the template folder
 * (the last segment without the template suffix, when the template renders by suffix).
 * A skipped folder leaves out everything under it.
 */
export function isSkipped(skips: readonly SkipPattern[], relativePath: string, answers: Readonly<Record<string, Answer>>, suffix: string | undefined): boolean {
  const segments = relativePath.split('/');
  const last = segments.length - 1;
  if (suffix && segments[last].toLowerCase().endsWith(suffix)) segments[last] = segments[last].slice(0, -suffix.length);
  return skips.some((skip) => {
    const offset = skip.base === '' ? 0 : skip.base.split('/').length;
    if (skip.base !== '' && !relativePath.startsWith(`${skip.base}/`)) return false;
    const rest = segments.slice(offset);
    return skip.segments.length <= rest.length && skip.segments.every((pattern, i) => segmentMatches(pattern, rest[i], answers));
  });
}

function segmentMatches(pattern: SkipPattern['segments'][number], segment: string, answers: Readonly<Record<string, Answer>>): boolean {
  const rendered = renderedName(segment, answers);
  if (pattern === 'unknown') return rendered === undefined;
  return rendered !== undefined && pattern.glob.test(rendered);
}

/** A path segment's rendered name: itself, a single known answer (`{{.input_name}}`), or undefined when not known. */
function renderedName(segment: string, answers: Readonly<Record<string, Answer>>): string | undefined {
  if (!segment.includes('{{')) return segment;
  const variable = /^\{\{-?\s*(\.[A-Za-z_]\w*)\s*-?\}\}$/.exec(segment)?.[1];
  const answer = variable && Object.hasOwn(answers, variable) ? answers[variable] : undefined;
  return typeof answer === 'string' || typeof answer === 'number' ? String(answer) : undefined;
}

function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) return text.slice(start).trim() === '' ? tokens : undefined;
    tokens.push(match[1]);
  }
  return tokens;
}

function literal(token: string): string | undefined {
  if (token.startsWith('`')) return token.slice(1, -1);
  if (token.startsWith('"')) return token.slice(1, -1).replace(/\\(.)/g, '$1');
  return undefined;
}

/** A `printf` argument: a literal, a known answer, or UNKNOWN for a variable or an answer not known. */
function argumentValue(token: string, answers: Readonly<Record<string, Answer>>): string | undefined {
  const text = literal(token);
  if (text !== undefined) return text.includes(UNKNOWN) ? undefined : text;
  if (token.startsWith('$')) return UNKNOWN;
  if (token.startsWith('.')) {
    const answer = Object.hasOwn(answers, token) ? answers[token] : undefined;
    return typeof answer === 'string' || typeof answer === 'number' ? String(answer) : UNKNOWN;
  }
  return undefined;
}

/** A glob over one path segment (`*`, `?`), matched case-sensitively as the template engine does. */
function segmentGlob(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}
