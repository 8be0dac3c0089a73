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

/** A scan warning that may hide evidence: a file not read or not parsed, or a folder not listed. */
export interface HidingWarning {
  path: string;
  reason: string;
  parseError: boolean;
  /** A folder that could not be listed (any file under it could hold evidence). */
  folder: boolean;
}

/** The scan's warnings that may hide evidence, worked out once per audit for every practice. */
export function hidingWarnings(facts: Facts): HidingWarning[] {
  const warnings = facts.warnings.filter((w) => w.path !== undefined && HIDING.has(w.code));
  if (warnings.length === 0) return [];
  // One pass over the listing: which warned paths are files (the others are folders).
  const warned = new Set(warnings.map((w) => w.path!));
  const files = new Set(facts.files.filter((f) => warned.has(f.path)).map((f) => f.path));
  return warnings.map((w) => ({ path: w.path!, reason: w.message, parseError: w.code === 'parse-error', folder: !files.has(w.path!) }));
}

/** The files and folders that could hold evidence for these rules but were not seen. */
export function unseenEvidence(rules: readonly DetectionRule[], hiding: readonly HidingWarning[], facts: Facts): UnseenEvidence[] {
  if (hiding.length === 0) return [];
  const evidence = evidenceFilesOf(rules);
  if (evidence.length === 0) return [];
  const { matchPathOf } = indexFacts(facts);
  const read = globMatcher(evidence.flatMap((e) => e.globs));
  const parsed = globMatcher(evidence.filter((e) => e.parsed).flatMap((e) => e.globs));
  // A folder hides evidence where a glob names it from the root (`.github/workflows/*.yml` for
  // `.github`), not merely because `**` could reach into it: one unreadable data folder must
  // not leave every absent practice unjudged.
  const anchored = evidence.flatMap((e) => e.globs).map((g) => g.replace(/^(\*\*\/)+/, ''));
  const unseen = new Map<string, UnseenEvidence>();
  for (const w of hiding) {
    const hides = w.folder
      ? anchored.some((g) => minimatch(w.path, g, { dot: true, nocase: true, partial: true }))
      : w.parseError ? parsed(matchPathOf(w.path)) : read(matchPathOf(w.path));
    if (hides && !unseen.has(w.path)) unseen.set(w.path, { path: w.path, reason: w.reason });
  }
  return [...unseen.values()];
}
