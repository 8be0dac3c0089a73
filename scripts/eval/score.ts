/**
 * Scoring the tool against the labels: per-practice precision and recall, micro-F1 over
 * detections (present or partial counts as detected), level agreement, and every
 * disagreement with what each side saw. Pure: audits happen in the caller.
 */
import type { CorpusRepo, RepoLabel } from './corpus';

/** What the tool said about one repository. */
export interface ToolVerdict {
  level: number;
  /** Practice id → status (`present`, `partial`, `absent`, ...). */
  statuses: ReadonlyMap<string, string>;
  /** Practice id → a few `path:line (rule)` strings, to show why a practice was detected. */
  signals: ReadonlyMap<string, readonly string[]>;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Borderline labels, not scored. */
  skipped: number;
}

export interface PracticeScore extends Counts {
  id: string;
  precision: number;
  recall: number;
}

/** A practice the tool and the label disagree on. */
export interface PracticeDisagreement {
  practice: string;
  kind: 'false-positive' | 'false-negative';
  toolStatus: string;
  signals: readonly string[];
  labelNote?: string;
  trap: boolean;
}

export interface RepoResult {
  repo: CorpusRepo;
  labelLevel: number;
  toolLevel: number;
  /**
   * The level the tool's level model gives when fed the labelled practices (borderline
   * ones as the tool saw them): equal to the label's level means a level disagreement
   * is a detection problem; different means the level model itself disagrees.
   */
  oracleLevel: number;
  levelRationale: string;
  disagreements: PracticeDisagreement[];
}

export interface EvalResult {
  repos: RepoResult[];
  practices: PracticeScore[];
  micro: Counts & { precision: number; recall: number; f1: number };
  levelExact: number;
  levelWithinOne: number;
  /** Trap repositories the tool puts above level 0. */
  trapsAboveZero: string[];
}

const DETECTED = new Set(['present', 'partial']);

/** 0/0 is reported as 1: nothing to find and nothing wrongly found. */
function ratio(num: number, den: number): number {
  return den === 0 ? 1 : num / den;
}

/**
 * Score the tool. `levelFromStatuses` is the tool's level model applied to a set of
 * practice statuses (used for the oracle level).
 */
export function score(
  corpus: readonly CorpusRepo[],
  labels: ReadonlyMap<string, RepoLabel>,
  verdicts: ReadonlyMap<string, ToolVerdict>,
  practiceIds: readonly string[],
  levelFromStatuses: (statuses: ReadonlyMap<string, string>) => number,
): EvalResult {
  const perPractice = new Map<string, Counts>(practiceIds.map((id) => [id, { tp: 0, fp: 0, fn: 0, tn: 0, skipped: 0 }]));
  const repos: RepoResult[] = [];
  for (const repo of corpus) {
    const label = labels.get(repo.key);
    const verdict = verdicts.get(repo.key);
    if (!label || !verdict) continue;
    const disagreements: PracticeDisagreement[] = [];
    const oracleStatuses = new Map<string, string>();
    for (const id of practiceIds) {
      const wanted = label.practices.get(id)!;
      const toolStatus = verdict.statuses.get(id) ?? 'absent';
      const counts = perPractice.get(id)!;
      oracleStatuses.set(id, wanted.borderline ? toolStatus : wanted.status);
      if (wanted.borderline) {
        counts.skipped++;
        continue;
      }
      const detected = DETECTED.has(toolStatus);
      const present = wanted.status === 'present';
      if (detected && present) counts.tp++;
      else if (!detected && !present) counts.tn++;
      else {
        if (detected) counts.fp++;
        else counts.fn++;
        disagreements.push({
          practice: id,
          kind: detected ? 'false-positive' : 'false-negative',
          toolStatus,
          signals: verdict.signals.get(id) ?? [],
          labelNote: wanted.note,
          trap: wanted.trap,
        });
      }
    }
    repos.push({
      repo,
      labelLevel: label.level,
      toolLevel: verdict.level,
      oracleLevel: levelFromStatuses(oracleStatuses),
      levelRationale: label.levelRationale,
      disagreements,
    });
  }
  const practices = practiceIds.map((id) => {
    const c = perPractice.get(id)!;
    return { id, ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
  });
  const total = practices.reduce<Counts>(
    (sum, p) => ({ tp: sum.tp + p.tp, fp: sum.fp + p.fp, fn: sum.fn + p.fn, tn: sum.tn + p.tn, skipped: sum.skipped + p.skipped }),
    { tp: 0, fp: 0, fn: 0, tn: 0, skipped: 0 },
  );
  const precision = ratio(total.tp, total.tp + total.fp);
  const recall = ratio(total.tp, total.tp + total.fn);
  return {
    repos,
    practices,
    micro: { ...total, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) },
    levelExact: repos.filter((r) => r.toolLevel === r.labelLevel).length,
    levelWithinOne: repos.filter((r) => Math.abs(r.toolLevel - r.labelLevel) <= 1).length,
    trapsAboveZero: repos.filter((r) => r.repo.category === 'trap' && r.toolLevel > 0).map((r) => r.repo.key),
  };
}
