/**
 * The report as a flat list of issues, for the CI formats that annotate files (GitHub
 * workflow commands, GitLab Code Quality): practices missing up to the target level (and
 * foundation gaps), trade-off warnings, and check findings, each at a place in a file.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../model/knowledge';
import type { PracticeResult, Report } from '../model/report';

/**
 * Where a repository-level result points when nothing in the repository holds it (GitHub
 * requires a location on every result): the file that would hold the practice, its starter
 * file, when it has one, else the README, as OpenSSF Scorecard gives such results a default
 * location.
 */
export const DEFAULT_LOCATION = 'README.md';

export type IssueSeverity = 'error' | 'warning' | 'notice';

export interface Issue {
  /** Practice id, `tradeoff/<id>`, or a check's `practice/check` id. */
  check: string;
  title: string;
  message: string;
  severity: IssueSeverity;
  path: string;
  line?: number;
  /** Stable across commits: the check, the file and what it says (never the line). */
  fingerprint: string;
}

/** The practices a CI report raises: not present, and expected by the target level or a foundation gap. */
export function raisedPractices(report: Report): { practice: PracticeResult; foundationGap: boolean }[] {
  const gaps = new Set(report.level.foundationGaps.map((g) => g.practice));
  return report.practices
    .filter((p) => p.status !== 'present' && p.status !== 'suppressed' && (p.level <= report.level.target || gaps.has(p.id)))
    .map((practice) => ({ practice, foundationGap: gaps.has(practice.id) }));
}

/** Every issue of the report, practices first, then trade-offs, then findings. */
export function reportIssues(report: Report, knowledge?: Pick<KnowledgeBase, 'practices'>, pathPrefix?: string): Issue[] {
  const home = new Map((knowledge?.practices ?? []).flatMap((p) => (p.remediation.template ? [[p.id, p.remediation.template.path]] : [])));
  const firstSteps = new Map(report.recommendations.map((r) => [r.practice, r.firstStep]));
  const issues: Omit<Issue, 'fingerprint'>[] = [
    ...raisedPractices(report).map(({ practice: p, foundationGap }) => {
      const place = p.signals[0] ?? p.unavailable?.[0] ?? { path: home.get(p.id) ?? DEFAULT_LOCATION };
      const what = p.status === 'not-available' ? 'could not be judged' : p.status === 'partial' ? 'is only partly in place' : 'is missing';
      const step = firstSteps.get(p.id);
      return {
        check: p.id,
        title: `MLOps: ${p.title}`,
        message: `${p.title} ${what} (${foundationGap ? `a foundation gap below level ${report.level.current}` : `expected from level ${p.level}; target ${report.level.target}`}).${step ? ` First step: ${step}` : ''}`,
        severity: (p.status === 'not-available' ? 'notice' : 'warning') as IssueSeverity,
        path: place.path,
        ...('line' in place && place.line !== undefined ? { line: place.line } : {}),
      };
    }),
    ...report.tradeoffs.filter((t) => t.suppressedReason === undefined).map((t) => ({
      check: `tradeoff/${t.id}`,
      title: `MLOps trade-off: ${t.title}`,
      message: `${t.message} Action: ${t.action}`,
      severity: (t.severity === 'info' ? 'notice' : t.severity) as IssueSeverity,
      path: t.signals[0]?.path ?? DEFAULT_LOCATION,
      ...(t.signals[0]?.line !== undefined ? { line: t.signals[0].line } : {}),
    })),
    ...report.findings.map((f) => ({
      check: f.id,
      title: `MLOps: ${f.id}`,
      message: f.message,
      severity: (f.severity === 'warning' ? 'warning' : 'notice') as IssueSeverity,
      path: f.path,
      ...(f.line !== undefined ? { line: f.line } : {}),
    })),
  ];
  return issues.map((i) => ({
    ...i,
    // Given from the repository root when a sub-folder was audited, where CI annotates files.
    ...(pathPrefix ? { path: `${pathPrefix}/${i.path}` } : {}),
    fingerprint: createHash('sha256').update(`${i.check}\0${i.path}\0${i.message}`).digest('hex'),
  }));
}
