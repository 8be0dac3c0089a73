/** Practice statuses from the rule engine's signals. */
import type { Facts } from '../model/facts';
import type { Practice, Strength } from '../model/knowledge';
import type { Confidence, PracticeResult, Signal } from '../model/report';
import { runChecks } from '../engine/checks';
import { evaluateRule } from '../engine/rules';
import { patternKey } from '../engine/textMatches';
import type { FindingSuppressor } from './findingSuppressions';
import type { SignalScope } from './scope';
import { hidingWarnings, unseenEvidence } from './unseen';

export const STRENGTH_RANK: Record<Strength, number> = { mentioned: 1, configured: 2, ci: 3 };

/** The references a practice cites only as indirect support, when there are any. */
function indirectEvidence(practice: Practice): { indirectEvidence?: string[] } {
  const refs = practice.citations.filter((c) => c.indirect).map((c) => c.ref);
  return refs.length > 0 ? { indirectEvidence: refs } : {};
}

/** Scan warnings that mean some evidence may not have been seen. */
const INCOMPLETE_SCAN = new Set(['unreadable', 'too-large', 'parse-error', 'too-many-files', 'too-deep', 'binary']);

/** Signals kept per rule in a report: enough to show where, without flooding it. */
export const MAX_SIGNALS_PER_RULE = 20;

/** Assess every practice: all its counted signals, status and confidence; suppressions keep their reason. */
export function assessPractices(
  practices: readonly Practice[],
  facts: Facts,
  suppressions: ReadonlyMap<string, string>,
  scope: SignalScope,
  suppressedFinding: FindingSuppressor = () => undefined,
): PracticeResult[] {
  const scanIncomplete = facts.warnings.some((w) => INCOMPLETE_SCAN.has(w.code));
  const hiding = hidingWarnings(facts);
  return practices.map((practice) => {
    const signals = scope.counted(practice.id, practice.detect.flatMap((rule) => evaluateRule(rule, facts, practice.id, practice.patternEngine)));
    const reason = suppressions.get(practice.id);
    const base = {
      id: practice.id,
      title: practice.title,
      dimension: practice.dimension,
      level: practice.level,
      signals,
      evidence: practice.evidence,
      ...indirectEvidence(practice),
    };
    if (reason !== undefined) return { ...base, status: 'suppressed', confidence: 'high', suppressedReason: reason };
    const starter = unfilledStarter(practice, facts);
    // An unfilled starter file is a first step, not the practice: on its own it makes it partial at most.
    const counted = starter ? signals.filter((s) => s.path !== starter.path) : signals;
    const status = statusFromSignals(counted, practice.require);
    const withStarter = starter ? { starter } : {};
    const mixed = status === 'present' ? mixedBy(practice, facts, signals, suppressedFinding) : undefined;
    if (mixed) return { ...base, status: 'partial', confidence: presentConfidence(counted, practice.require), ...withStarter, mixed };
    if (status === 'present') return { ...base, status, confidence: presentConfidence(counted, practice.require), ...withStarter };
    if (status === 'partial' || counted.length < signals.length) return { ...base, status: 'partial', confidence: 'low', ...withStarter };
    const unavailable = unseenEvidence(practice.detect, hiding, facts);
    if (unavailable.length > 0) return { ...base, status: 'not-available', confidence: 'low', unavailable };
    return { ...base, status, confidence: scanIncomplete ? 'medium' : 'high' };
  });
}

/** The practice's starter file while its placeholder line is still there (see the template's `unfilled`). */
function unfilledStarter(practice: Practice, facts: Facts): { path: string; line?: number } | undefined {
  const template = practice.remediation.template;
  if (template?.unfilled === undefined) return undefined;
  const found = facts.texts.get(template.path)?.first.get(patternKey({ pattern: template.unfilled, engine: practice.patternEngine }));
  return found ? { path: template.path, ...(found.line !== undefined && { line: found.line }) } : undefined;
}

/** The first `mixed` check with findings (suppressed ones aside): the practice holds in part of the repository only. */
function mixedBy(practice: Practice, facts: Facts, signals: readonly Signal[], suppressed: FindingSuppressor): PracticeResult['mixed'] {
  for (const check of practice.checks) {
    if (check.mixed === undefined) continue;
    const findings = runChecks({ ...practice, checks: [check] }, facts, signals).filter((f) => suppressed(f) === undefined).length;
    if (findings > 0) return { check: `${practice.id}/${check.id}`, reason: check.mixed, findings };
  }
  return undefined;
}

/**
 * Present when a signal reaches the required strength; partial when the strongest is
 * `configured` (set up but not run in CI, say); absent otherwise: a tool only named, e.g.
 * declared as a dependency, is no evidence of the practice at all.
 */
export function statusFromSignals(signals: readonly Signal[], require: Strength): 'present' | 'partial' | 'absent' {
  // A reduce, not Math.max(...): a file can yield hundreds of thousands of signals.
  const strongest = signals.reduce((max, s) => Math.max(max, STRENGTH_RANK[s.strength]), 0);
  if (strongest >= STRENGTH_RANK[require]) return 'present';
  return strongest >= STRENGTH_RANK.configured ? 'partial' : 'absent';
}

/** A practice's signals with at most MAX_SIGNALS_PER_RULE kept per rule, for reports. */
export function capSignals(signals: readonly Signal[]): Signal[] {
  const perRule = new Map<string, number>();
  return signals.filter((s) => {
    const count = (perRule.get(s.rule) ?? 0) + 1;
    perRule.set(s.rule, count);
    return count <= MAX_SIGNALS_PER_RULE;
  });
}

/** Two independent rules, or a stronger signal than required, make a presence certain. */
function presentConfidence(signals: readonly Signal[], require: Strength): Confidence {
  const rules = new Set(signals.filter((s) => STRENGTH_RANK[s.strength] >= STRENGTH_RANK[require]).map((s) => s.rule));
  const stronger = signals.some((s) => STRENGTH_RANK[s.strength] > STRENGTH_RANK[require]);
  return rules.size >= 2 || stronger ? 'high' : 'medium';
}
