/**
 * noxfile.py read as far as a CI step needs it, with the Python tokenizer (never run): the
 * sessions (functions decorated with `@nox.session`, under the decorator's `name=` if it
 * gives one), the commands their `session.run(...)` calls run (string arguments only;
 * `*session.posargs` and variables are left out), the sessions they `notify`, and the
 * module's `nox.options.sessions`. Helper functions of the file a session calls count as
 * its own body, a few calls deep.
 */
import { tokenizePython, type PythonToken } from '../python/pythonTokenizer';

export interface NoxCommand {
  line: number;
  command: string;
}

export interface NoxSession {
  name: string;
  line: number;
  /** Sessions parametrized over Python versions are also named `name-3.11`. */
  python: boolean;
  /** `@nox.session(default=False)`: not run by a bare `nox`. */
  default: boolean;
  tags: string[];
  commands: NoxCommand[];
  /** Sessions queued with `session.notify("name")`. */
  notify: string[];
}

export interface Noxfile {
  sessions: NoxSession[];
  /** `nox.options.sessions = [...]`: what a bare `nox` runs. */
  defaults?: string[];
}

/** `session.<method>(...)` calls that run a command. */
const RUN_METHODS = new Set(['run', 'run_always']);
/** Helper functions followed from a session body this many calls deep. */
const MAX_HELPER_DEPTH = 3;

interface FunctionDef {
  name: string;
  line: number;
  commands: NoxCommand[];
  notify: string[];
  calls: string[];
}

export function parseNoxfile(text: string): Noxfile {
  const tokens = tokenizePython(text);
  const lines = logicalLines(tokens, text);
  const functions = new Map<string, FunctionDef>();
  const sessions: { def: FunctionDef; decorator: PythonToken[] }[] = [];
  let defaults: string[] | undefined;
  let decorators: PythonToken[][] = [];
  // How the file names nox and its session decorator (`import nox as n`, `from nox import session as s`).
  const modules = new Set(['nox', 'nox_poetry', 'nox_uv']);
  const decoratorNames = new Set(['session']);

  for (let i = 0; i < lines.length; i++) {
    const { tokens: line, indent } = lines[i];
    const first = line[0];
    if (first.kind === 'op' && first.text === '@') {
      decorators.push(line.slice(1));
      continue;
    }
    const defAt = first.text === 'async' && line[1]?.text === 'def' ? 1 : first.text === 'def' ? 0 : -1;
    if (defAt < 0 || line[defAt + 1]?.kind !== 'name') {
      if (indent === 0) defaults = optionsSessions(line) ?? defaults;
      readImport(line, modules, decoratorNames);
      decorators = [];
      continue;
    }
    let end = i + 1;
    while (end < lines.length && lines[end].indent > indent) end++;
    const param = line[defAt + 3]?.kind === 'name' ? line[defAt + 3].text : 'session';
    const def: FunctionDef = { name: line[defAt + 1].text, line: line[defAt + 1].line, commands: [], notify: [], calls: [] };
    for (let j = i + 1; j < end; j++) readBody(lines[j].tokens, param, def);
    const decorator = decorators.find((d) => isSessionDecorator(d, modules, decoratorNames));
    if (decorator) sessions.push({ def, decorator });
    if (indent === 0 && !functions.has(def.name)) functions.set(def.name, def);
    decorators = [];
    // Nested functions are part of this body; the next statement at this level follows.
    i = end - 1;
  }

  return {
    sessions: sessions.map(({ def, decorator }) => {
      const options = decoratorOptions(decorator);
      return {
        name: options.name ?? def.name,
        line: def.line,
        python: options.python,
        default: options.default,
        tags: options.tags,
        commands: withHelpers(def, functions),
        notify: def.notify,
      };
    }),
    ...(defaults !== undefined && { defaults }),
  };
}

/** A session's commands and those of the file's functions it calls, in line order. */
function withHelpers(def: FunctionDef, functions: ReadonlyMap<string, FunctionDef>): NoxCommand[] {
  const seen = new Set<string>([def.name]);
  const commands = [...def.commands];
  let level = def.calls;
  for (let depth = 0; depth < MAX_HELPER_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const name of level) {
      const helper = functions.get(name);
      if (!helper || seen.has(name)) continue;
      seen.add(name);
      commands.push(...helper.commands);
      next.push(...helper.calls);
    }
    level = next;
  }
  const byLine = new Map(commands.map((c) => [`${c.line}\0${c.command}`, c]));
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** Logical lines with the column their first token starts in. */
function logicalLines(tokens: readonly PythonToken[], text: string): { tokens: PythonToken[]; indent: number }[] {
  const lines: { tokens: PythonToken[]; indent: number }[] = [];
  let current: PythonToken[] = [];
  for (const token of tokens) {
    if (token.kind !== 'newline') {
      current.push(token);
      continue;
    }
    if (current.length > 0) lines.push({ tokens: current, indent: current[0].offset - (text.lastIndexOf('\n', current[0].offset - 1) + 1) });
    current = [];
  }
  if (current.length > 0) lines.push({ tokens: current, indent: current[0].offset - (text.lastIndexOf('\n', current[0].offset - 1) + 1) });
  return lines;
}

/** `@nox.session`, `@session` (from nox, nox_poetry or nox_uv), with or without arguments. */
function isSessionDecorator(tokens: readonly PythonToken[], modules: ReadonlySet<string>, decoratorNames: ReadonlySet<string>): boolean {
  const parts = dotted(tokens, 0).name.split('.');
  return parts.length === 1 ? decoratorNames.has(parts[0]) : parts.length === 2 && modules.has(parts[0]) && parts[1] === 'session';
}

