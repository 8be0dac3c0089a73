/** Runs one extractor on in-memory files, recording warnings. */
import type { ScanWarning } from '../../../src/core/model/facts';
import type { Extractor, FactsPatch } from '../../../src/core/facts/extractor';

/** Extract `text` as `path`; `others` are the files `ctx.read` can see. */
export async function extractText(
  extractor: Extractor, path: string, text: string, others: Record<string, string> = {},
): Promise<FactsPatch & { warnings: ScanWarning[] }> {
  const warnings: ScanWarning[] = [];
  const patch = await extractor.extract({ path, text }, {
    read: async (other) => others[other],
    exists: (other) => other in others,
    warn: (warning) => warnings.push(warning),
  });
  return { ...patch, warnings };
}

/** Join lines with the given line ending (to test CRLF files). */
export function lines(eol: '\n' | '\r\n', ...text: string[]): string {
  return text.join(eol) + eol;
}
