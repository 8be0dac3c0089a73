/**
 * GitLab Code Quality report (the CodeClimate-style JSON array GitLab shows in merge
 * requests): one entry per issue with a description, check name, fingerprint, severity and
 * the file and line it is about.
 */
import type { KnowledgeBase } from '../model/knowledge';
import type { Report } from '../model/report';
import { reportIssues, type IssueSeverity } from './issues';

const SEVERITY: Record<IssueSeverity, 'critical' | 'major' | 'minor' | 'info'> = { error: 'critical', warning: 'major', notice: 'info' };

/** Renders the report's issues as a GitLab Code Quality JSON array. */
export function renderCodeQuality(report: Report, knowledge?: Pick<KnowledgeBase, 'practices'>, pathPrefix?: string): string {
  const entries = reportIssues(report, knowledge, pathPrefix).map((i) => ({
    description: i.message,
    check_name: i.check,
    fingerprint: i.fingerprint,
    severity: SEVERITY[i.severity],
    location: { path: i.path, lines: { begin: i.line ?? 1 } },
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}
