/**
 * Jupyter notebooks (`*.ipynb`, nbformat 4): code cell count, and the imports and calls of
 * the code cells, scanned as one namespace (cells share their imports). IPython magics and
 * shell lines are blanked; a cell under a non-Python cell magic (`%%bash`) is not scanned.
 * Facts point at the notebook's JSON line of their source line when it can be found cheaply.
 */
import type { Extractor } from '../extractor';
import { asRecord } from '../yamlSource';
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
/** Cells whose source is not found in the JSON text before locating is given up (bounds the searching). */
const MAX_LOCATE_MISSES = 8;

export const extractor: Extractor = {
  id: 'notebook',
  files: ['**/*.ipynb'],
  extract(file) {
    const notebook = parseNotebook(file.text);
    const codeCells = notebook.cells.map(asRecord).filter((cell) => cell?.cell_type === 'code');
    const chunks: PythonChunk[] = [];
    if (isPythonNotebook(notebook.metadata)) {
      const locator = new SourceLocator(file.text);
      for (const cell of codeCells) {
        const elements = sourceElements(cell?.source);
        const mapLine = locator.locate(elements);
        const text = pythonText(elements.join(''));
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
  const locator = new SourceLocator(json);
  for (const cell of notebook.cells.map(asRecord)) {
    if (cell?.cell_type !== 'code') continue;
    const elements = sourceElements(cell.source);
    const mapLine = locator.locate(elements);
    elements.join('').split('\n').forEach((text, index) => {
      lines.push(text);
      lineNumbers.push(mapLine(index + 1));
    });
  }
  return { lines, lineNumbers };
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
 * Finds each code cell's source in the notebook's JSON text, searching forward from the
 * previous cell's, by the JSON encoding of its first source string.
 */
class SourceLocator {
  private cursor = 0;
  private misses = 0;
  private starts: number[] | undefined;

  constructor(private readonly json: string) {}

  /** Maps a cell's 1-based source line to its JSON line; undefined when the source is not found. */
  locate(elements: readonly string[]): (line: number) => number | undefined {
    const unknown = () => undefined;
    if (elements.length === 0 || this.misses >= MAX_LOCATE_MISSES) return unknown;
    const encoded = JSON.stringify(elements[0]);
    const at = this.json.indexOf(encoded, this.cursor);
    if (at < 0) {
      this.misses++;
      return unknown;
    }
    this.cursor = at + encoded.length;
    const first = this.lineAt(at);
    // nbformat's own layout: one source line per JSON string, one string per JSON line.
    const oneLinePerString = elements.every((element, index) => {
      const newline = element.indexOf('\n');
      return newline < 0 ? index === elements.length - 1 : newline === element.length - 1;
    });
    const stringsOnOwnLines = /^,?[ \t]*\r?\n/.test(this.json.slice(this.cursor, this.cursor + 8));
    return oneLinePerString && stringsOnOwnLines ? (line) => first + line - 1 : () => first;
  }

  private lineAt(offset: number): number {
    this.starts ??= lineStarts(this.json);
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}
