/**
 * Located findings from the practices' checks, with a severity that follows the stage:
 * what the target level expects is a warning, the next level up is information, and
 * anything beyond is only a hint — a prototype is not nagged about drift monitoring.
 */
import type { Facts } from '../model/facts';
import type { Practice } from '../model/knowledge';
import type { Finding, FindingSeverity, PracticeResult, SuppressedFinding } from '../model/report';
import { runChecks, type RawFinding } from '../engine/checks';
import type { FindingSuppressor } from './findingSuppressions';

export function assessFindings(
  practices: readonly Practice[],
  results: readonly PracticeResult[],
  facts: Facts,
  target: number,
  suppressedFinding: FindingSuppressor = () => undefined,
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const all = practices.flatMap((practice, i) => {
    const result = results[i];
    if (result.status === 'suppressed') return [];
    const severity = severityFor(practice.level, target);
    const checks = result.status === 'present' ? practice.checks.filter((c) => !c.unlessPresent) : practice.checks;
    return [...starterFindings(practice, result), ...runChecks({ ...practice, checks }, facts, result.signals)].map((finding) => ({ ...finding, severity }));
  }).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of all) {
    const reason = suppressedFinding(finding);
    if (reason === undefined) findings.push(finding);
    else suppressed.push({ ...finding, suppressedReason: reason });
  }
  return { findings, suppressed };
}

/** The practice's starter file still holds its placeholder: fill it in (see PracticeResult.starter). */
function starterFindings(practice: Practice, result: PracticeResult): RawFinding[] {
  if (!result.starter) return [];
  return [{
    id: `${practice.id}/${UNFILLED_STARTER}`,
    practice: practice.id,
    message: `This is still the starter file for ${practice.title}: replace its placeholders with the project's own, and it will count.`,
    path: result.starter.path,
    ...(result.starter.line !== undefined && { line: result.starter.line }),
  }];
}

/** The id (after `practice/`) of the finding on an unfilled starter file. */
const UNFILLED_STARTER = 'unfilled-starter';

/** The global ids of the findings a practice can have: its checks', and its starter file's. */
export function checkIds(practice: Practice): string[] {
  return [
    ...practice.checks.map((c) => `${practice.id}/${c.id}`),
    ...(practice.remediation.template?.unfilled === undefined ? [] : [`${practice.id}/${UNFILLED_STARTER}`]),
  ];
}

export function severityFor(level: number, target: number): FindingSeverity {
  if (level <= target) return 'warning';
  return level === target + 1 ? 'info' : 'hint';
}
