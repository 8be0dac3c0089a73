/**
 * Suppressions of single findings: a check's findings, everywhere or in the paths a glob
 * names, each with the reason the config gives. A suppressed finding leaves Problems and
 * the findings list but stays in the report with its reason (and in SARIF as suppressed).
 */
import { globMatcher } from '../scan/globs';

/** One `suppress` entry of `.mlops-lens.yaml` whose id is a check's (`practice/check`). */
export interface FindingSuppression {
  /** Global check id, `practice/check`. */
  check: string;
  /** A repository path or glob; unset: the check's findings everywhere. */
  path?: string;
  reason: string;
}

/** The reason a finding is suppressed for, or undefined when it is not; the first matching entry wins. */
export type FindingSuppressor = (finding: { id: string; path: string }) => string | undefined;

export function findingSuppressor(entries: readonly FindingSuppression[]): FindingSuppressor {
  if (entries.length === 0) return () => undefined;
  const compiled = entries.map((entry) => ({ ...entry, matches: entry.path === undefined ? () => true : globMatcher([entry.path]) }));
  return (finding) => compiled.find((entry) => entry.check === finding.id && entry.matches(finding.path))?.reason;
}
