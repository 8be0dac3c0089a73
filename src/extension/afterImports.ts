/**
 * Where a quick fix inserts code "after the imports" of a Python file: past a shebang,
 * comments, the module docstring and the leading import block (multi-line parenthesised
 * imports included). Pure text logic, no editor API, so it is unit-tested directly.
 */

/** 0-based line index at which to insert; 0 when the file starts with code. */
export function lineAfterImports(lines: readonly string[]): number {
  let insertAt = 0;
  let i = 0;
  let inDocstring: string | undefined;
  let openParens = 0;
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (inDocstring) {
      if (line.includes(inDocstring)) {
        inDocstring = undefined;
        insertAt = i + 1;
      }
      continue;
    }
    if (openParens > 0) {
      openParens += count(line, '(') - count(line, ')');
      if (openParens <= 0) insertAt = i + 1;
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const quote = /^[rRuUbB]?("""|''')/.exec(line)?.[1];
    if (quote && insertAt === 0) {
      // A docstring closes on its own line when the quote appears twice.
      if (line.indexOf(quote, line.indexOf(quote) + 3) < 0) inDocstring = quote;
      else insertAt = i + 1;
      continue;
    }
    if (/^(import\s|from\s+\S+\s+import\b)/.test(line)) {
      openParens = count(line, '(') - count(line, ')');
      if (openParens <= 0) insertAt = i + 1;
      continue;
    }
    break;
  }
  return insertAt;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
