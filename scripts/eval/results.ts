/** `eval/RESULTS.md`: the evaluation's figures as Markdown tables. */
import type { EvalResult, RepoResult } from './score';
import { mdTable } from '../markdown';

/** The targets of the level-calibration and detection issues. */
export const TARGETS = { levelExact: 0.85, precision: 0.93, recall: 0.93, f1: 0.95 };

export interface RunInfo {
  date: string;
  /** Project commit, with `+changes` when the work tree differs from it. */
  commit: string;
  corpusSize: number;
  /** Corpus repositories left out, with why (no label, no snapshot, wrong commit). */
  missing: string[];
}

const pct = (n: number, of: number): string => `${n}/${of} (${of === 0 ? '–' : ((100 * n) / of).toFixed(1)}%)`;
const fixed = (x: number): string => x.toFixed(3);
const mark = (ok: boolean): string => (ok ? 'met' : '**missed**');

/** A subset of the corpus scored on its own (e.g. the held-out repositories). */
export interface Split {
  label: string;
  result: EvalResult;
}

/** The measures of one result, in summary order. */
function measures(result: EvalResult): string[] {
  const n = result.repos.length;
  const { micro } = result;
  return [
    pct(result.levelExact, n), pct(result.levelWithinOne, n), fixed(micro.f1), fixed(micro.precision), fixed(micro.recall), String(result.trapsAboveZero.length),
    `${practicesMeeting(result).length}/${result.practices.length}`,
  ];
}

/** One line per measure with its target, for the closing note and the console. */
export function summaryRows(result: EvalResult): string[][] {
  const n = result.repos.length;
  const { micro } = result;
  const values = measures(result);
  return [
    ['level exact', values[0], `≥ ${TARGETS.levelExact * 100}%`, mark(n > 0 && result.levelExact / n >= TARGETS.levelExact)],
    ['level within ±1', values[1], 'all', mark(result.levelWithinOne === n)],
    ['practices micro-F1', values[2], `≥ ${TARGETS.f1}`, mark(micro.f1 >= TARGETS.f1)],
    ['practices precision', values[3], `≥ ${TARGETS.precision}`, mark(micro.precision >= TARGETS.precision)],
    ['practices recall', values[4], `≥ ${TARGETS.recall}`, mark(micro.recall >= TARGETS.recall)],
    ['trap repositories above level 0', values[5], '0', mark(result.trapsAboveZero.length === 0)],
    ['practices with precision and recall ≥ 0.93 each', values[6], 'all', mark(practicesMeeting(result).length === result.practices.length)],
  ];
}

/** Whether a practice meets the per-practice target (the detection issue's: precision and recall each). */
function meetsTarget(p: { precision: number; recall: number }): boolean {
  return p.precision >= TARGETS.precision && p.recall >= TARGETS.recall;
}

function practicesMeeting(result: EvalResult): EvalResult['practices'] {
  return result.practices.filter(meetsTarget);
}

/** The summary with a column per split beside the whole corpus's (targets judged on the whole). */
function summaryTable(result: EvalResult, splits: readonly Split[]): string {
  const rows = summaryRows(result);
  const perSplit = splits.map((s) => measures(s.result));
  return mdTable(
    ['measure', 'all', ...splits.map((s) => `${s.label} (${s.result.repos.length})`), 'target', ''],
    rows.map((row, i) => [row[0], row[1], ...perSplit.map((values) => values[i]), row[2], row[3]]),
  );
}

/** Why a level differs: detection (the model agrees given the labelled practices) or the model. */
export function levelCause(r: RepoResult): string {
  if (r.toolLevel === r.labelLevel) return '';
  return r.oracleLevel === r.labelLevel ? 'detection' : `level model (gives ${r.oracleLevel} on the labels)`;
}

export function renderResults(result: EvalResult, info: RunInfo, splits: readonly Split[] = []): string {
  const { micro } = result;
  const parts = [
    '# Evaluation on the labelled corpus',
    '',
    `Run ${info.date} at project commit \`${info.commit}\` with \`npm run eval\`: ${result.repos.length} of ${info.corpusSize} repositories audited and scored` +
      (info.missing.length > 0 ? ` (left out: ${info.missing.join('; ')})` : '') + '.',
    '',
    'A practice counts as detected when the tool reports it present or partial; borderline labels are not scored.',
    'A level disagreement is a **detection** problem when the tool\'s level model, fed the labelled practices, gives the',
    'labelled level; otherwise the **level model** itself disagrees. (Collections are judged folder by folder by the tool;',
    'the model-on-labels column cannot see folders and judges them whole.)',
    ...(splits.length > 0 ? ['', 'Held-out repositories (`split: holdout` in `repos.yaml`) were labelled after the rules were tuned on the others and are',
      'never tuned on: their column shows how the rules generalise to repositories nobody tuned them for. Each later set (`holdout-N`)',
      'is labelled after the rules were changed in the light of the earlier ones, which are then no longer untouched; the first run on',
      'each set, the honest figure, is kept in eval/README.md.'] : []),
    '',
    '## Summary',
    '',
    summaryTable(result, splits),
    '',
    `Detections: ${micro.tp} true positives, ${micro.fp} false positives, ${micro.fn} false negatives, ${micro.tn} true negatives, ${micro.skipped} borderline (not scored).`,
    '',
    '## Per practice',
    '',
    mdTable(
      ['practice', 'TP', 'FP', 'FN', 'TN', 'borderline', 'precision', 'recall', `≥ ${TARGETS.precision} each`],
      result.practices.map((p) => [p.id, String(p.tp), String(p.fp), String(p.fn), String(p.tn), String(p.skipped), fixed(p.precision), fixed(p.recall), mark(meetsTarget(p))]),
    ),
    '',
    '## Levels',
    '',
    mdTable(
      ['repository', 'category', 'label', 'tool', 'model on labels', 'cause'],
      result.repos.map((r) => [r.repo.key.replace('__', '/'), r.repo.split ? `${r.repo.category}, ${r.repo.split}` : r.repo.category, String(r.labelLevel), String(r.toolLevel), String(r.oracleLevel), levelCause(r)]),
    ),
    '',
    '## Disagreements',
    '',
  ];
  for (const r of result.repos) {
    if (r.disagreements.length === 0 && r.toolLevel === r.labelLevel) continue;
    parts.push(`### ${r.repo.key.replace('__', '/')} (label ${r.labelLevel}, tool ${r.toolLevel})`, '');
    if (r.toolLevel !== r.labelLevel) parts.push(`- level: ${levelCause(r)}. Label: ${r.levelRationale}`);
    for (const d of r.disagreements) {
      const seen = d.signals.length > 0 ? ` — signals: ${d.signals.join('; ')}` : '';
      const note = d.labelNote ? ` — label: ${d.labelNote}` : '';
      parts.push(`- ${d.kind === 'false-positive' ? 'FP' : 'FN'} \`${d.practice}\`: tool ${d.toolStatus}${seen}${note}`);
    }
    parts.push('');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
