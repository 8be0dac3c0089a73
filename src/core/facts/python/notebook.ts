/**
 * Jupyter notebooks (`*.ipynb`, nbformat 4): code cell count, and the imports and calls of
 * the code cells, scanned as one namespace (cells share their imports). IPython magics and
 * shell lines are blanked; a cell under a non-Python cell magic (`%%bash`) is not scanned.
 * Facts point at the notebook's JSON line of their source line when it can be found cheaply.
 */
import type { Extractor } from '../extractor';
import { asRecord } from '../yamlSource';
import { visit } from 'jsonc-parser';
import { extractPythonFacts, type PythonChunk } from './pythonSource';

/** Thrown when a notebook is not valid JSON or not a notebook; carries the line when known. */
export class NotebookSyntaxError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'NotebookSyntaxError';
  }
}

/** Cell magics whose body is still Python. */
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug']);

export const extractor: Extractor = {
  id: 'notebook',
  files: ['**/*.ipynb'],
  extract(file) {
    const notebook = parseNotebook(file.text);
    const codeCells = notebook.cells.map(asRecord).filter((cell) => cell?.cell_type === 'code');
    const chunks: PythonChunk[] = [];
    if (isPythonNotebook(notebook.metadata)) {
      for (const { source, mapLine } of codeCellSources(notebook.cells, file.text)) {
        const text = pythonText(source);
        if (text !== undefined) chunks.push({ text, mapLine });
      }
    }
    const { imports, calls } = extractPythonFacts(file.path, chunks);
    return { notebooks: [{ path: file.path, codeCells: codeCells.length }], imports, calls };
  },
};

/**
 * The source lines of the notebook's code cells, each with the line of the file where it is
 * written (undefined when it cannot be found), for `content` rules: they read the code, never
 * markdown prose or outputs. An unreadable notebook, or one of another language, has none.
 */
export function notebookCodeLines(json: string): { lines: string[]; lineNumbers: (number | undefined)[] } {
  const lines: string[] = [];
  const lineNumbers: (number | undefined)[] = [];
  let notebook: { cells: unknown[]; metadata: unknown };
  try {
    notebook = parseNotebook(json);
  } catch {
    return { lines, lineNumbers };
  }
  if (!isPythonNotebook(notebook.metadata)) return { lines, lineNumbers };
  for (const { source, mapLine } of codeCellSources(notebook.cells, json)) {
    source.split('\n').forEach((text, index) => {
      lines.push(text);
      lineNumbers.push(mapLine(index + 1));
    });
  }
  return { lines, lineNumbers };
}

/** Each code cell's source text with the map from its lines to the notebook file's lines. */
function codeCellSources(cells: readonly unknown[], json: string): { source: string; mapLine: (line: number) => number | undefined }[] {
  const stringLines = sourceStringLines(json);
  return cells.flatMap((raw, index) => {
    const cell = asRecord(raw);
    if (cell?.cell_type !== 'code') return [];
    const elements = sourceElements(cell.source);
    return [{ source: elements.join(''), mapLine: lineMapper(elements, stringLines.get(index)) }];
  });
}

function parseNotebook(text: string): { cells: unknown[]; metadata: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const position = /at position (\d+)/.exec((err as Error).message);
    const line = position ? lineStarts(text.slice(0, Number(position[1]))).length : undefined;
    throw new NotebookSyntaxError(`invalid notebook JSON${line ? ` at line ${line}` : ''}: ${(err as Error).message}`, line);
  }
  const root = asRecord(value);
  if (!root || !Array.isArray(root.cells)) {
    throw new NotebookSyntaxError(`not an nbformat 4 notebook: no "cells" list (nbformat ${String(root?.nbformat ?? 'unknown')})`);
  }
  return { cells: root.cells, metadata: root.metadata };
}

/** Python unless the kernel says otherwise (an R or Julia notebook's calls mean nothing here). */
function isPythonNotebook(metadata: unknown): boolean {
  const meta = asRecord(metadata);
  const language = asRecord(meta?.kernelspec)?.language ?? asRecord(meta?.language_info)?.name;
  return typeof language !== 'string' || language.toLowerCase().startsWith('python');
}

/** A cell's `source` as its JSON strings: nbformat writes a list of lines, or one string. */
function sourceElements(source: unknown): string[] {
  if (typeof source === 'string') return [source];
  return Array.isArray(source) ? source.filter((s): s is string => typeof s === 'string') : [];
}

/** The cell's Python with magic and shell lines blanked (keeping line numbers); undefined for a non-Python cell magic. */
function pythonText(source: string): string | undefined {
  const lines = source.split('\n');
  const cellMagic = /^\s*%%(\w*)/.exec(lines.find((line) => line.trim() !== '') ?? '');
  if (cellMagic && !PYTHON_CELL_MAGICS.has(cellMagic[1])) return undefined;
  return lines.map((line) => (/^\s*[%!?]/.test(line) ? '' : line)).join('\n');
}

/** Offsets where the lines of `text` start. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The file line of each source string of every cell, read from the JSON text by a parser
 * that keeps positions (jsonc-parser's visitor), so a source line is never confused with the
 * same text in an earlier cell's outputs or another cell.
 */
function sourceStringLines(json: string): Map<number, number[]> {
  const lines = new Map<number, number[]>();
  try {
    visitSourceStrings(json, lines);
  } catch (err) {
    // The visitor recurses: JSON nested tens of thousands deep (which JSON.parse reads) exhausts
    // the stack. The facts are still found, without their lines.
    if (err instanceof RangeError) return new Map();
    throw err;
  }
  return lines;
}

function visitSourceStrings(json: string, lines: Map<number, number[]>): void {
  visit(json, {
    onLiteralValue(value, _offset, _length, startLine, _startCharacter, pathSupplier) {
      if (typeof value !== 'string') return;
      const path = pathSupplier();
      // ['cells', i, 'source'] for a one-string source; ['cells', i, 'source', j] for a list.
      if (path[0] !== 'cells' || path[2] !== 'source' || typeof path[1] !== 'number' || path.length > 4) return;
      const cell = lines.get(path[1]) ?? [];
      cell.push(startLine + 1);
      lines.set(path[1], cell);
    },
  });
}

/** Maps a cell's 1-based source line to the file line of the source string that holds it. */
function lineMapper(elements: readonly string[], stringLines: readonly number[] | undefined): (line: number) => number | undefined {
  if (!stringLines || stringLines.length !== elements.length) return () => undefined;
  // The cell line each string starts on.
  const firstLines: number[] = [];
  let next = 1;
  for (const element of elements) {
    firstLines.push(next);
    for (let i = element.indexOf('\n'); i >= 0; i = element.indexOf('\n', i + 1)) next++;
  }
  // Binary search: a cell can hold thousands of lines.
  return (line) => {
    let low = 0;
    let high = firstLines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (firstLines[middle] <= line) low = middle;
      else high = middle - 1;
    }
    return stringLines[low];
  };
}
