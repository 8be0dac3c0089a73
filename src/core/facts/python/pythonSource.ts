/**
 * Python sources (`*.py`): imports and calls, call names resolved through the file's
 * import aliases (`np.random.seed` after `import numpy as np` is `numpy.random.seed`).
 * A token scan, not a parser: linear in the text and never throws.
 */
import type { Location, PythonCall, PythonImport } from '../../model/facts';
import type { Extractor } from '../extractor';
import { tokenizePython, type PythonToken } from './pythonTokenizer';

/** One piece of source sharing a namespace with the others (a module, or a notebook cell). */
export interface PythonChunk {
  text: string;
  /** The reported line of the chunk's 1-based `line`, undefined when unknown; identity by default. */
  mapLine?: (line: number) => number | undefined;
}

/** Keyword arguments are read this far (in characters) past a call's `(`. */
const MAX_ARGUMENT_CHARS = 4000;
/** A keyword argument's value is kept up to this many characters: enough for `seed=params["seed"]` and a registry component name such as `microsoft_azureml_rai_tabular_explanation`. */
const MAX_VALUE_CHARS = 120;

/** Never call names: `if (x)`, `return (y)`, ... */
const PYTHON_KEYWORDS = new Set([
  'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'False', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'None',
  'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'True', 'try', 'while', 'with', 'yield',
]);

/** Builtins dropped from the facts (when not imported): frequent, and no rule asks for them. */
const DROPPED_BUILTINS = new Set([
  'abs', 'all', 'any', 'bool', 'bytes', 'callable', 'chr', 'classmethod', 'dict', 'dir', 'divmod',
  'enumerate', 'filter', 'float', 'format', 'frozenset', 'getattr', 'hasattr', 'hash', 'id', 'int',
  'isinstance', 'issubclass', 'iter', 'len', 'list', 'map', 'max', 'min', 'next', 'object', 'ord',
  'pow', 'print', 'property', 'range', 'repr', 'reversed', 'round', 'set', 'setattr', 'slice',
  'sorted', 'staticmethod', 'str', 'sum', 'super', 'tuple', 'type', 'vars', 'zip',
]);

export const extractor: Extractor = {
  id: 'python-source',
  files: ['**/*.py'],
  extract(file) {
    return extractPythonFacts(file.path, [{ text: file.text }]);
  },
};

/**
 * Imports and calls of Python source chunks that share one namespace: aliases imported
 * in any chunk resolve calls in all of them. Relative imports are skipped.
 */
export function extractPythonFacts(path: string, chunks: readonly PythonChunk[]): { imports: PythonImport[]; calls: PythonCall[] } {
  const scan = new NamespaceScan();
  for (const chunk of chunks) {
    const mapLine = chunk.mapLine ?? ((line: number) => line);
    scan.scan(tokenizePython(chunk.text), path, mapLine);
  }
  return scan.resolved();
}

/** An open bracket; for a call's `(`, the call whose keyword arguments it collects. */
interface Frame {
  call?: PythonCall;
  offset: number;
  /** The next token starts an argument (after `(` or `,`). */
  atArgument: boolean;
  /** Index of the first token of the keyword argument being read, if any. */
  valueFrom?: number;
}

/** Collects imports, import aliases and raw calls; resolves call names once all are seen. */
class NamespaceScan {
  private readonly aliases = new Map<string, string>();
  private readonly imports: PythonImport[] = [];
  private readonly calls: PythonCall[] = [];

  scan(tokens: PythonToken[], path: string, mapLine: (line: number) => number | undefined): void {
    const stack: Frame[] = [];
    const isOp = (index: number, text: string) => tokens[index]?.kind === 'op' && tokens[index].text === text;
    /** Record a call named by the tokens before `after`; returns the index of its last token (its `(` if any). */
    const openCall = (name: string, nameToken: PythonToken, decorator: boolean, after: number) => {
      const call: PythonCall = { path, line: mapLine(nameToken.line), name, keywords: [], decorator };
      this.calls.push(call);
      if (!isOp(after, '(')) return after - 1;
      stack.push({ call, offset: tokens[after].offset, atArgument: true });
      return after;
    };

    /** The keyword argument being read in `at` ends at token `end` (its `,` or `)`). */
    const endValue = (at: Frame, end: number) => {
      if (at.call?.values && at.valueFrom !== undefined) at.call.values[at.call.values.length - 1] = valueText(tokens, at.valueFrom, end);
      at.valueFrom = undefined;
    };

    let atStatementStart = true;
    /** The last call whose `)` was read, and that token's index: a method called on its result chains on. */
    let closed: { call: PythonCall; at: number } | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.kind === 'newline') {
        atStatementStart = true;
        stack.length = 0;
        closed = undefined;
        continue;
      }
      const frame = stack[stack.length - 1];
      const wasAtArgument = frame?.atArgument ?? false;
      if (frame) frame.atArgument = false;

      if (atStatementStart) {
        atStatementStart = false;
        if (token.kind === 'name' && (token.text === 'import' || token.text === 'from')) {
          i = this.readImport(tokens, i, { path, line: mapLine(token.line) }) - 1;
          continue;
        }
        if (isOp(i, '@')) {
          const decorator = readDottedName(tokens, i + 1);
          if (decorator) i = openCall(decorator.name, tokens[i + 1], true, decorator.end);
          continue;
        }
      }

