/**
 * Evidence the scan could not see: a practice's evidence files (see the rule kinds'
 * `evidenceFiles`) that could not be read, were over the size limit, or (for kinds that
 * parse them) could not be parsed, and folders that could not be listed where such files
 * could be. A practice with no signals and unseen evidence is "not available", not absent,
 * as OpenSSF Scorecard reports a check it could not run as inconclusive.
 */
import { minimatch } from 'minimatch';
import type { Facts } from '../model/facts';
import type { DetectionRule } from '../model/knowledge';
import type { UnseenEvidence } from '../model/report';
import { evidenceFilesOf } from '../engine/kinds';
import { indexFacts } from '../engine/factIndex';
import { globMatcher } from '../scan/globs';

const HIDING = new Set(['unreadable', 'too-large', 'parse-error']);

/** The files and folders that could hold evidence for these rules but were not seen. */
export function unseenEvidence(rules: readonly DetectionRule[], facts: Facts): UnseenEvidence[] {
  const warnings = facts.warnings.filter((w) => w.path !== undefined && HIDING.has(w.code));
  if (warnings.length === 0) return [];
  const evidence = evidenceFilesOf(rules);
  if (evidence.length === 0) return [];
  const { matchPathOf } = indexFacts(facts);
  const files = new Set(facts.files.map((f) => f.path));
  const read = globMatcher(evidence.flatMap((e) => e.globs));
  const parsed = globMatcher(evidence.filter((e) => e.parsed).flatMap((e) => e.globs));
  // A folder hides evidence where a glob names it from the root (`.github/workflows/*.yml` for
  // `.github`), not merely because `**` could reach into it: one unreadable data folder must
  // not leave every absent practice unjudged.
  const anchored = evidence.flatMap((e) => e.globs).map((g) => g.replace(/^(\*\*\/)+/, ''));
  const unseen = new Map<string, UnseenEvidence>();
  for (const w of warnings) {
    const path = w.path!;
    const hides = !files.has(path)
      // A folder that could not be listed: any evidence file could be in it.
      ? anchored.some((g) => minimatch(path, g, { dot: true, nocase: true, partial: true }))
      : w.code === 'parse-error' ? parsed(matchPathOf(path)) : read(matchPathOf(path));
    if (hides && !unseen.has(path)) unseen.set(path, { path, reason: w.message });
  }
  return [...unseen.values()];
}
