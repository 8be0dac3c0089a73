/** Audit a tiny in-memory repository with the shipped knowledge base and read one practice's result. */
import { audit } from '../../../src/core/audit';
import { EMPTY_CONFIG } from '../../../src/core/config/config';
import type { Report } from '../../../src/core/model/report';
import { knowledge, TEST_TOOL } from '../../helpers/auditFixture';
import { createMemoryHost } from '../../helpers/memoryHost';

export async function auditTree(tree: Record<string, string>): Promise<Report> {
  return audit(createMemoryHost(tree), { knowledge: knowledge(), config: EMPTY_CONFIG, rootName: 'repo', tool: TEST_TOOL });
}

/** The rules (`practice/rule`) that found evidence of the practice at `configured` strength or above. */
export async function evidenceOf(practice: string, tree: Record<string, string>): Promise<string[]> {
  const report = await auditTree(tree);
  const found = report.practices.find((p) => p.id === practice);
  if (!found) throw new Error(`no practice ${practice}`);
  return [...new Set(found.signals.filter((s) => s.strength !== 'mentioned').map((s) => s.rule.split('/')[1]))].sort();
}

/** A Python notebook (nbformat 4) with one code cell per argument. */
export function notebook(...cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((source) => ({ cell_type: 'code', metadata: {}, outputs: [], source })),
    metadata: { kernelspec: { language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}
