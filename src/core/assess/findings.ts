/**
 * Located findings from the practices' checks, with a severity that follows the stage:
 * what the target level expects is a warning, the next level up is information, and
 * anything beyond is only a hint — a prototype is not nagged about drift monitoring.
 */
import type { Facts } from '../model/facts';
import type { Practice } from '../model/knowledge';
import type { Finding, FindingSeverity, PracticeResult } from '../model/report';
import { runChecks } from '../engine/checks';

export function assessFindings(
  practices: readonly Practice[],
  results: readonly PracticeResult[],
  facts: Facts,
  target: number,
): Finding[] {
  return practices.flatMap((practice, i) => {
    const result = results[i];
    if (result.status === 'suppressed' || practice.checks.length === 0) return [];
    const severity = severityFor(practice.level, target);
    const checks = result.status === 'present' ? practice.checks.filter((c) => !c.unlessPresent) : practice.checks;
    return runChecks({ ...practice, checks }, facts, result.signals).map((finding) => ({ ...finding, severity }));
  }).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

export function severityFor(level: number, target: number): FindingSeverity {
  if (level <= target) return 'warning';
  return level === target + 1 ? 'info' : 'hint';
}