/** Aliases an import statement gives nox (`import nox as n`) or its decorator (`from nox import session as s`). */
function readImport(tokens: readonly PythonToken[], modules: Set<string>, decoratorNames: Set<string>): void {
  if (tokens[0].text === 'import') {
    for (let i = 1; i < tokens.length; i++) {
      if (modules.has(tokens[i].text) && tokens[i + 1]?.text === 'as' && tokens[i + 2]?.kind === 'name') modules.add(tokens[i + 2].text);
    }
  } else if (tokens[0].text === 'from' && /^nox(_poetry|_uv)?$/.test(tokens[1]?.text ?? '') && tokens[2]?.text === 'import') {
    for (let i = 3; i < tokens.length; i++) {
      if (tokens[i].text === 'session' && tokens[i + 1]?.text === 'as' && tokens[i + 2]?.kind === 'name') decoratorNames.add(tokens[i + 2].text);
    }
  }
}

function decoratorOptions(tokens: readonly PythonToken[]): { name?: string; python: boolean; default: boolean; tags: string[] } {
  const options = { name: undefined as string | undefined, python: false, default: true, tags: [] as string[] };
  const { end } = dotted(tokens, 0);
  if (tokens[end]?.text !== '(') return options;
  for (const arg of argumentsOf(tokens, end)) {
    if (arg.length < 3 || arg[0].kind !== 'name' || arg[1].text !== '=') continue;
    const value = arg.slice(2);
    if (arg[0].text === 'name') options.name = literal(value);
    else if (arg[0].text === 'python' || arg[0].text === 'py') options.python = !(value.length === 1 && value[0].text === 'None');
    else if (arg[0].text === 'default') options.default = !(value.length === 1 && value[0].text === 'False');
    else if (arg[0].text === 'tags') options.tags = value.filter((t) => t.kind === 'string').map((t) => t.text);
  }
  return options;
}

/** `session.run(...)`, `session.notify(...)` and calls of plain functions in one body line. */
function readBody(tokens: readonly PythonToken[], param: string, def: FunctionDef): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'name' || tokens[i - 1]?.text === '.') continue;
    const { name, end } = dotted(tokens, i);
    if (tokens[end]?.text !== '(') continue;
    const parts = name.split('.');
    if (parts.length === 2 && parts[0] === param && RUN_METHODS.has(parts[1])) {
      const command = commandOf(argumentsOf(tokens, end));
      if (command !== undefined) def.commands.push({ line: token.line, command });
    } else if (parts.length === 2 && parts[0] === param && parts[1] === 'notify') {
      const target = literal(argumentsOf(tokens, end)[0] ?? []);
      if (target !== undefined) def.notify.push(target);
    } else if (parts.length === 1) {
      def.calls.push(name);
    }
  }
}

/** The command a `session.run` call's arguments spell: its string arguments as shell words. */
function commandOf(args: readonly PythonToken[][]): string | undefined {
  const words: string[] = [];
  for (const arg of args) {
    if (arg[0]?.kind === 'name' && arg[1]?.text === '=') continue; // env=, external=, silent=, ...
    const word = literal(arg);
    if (word === undefined) {
      if (words.length === 0) return undefined; // the program itself is not written out
      continue;
    }
    words.push(/^[^\s'"]+$/.test(word) ? word : word.includes("'") ? `"${word}"` : `'${word}'`);
  }
  return words.length > 0 ? words.join(' ') : undefined;
}

/** A string literal's value (adjacent strings joined); undefined for anything else. */
function literal(tokens: readonly PythonToken[]): string | undefined {
  if (tokens.length === 0 || tokens.some((t) => t.kind !== 'string')) return undefined;
  return tokens.map((t) => t.text).join('');
}

/** Arguments of the call whose `(` is at `open`, each as its tokens, up to the matching `)`. */
function argumentsOf(tokens: readonly PythonToken[], open: number): PythonToken[][] {
  const args: PythonToken[][] = [[]];
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'op' && '([{'.includes(token.text)) {
      if (depth++ === 0) continue;
    } else if (token.kind === 'op' && ')]}'.includes(token.text)) {
      if (--depth === 0) break;
    } else if (depth === 1 && token.kind === 'op' && token.text === ',') {
      args.push([]);
      continue;
    }
    args[args.length - 1].push(token);
  }
  return args.filter((a) => a.length > 0);
}

/** `nox.options.sessions = [...]` (or a tuple, or one string). */
function optionsSessions(tokens: readonly PythonToken[]): string[] | undefined {
  const { name, end } = dotted(tokens, 0);
  if (!/(^|\.)options\.sessions$/.test(name) || tokens[end]?.text !== '=') return undefined;
  const value = tokens.slice(end + 1);
  if (value.length === 1 && value[0].kind === 'string') return [value[0].text];
  if (!['[', '('].includes(value[0]?.text ?? '')) return undefined;
  const items = argumentsOf(value, 0);
  const names = items.map(literal);
  return names.every((n) => n !== undefined) ? names as string[] : undefined;
}

/** `a.b.c` starting at `start` and the index after it. */
function dotted(tokens: readonly PythonToken[], start: number): { name: string; end: number } {
  if (tokens[start]?.kind !== 'name') return { name: '', end: start };
  let name = tokens[start].text;
  let end = start + 1;
  while (tokens[end]?.kind === 'op' && tokens[end].text === '.' && tokens[end + 1]?.kind === 'name') {
    name += `.${tokens[end + 1].text}`;
    end += 2;
  }
  return { name, end };
}
