/**
 * Located findings from the practices' checks, with a severity that follows the stage:
 * what the target level expects is a warning, the next level up is information, and
 * anything beyond is only a hint — a prototype is not nagged about drift monitoring.
 */
import type { Facts } from '../model/facts';
import type { Practice } from '../model/knowledge';
import type { Finding, FindingSeverity, PracticeResult } from '../model/report';
import { runChecks, type RawFinding } from '../engine/checks';

export function assessFindings(
  practices: readonly Practice[],
  results: readonly PracticeResult[],
  facts: Facts,
  target: number,
): Finding[] {
  return practices.flatMap((practice, i) => {
    const result = results[i];
    if (result.status === 'suppressed') return [];
    const severity = severityFor(practice.level, target);
    const checks = result.status === 'present' ? practice.checks.filter((c) => !c.unlessPresent) : practice.checks;
    return [...starterFindings(practice, result), ...runChecks({ ...practice, checks }, facts, result.signals)].map((finding) => ({ ...finding, severity }));
  }).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
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

export function severityFor(level: number, target: number): FindingSeverity {
  if (level <= target) return 'warning';
  return level === target + 1 ? 'info' : 'hint';
}
