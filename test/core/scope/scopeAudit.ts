/** Audit an in-memory repository with the shipped knowledge base (and an optional config text). */
import { audit } from '../../../src/core/audit';
import { EMPTY_CONFIG, parseConfig } from '../../../src/core/config/config';
import type { Report } from '../../../src/core/model/report';
import { knowledge, TEST_TOOL } from '../../helpers/auditFixture';
import { createMemoryHost } from '../../helpers/memoryHost';

export async function auditFiles(files: Record<string, string>, configText?: string): Promise<Report> {
  const config = configText === undefined ? EMPTY_CONFIG : parseConfig('.mlops-lens.yaml', configText, knowledge());
  return audit(createMemoryHost(files), { knowledge: knowledge(), config, rootName: 'repo', tool: TEST_TOOL });
}

export function statusOf(report: Report, practice: string): string | undefined {
  return report.practices.find((p) => p.id === practice)?.status;
}

export function signalPaths(report: Report, practice: string): string[] {
  return [...new Set(report.practices.find((p) => p.id === practice)?.signals.map((s) => s.path) ?? [])].sort();
}
