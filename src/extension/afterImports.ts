/**
 * Where a quick fix inserts code "after the imports" of a Python file: past a shebang,
 * comments, the module docstring and the leading import statements. Statements are read
 * with the core's Python tokenizer, so parenthesised and backslash-continued imports,
 * `from __future__` lines and comments holding brackets are taken whole. Pure text logic,
 * no editor API, so it is unit-tested directly.
 */
import { tokenizePython, type PythonToken } from '../core/facts/python/pythonTokenizer';

/** 0-based line index at which to insert; 0 when the file starts with code. */
export function lineAfterImports(lines: readonly string[]): number {
  let insertAt = 0;
  let first = true;
  for (const statement of logicalLines(tokenizePython(lines.join('\n')))) {
    const [head] = statement.tokens;
    const docstring = first && statement.tokens.length === 1 && head.kind === 'string';
    const isImport = head.kind === 'name'
      && (head.text === 'import' || (head.text === 'from' && statement.tokens.some((t) => t.kind === 'name' && t.text === 'import')));
    first = false;
    if (!docstring && !isImport) break;
    insertAt = statement.endLine;
  }
  return insertAt;
}

export interface LogicalLine {
  tokens: PythonToken[];
  /** 1-based physical line the statement ends on. */
  endLine: number;
}

/** Tokens grouped into logical lines (the tokenizer ends each with a `newline` token). */
export function* logicalLines(tokens: readonly PythonToken[]): Generator<LogicalLine> {
  let current: PythonToken[] = [];
  for (const token of tokens) {
    if (token.kind !== 'newline') {
      current.push(token);
      continue;
    }
    if (current.length > 0) yield { tokens: current, endLine: token.line };
    current = [];
  }
  if (current.length > 0) yield { tokens: current, endLine: current[current.length - 1].line };
}
