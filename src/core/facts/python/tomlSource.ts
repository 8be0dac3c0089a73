/**
 * TOML parsing shared by the pyproject and Pipfile extractors (smol-toml), plus
 * best-effort line lookup: parsed TOML keeps no positions, so lines are found in the text.
 */
import type * as SmolToml from 'smol-toml' with { 'resolution-mode': 'import' };

// smol-toml is an ES module with a CommonJS build; this project compiles to CommonJS,
// where TypeScript (module node16) rejects a static import of an ES module.
const toml: typeof SmolToml = require('smol-toml');

/** Thrown when a TOML file cannot be parsed; carries the line of the error. */
export class TomlSyntaxError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'TomlSyntaxError';
  }
}

/** Parse a TOML document; throws TomlSyntaxError naming the problem and its line. */
export function parseToml(text: string): Record<string, unknown> {
  try {
    return toml.parse(text);
  } catch (err) {
    if (!(err instanceof toml.TomlError)) throw err;
    // The message is "Invalid TOML document: <what>" followed by a code excerpt.
    const what = err.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
    throw new TomlSyntaxError(`invalid TOML at line ${err.line}, column ${err.column}: ${what}`, err.line);
  }
}

/** A dotted key assignment; captures the last key segment (bare or quoted). */
const KEY_ASSIGNMENT = /^\s*(?:(?:[\w-]+|"[^"\n]*"|'[^'\n]*')\s*\.\s*)*([\w-]+|"[^"\n]*"|'[^'\n]*')\s*=/;
/** A one-line basic ("...", with escapes) or literal ('...') string. */
const QUOTED = /"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'/g;

/**
 * Finds the lines of keys and strings in a TOML text, preferring those after a table's
 * `[header]` (when it has one) so dotted keys and inline tables still match. The text is
 * indexed once: lookups do not rescan it.
 */
export class TomlLines {
  private readonly headers = new Map<string, number>();
  private readonly keys = new Map<string, number[]>();
  private readonly strings = new Map<string, number[]>();

  constructor(text: string) {
    text.split(/\r?\n/).forEach((line, index) => this.index(line, index + 1));
  }

  /** Line assigning `key` (bare, quoted, or last part of a dotted key), preferably inside `table`. */
  keyLine(key: string, table?: string): number | undefined {
    return this.pick(this.keys.get(key), table);
  }

  /** Line holding `value` as a quoted string, preferably inside `table`. */
  stringLine(value: string, table?: string): number | undefined {
    return this.pick(this.strings.get(value), table);
  }

  private pick(lines: number[] | undefined, table: string | undefined): number | undefined {
    if (!lines) return undefined;
    const header = table === undefined ? undefined : this.headers.get(table);
    return (header !== undefined ? lines.find((line) => line > header) : undefined) ?? lines[0];
  }

  private index(line: string, lineNumber: number): void {
    const header = /^\s*\[([^[\]]+)\]/.exec(line);
    if (header) {
      const table = header[1].replace(/["'\s]/g, '');
      if (!this.headers.has(table)) this.headers.set(table, lineNumber);
      return;
    }
    const key = KEY_ASSIGNMENT.exec(line)?.[1];
    if (key !== undefined) addLine(this.keys, key.replace(/^(["'])(.*)\1$/, '$2'), lineNumber);
    for (const match of line.matchAll(QUOTED)) {
      addLine(this.strings, match[1]?.replace(/\\(["\\])/g, '$1') ?? match[2], lineNumber);
    }
  }
}

function addLine(lines: Map<string, number[]>, key: string, line: number): void {
  const known = lines.get(key);
  if (known) known.push(line);
  else lines.set(key, [line]);
}
