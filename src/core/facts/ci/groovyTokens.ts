/**
 * A small Groovy tokenizer for Jenkinsfiles: enough to tell code from strings and
 * comments, so `sh 'x'` inside a comment or a string is not mistaken for a step.
 */

export interface GroovyToken {
  kind: 'word' | 'string' | 'punct';
  /** The identifier, the punctuation character, or a string literal's raw content. */
  value: string;
  /** 1-based line where the token starts. */
  line: number;
}

const WORD = /[\w$]+/y;

/** Tokens of Groovy source; comments and whitespace are dropped, slashy strings are not recognised. */
export function tokenizeGroovy(text: string): GroovyToken[] {
  const tokens: GroovyToken[] = [];
  let line = 1;
  let i = 0;
  /** Advance to `end` (exclusive), counting the newlines passed over. */
  const skipTo = (end: number): void => {
    for (; i < end; i++) if (text[i] === '\n') line++;
  };
  while (i < text.length) {
    const c = text[i];
    const start = line;
    if (/\s/.test(c)) {
      skipTo(i + 1);
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      skipTo(end < 0 ? text.length : end);
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      skipTo(end < 0 ? text.length : end + 2);
    } else if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      const end = stringEnd(text, i + quote.length, quote);
      tokens.push({ kind: 'string', value: text.slice(i + quote.length, end), line: start });
      skipTo(Math.min(end + quote.length, text.length));
    } else if (/[A-Za-z_$]/.test(c)) {
      WORD.lastIndex = i;
      const word = WORD.exec(text)?.[0] ?? c;
      tokens.push({ kind: 'word', value: word, line: start });
      skipTo(i + word.length);
    } else {
      tokens.push({ kind: 'punct', value: c, line: start });
      skipTo(i + 1);
    }
  }
  return tokens;
}

/**
 * Index of the closing quote of a string whose content starts at `from` (text length if
 * unterminated). Skips backslash escapes and, in double-quoted strings, `${...}`
 * interpolations, which may themselves contain quotes.
 */
function stringEnd(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (quote[0] === '"' && text.startsWith('${', i)) {
      let depth = 0;
      for (; i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) break;
      }
    } else if (text.startsWith(quote, i)) {
      return i;
    } else if (quote.length === 1 && text[i] === '\n') {
      return i; // a single-quoted string cannot span lines; stop rather than swallow the file
    }
  }
  return text.length;
}
