/**
 * A forgiving, linear-time Python tokenizer: just enough for import, call and setup.py
 * scans. Comments vanish, strings (any prefix, triple-quoted, spanning lines) become one
 * token, and logical line ends are tokens. It never throws: unknown characters are skipped
 * and an unterminated string ends its line (or, when triple-quoted, the text).
 */

export type PythonTokenKind = 'name' | 'number' | 'string' | 'op' | 'newline';

export interface PythonToken {
  kind: PythonTokenKind;
  /** The name, operator or number as written; a string's contents without prefix or quotes. */
  text: string;
  /** 1-based line where the token starts. */
  line: number;
  /** Character offset where the token starts. */
  offset: number;
}

const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);
/** Operators that take a trailing `=` (`==`, `<=`, `+=`, ...): keeps `==` apart from keyword `=`. */
const AUGMENTABLE = new Set([...'=!<>:+-*/%&|^@~']);
const STRING_PREFIX = /^(?:[rbuft]|br|rb|fr|rf|tr|rt)$/i;

/** Tokenize Python source. A `newline` token ends each logical line (brackets and `\` join lines; `;` splits). */
export function tokenizePython(text: string): PythonToken[] {
  const tokens: PythonToken[] = [];
  const length = text.length;
  let index = 0;
  let line = 1;
  let depth = 0;

  const push = (kind: PythonTokenKind, tokenText: string, offset: number, tokenLine = line) => {
    tokens.push({ kind, text: tokenText, line: tokenLine, offset });
  };
  /** Length of the line break at `at`: 1 for `\n`, 2 for `\r\n`, else 0. */
  const lineBreakAt = (at: number) => (text[at] === '\n' ? 1 : text[at] === '\r' && text[at + 1] === '\n' ? 2 : 0);
  const endLogicalLine = (offset: number) => {
    if (depth === 0 && tokens.length > 0 && tokens[tokens.length - 1].kind !== 'newline') push('newline', '', offset);
  };

  /** Read a string whose opening quote is at `quote`; `start` includes any prefix. */
  const readString = (start: number, quote: number) => {
    const mark = text[quote];
    const triple = text[quote + 1] === mark && text[quote + 2] === mark;
    const startLine = line;
    const contentStart = quote + (triple ? 3 : 1);
    let cursor = contentStart;
    let contentEnd = length;
    while (cursor < length) {
      const char = text[cursor];
      if (char === '\\') {
        const lineBreak = lineBreakAt(cursor + 1);
        if (lineBreak > 0) line++;
        cursor += 1 + Math.max(lineBreak, 1);
      } else if (char === '\n') {
        // A single-quoted string cannot span lines: treat it as ending here.
        if (!triple) {
          contentEnd = cursor;
          break;
        }
        line++;
        cursor++;
      } else if (char === mark && (!triple || (text[cursor + 1] === mark && text[cursor + 2] === mark))) {
        contentEnd = cursor;
        cursor += triple ? 3 : 1;
        break;
      } else {
        cursor++;
      }
    }
    push('string', text.slice(contentStart, Math.min(contentEnd, length)), start, startLine);
    index = Math.min(cursor, length);
  };

  while (index < length) {
    const char = text[index];
    const code = text.charCodeAt(index);
    if (char === '\n') {
      endLogicalLine(index);
      line++;
      index++;
    } else if (char === ' ' || char === '\t' || char === '\r' || char === '\f') {
      index++;
    } else if (char === '#') {
      const end = text.indexOf('\n', index);
      index = end < 0 ? length : end;
    } else if (char === '\\') {
      // Explicit line joining: the backslash and the line break vanish.
      const lineBreak = lineBreakAt(index + 1);
      if (lineBreak > 0) line++;
      index += 1 + lineBreak;
    } else if (char === '"' || char === "'") {
      readString(index, index);
    } else if (isIdentifierStart(code, char)) {
      const start = index;
      while (index < length && isIdentifierPart(text.charCodeAt(index), text[index])) index++;
      const word = text.slice(start, index);
      if ((text[index] === '"' || text[index] === "'") && STRING_PREFIX.test(word)) {
        readString(start, index);
      } else {
        push('name', word, start);
      }
    } else if (isDigit(code) || (char === '.' && isDigit(text.charCodeAt(index + 1)))) {
      const start = index;
      index++;
      while (index < length && (isIdentifierPart(text.charCodeAt(index), text[index]) || text[index] === '.')) index++;
      push('number', text.slice(start, index), start);
    } else if (code > 0x20 && code < 0x7f) {
      const operator = AUGMENTABLE.has(char) && text[index + 1] === '=' ? `${char}=` : char;
      if (OPENING.has(char)) depth++;
      else if (CLOSING.has(char)) depth = Math.max(0, depth - 1);
      if (char === ';') endLogicalLine(index);
      else push('op', operator, index);
      index += operator.length;
    } else {
      // Control characters, stray non-letters and other garbage carry nothing.
      index++;
    }
  }
  endLogicalLine(length);
  return tokens;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const UNICODE_LETTER = /[\p{L}\p{Nl}]/u;
const UNICODE_IDENTIFIER_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u;

function isIdentifierStart(code: number, char: string): boolean {
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return UNICODE_LETTER.test(char);
}

function isIdentifierPart(code: number, char: string): boolean {
  if (code < 0x80) return isIdentifierStart(code, char) || isDigit(code);
  return UNICODE_IDENTIFIER_PART.test(char);
}
