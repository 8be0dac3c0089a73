/**
 * A check's fix fitted to the file it fixes: lines the file already has (its imports, a
 * seeding call) are not added again, the project's own module-level variable is used where
 * the fix names one (`reuse`: the project's `RANDOM_SEED = cfg.seed` instead of `SEED = 42`),
 * and blank lines are neither doubled nor stacked. Applying a fix to its own result adds
 * nothing. Pure text logic, no editor API, so it is unit-tested directly.
 */
import type { CheckFix } from '../core/model/knowledge';
import { tokenizePython } from '../core/facts/python/pythonTokenizer';
import { lineAfterImports, logicalLines } from './afterImports';

/** Text to insert before a 0-based line. */
export interface FixInsert {
  line: number;
  text: string;
}

/** What to insert where; empty when the file already has everything the fix adds. */
export function fixInserts(fix: CheckFix, lines: readonly string[], findingLine?: number): FixInsert[] {
  const present = new Set(lines.map((l) => l.trim()).filter((l) => l !== ''));
  const reused = fix.reuse ? moduleAssignment(lines, new RegExp(fix.reuse.pattern, 'i')) : undefined;
  let body = fix.text.split('\n');
  if (fix.reuse && reused) {
    const name = new RegExp(`\\b${fix.reuse.name}\\b`, 'g');
    body = body.filter((l) => assignedName(l) !== fix.reuse!.name).map((l) => l.replace(name, reused.name));
  }
  const needed = body.filter((l) => l.trim() === '' || !present.has(l.trim()));
  if (fix.at === 'after-line') {
    const text = tidy(needed);
    return text.length > 0 ? [{ line: Math.min(findingLine ?? 1, lines.length), text: `${text.join('\n')}\n` }] : [];
  }
  const afterImports = lineAfterImports(lines);
  // Code that uses the project's variable goes after its assignment; the imports it needs stay with the others.
  if (!reused || reused.endLine <= afterImports) return padded(lines, afterImports, needed);
  return [
    ...padded(lines, afterImports, needed.filter((l) => isImport(l))),
    ...padded(lines, reused.endLine, needed.filter((l) => !isImport(l))),
  ];
}

/** The lines at `line`, with one blank line between them and the file's code before and after. */
function padded(lines: readonly string[], line: number, text: readonly string[]): FixInsert[] {
  const body = tidy(text);
  if (body.length === 0) return [];
  const before = line > 0 && lines[line - 1].trim() !== '' ? '\n' : '';
  const after = line < lines.length && lines[line].trim() !== '' ? '\n' : '';
  return [{ line, text: `${before}${body.join('\n')}\n${after}` }];
}

/** No blank lines at either end, and never two in a row (left by lines the file already had). */
function tidy(text: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of text) {
    if (line.trim() === '' && (out.length === 0 || out[out.length - 1].trim() === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1].trim() === '') out.pop();
  return out;
}

/** The last module-level assignment to a name matching `pattern`, and the line after it (0-based). */
function moduleAssignment(lines: readonly string[], pattern: RegExp): { name: string; endLine: number } | undefined {
  const source = lines.join('\n');
  let found: { name: string; endLine: number } | undefined;
  for (const statement of logicalLines(tokenizePython(source))) {
    const [head, next] = statement.tokens;
    const atLineStart = head.offset === 0 || source[head.offset - 1] === '\n';
    if (head.kind !== 'name' || !atLineStart || next?.text !== '=' || !pattern.test(head.text)) continue;
    found = { name: head.text, endLine: statement.endLine };
  }
  return found;
}

/** `SEED` for `SEED = 42`. */
function assignedName(line: string): string | undefined {
  return /^([A-Za-z_]\w*)\s*=(?!=)/.exec(line.trim())?.[1];
}

function isImport(line: string): boolean {
  return /^(import|from)\s/.test(line.trim());
}