      if (token.kind === 'name') {
        if (wasAtArgument && frame?.call && isOp(i + 1, '=') && token.offset - frame.offset <= MAX_ARGUMENT_CHARS) {
          frame.call.keywords.push(token.text);
          (frame.call.values ??= []).push('');
          frame.valueFrom = i + 2;
        }
        const previous = tokens[i - 1];
        const continuesChain = previous?.kind === 'op' && previous.text === '.';
        const defines = previous?.kind === 'name' && (previous.text === 'def' || previous.text === 'class');
        if (continuesChain && closed !== undefined && closed.at === i - 2) {
          // A method called on a call's result: `LogisticRegression().fit(X, y)` is `LogisticRegression().fit`.
          const chain = readDottedName(tokens, i);
          if (chain && isOp(chain.end, '(')) i = openCall(`${closed.call.name}().${chain.name}`, token, false, chain.end);
        } else if (!continuesChain && !defines && !PYTHON_KEYWORDS.has(token.text)) {
          const chain = readDottedName(tokens, i);
          if (chain && isOp(chain.end, '(')) i = openCall(chain.name, token, false, chain.end);
        }
      } else if (token.kind === 'op') {
        if (token.text === '(' || token.text === '[' || token.text === '{') {
          stack.push({ offset: token.offset, atArgument: true });
        } else if (token.text === ')' || token.text === ']' || token.text === '}') {
          if (frame) endValue(frame, i);
          stack.pop();
          closed = token.text === ')' && frame?.call ? { call: frame.call, at: i } : undefined;
        } else if (token.text === ',' && frame) {
          endValue(frame, i);
          frame.atArgument = true;
        }
      }
    }
  }

  /**
   * Calls with names resolved through the aliases, minus unimported builtins and the methods
   * called on their results (`str(x).strip()`).
   */
  resolved(): { imports: PythonImport[]; calls: PythonCall[] } {
    const calls: PythonCall[] = [];
    for (const call of this.calls) {
      // The first name: up to a dot, or to the `()` of a chained call (`LogisticRegression().fit`).
      const end = call.name.search(/[.(]/);
      const head = end < 0 ? call.name : call.name.slice(0, end);
      const target = this.aliases.get(head);
      if (target !== undefined) calls.push({ ...call, name: target + call.name.slice(head.length) });
      else if ((end >= 0 && call.name[end] === '.') || !DROPPED_BUILTINS.has(head)) calls.push(call);
    }
    return { imports: this.imports, calls };
  }

  /**
   * Read `import a.b as c, d` or `from a.b import (c as d, e)` starting at `start`;
   * returns the index of the statement's end.
   */
  private readImport(tokens: PythonToken[], start: number, location: Location): number {
    let end = start;
    while (end < tokens.length && tokens[end].kind !== 'newline') end++;
    const statement = tokens.slice(start, end);
    const names = (from: number) => readImportedNames(statement, from);

    if (statement[0].text === 'import') {
      for (const { name, alias } of names(1)) {
        this.imports.push({ ...location, module: name });
        // `import a.b` binds `a`, which already resolves to itself.
        if (alias !== undefined) this.aliases.set(alias, name);
      }
      return end;
    }
    // Relative imports (`from ..models import X`) keep their dots: they name no installable
    // module, so they bind no alias, but they say which repository file the code uses.
    let dots = 1;
    while (statement[dots]?.kind === 'op' && statement[dots].text === '.') dots++;
    const relative = '.'.repeat(dots - 1);
    const module = statement[dots]?.text === 'import' ? undefined : readDottedName(statement, dots);
    const importAt = module ? module.end : dots;
    if ((!module && !relative) || statement[importAt]?.text !== 'import') return end;
    const imported = names(importAt + 1);
    this.imports.push({ ...location, module: relative + (module?.name ?? ''), ...(imported.length > 0 && { names: imported.map((n) => n.name) }) });
    if (!relative) for (const { name, alias } of imported) this.aliases.set(alias ?? name, `${module!.name}.${name}`);
    return end;
  }
}

/** A keyword argument's value from its tokens (strings quoted again), cut short; `''` when it could not be read. */
function valueText(tokens: readonly PythonToken[], from: number, to: number): string {
  let text = '';
  for (let i = from; i < to && text.length < MAX_VALUE_CHARS; i++) {
    text += tokens[i].kind === 'string' ? `"${tokens[i].text}"` : tokens[i].text;
  }
  return text.slice(0, MAX_VALUE_CHARS);
}

/** `a.b.c` starting at `start` and the index after it; undefined when no name starts there. */
function readDottedName(tokens: readonly PythonToken[], start: number): { name: string; end: number } | undefined {
  if (tokens[start]?.kind !== 'name') return undefined;
  let name = tokens[start].text;
  let end = start + 1;
  while (tokens[end]?.text === '.' && tokens[end].kind === 'op' && tokens[end + 1]?.kind === 'name') {
    name += `.${tokens[end + 1].text}`;
    end += 2;
  }
  return { name, end };
}

/** The comma-separated `name [as alias]` list of an import statement; `*` and brackets are skipped. */
function readImportedNames(statement: readonly PythonToken[], start: number): Array<{ name: string; alias?: string }> {
  const names: Array<{ name: string; alias?: string }> = [];
  let index = start;
  while (index < statement.length) {
    const dotted = readDottedName(statement, index);
    if (!dotted) {
      index++;
      continue;
    }
    const hasAlias = statement[dotted.end]?.text === 'as' && statement[dotted.end + 1]?.kind === 'name';
    names.push(hasAlias ? { name: dotted.name, alias: statement[dotted.end + 1].text } : { name: dotted.name });
    index = dotted.end + (hasAlias ? 2 : 0);
  }
  return names;
}
