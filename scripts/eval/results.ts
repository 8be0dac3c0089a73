/** `eval/RESULTS.md`: the evaluation's figures as Markdown tables. */
import type { EvalResult, RepoResult } from './score';

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

/** One line per measure with its target, for the closing note and the console. */
export function summaryRows(result: EvalResult): string[][] {
  const n = result.repos.length;
  const { micro } = result;
  return [
    ['level exact', pct(result.levelExact, n), `≥ ${TARGETS.levelExact * 100}%`, mark(n > 0 && result.levelExact / n >= TARGETS.levelExact)],
    ['level within ±1', pct(result.levelWithinOne, n), 'all', mark(result.levelWithinOne === n)],
    ['practices micro-F1', fixed(micro.f1), `≥ ${TARGETS.f1}`, mark(micro.f1 >= TARGETS.f1)],
    ['practices precision', fixed(micro.precision), `≥ ${TARGETS.precision}`, mark(micro.precision >= TARGETS.precision)],
    ['practices recall', fixed(micro.recall), `≥ ${TARGETS.recall}`, mark(micro.recall >= TARGETS.recall)],
    ['trap repositories above level 0', String(result.trapsAboveZero.length), '0', mark(result.trapsAboveZero.length === 0)],
  ];
}

function table(head: string[], rows: string[][]): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** Why a level differs: detection (the model agrees given the labelled practices) or the model. */
export function levelCause(r: RepoResult): string {
  if (r.toolLevel === r.labelLevel) return '';
  return r.oracleLevel === r.labelLevel ? 'detection' : `level model (gives ${r.oracleLevel} on the labels)`;
}

export function renderResults(result: EvalResult, info: RunInfo): string {
  const { micro } = result;
  const parts = [
    '# Evaluation on the labelled corpus',
    '',
    `Run ${info.date} at project commit \`${info.commit}\` with \`npm run eval\`: ${result.repos.length} of ${info.corpusSize} repositories audited and scored` +
      (info.missing.length > 0 ? ` (left out: ${info.missing.join('; ')})` : '') + '.',
    '',
    'A practice counts as detected when the tool reports it present or partial; borderline labels are not scored.',
    'A level disagreement is a **detection** problem when the tool\'s level model, fed the labelled practices, gives the',
    'labelled level; otherwise the **level model** itself disagrees.',
    '',
    '## Summary',
    '',
    table(['measure', 'value', 'target', ''], summaryRows(result)),
    '',
    `Detections: ${micro.tp} true positives, ${micro.fp} false positives, ${micro.fn} false negatives, ${micro.tn} true negatives, ${micro.skipped} borderline (not scored).`,
    '',
    '## Per practice',
    '',
    table(
      ['practice', 'TP', 'FP', 'FN', 'TN', 'borderline', 'precision', 'recall'],
      result.practices.map((p) => [p.id, String(p.tp), String(p.fp), String(p.fn), String(p.tn), String(p.skipped), fixed(p.precision), fixed(p.recall)]),
    ),
    '',
    '## Levels',
    '',
    table(
      ['repository', 'category', 'label', 'tool', 'model on labels', 'cause'],
      result.repos.map((r) => [r.repo.key.replace('__', '/'), r.repo.category, String(r.labelLevel), String(r.toolLevel), String(r.oracleLevel), levelCause(r)]),
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
