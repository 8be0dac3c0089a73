/**
 * The terminal report. Repository-derived strings (paths, matched text, scan messages,
 * suppression reasons) go through `repoText`, so a hostile repository cannot emit escape
 * sequences or bidi overrides; text from the bundled knowledge base is trusted.
 */
import type { PracticeStatus, Severity } from '../model/knowledge';
import type { PracticeResult, Report, Signal, TradeoffResult } from '../model/report';
import {
  MAX_SIGNALS, SEVERITY_LABEL, STATUS_MARK, attribution, firstFew, foundationGapText, foundationGapsHeading, levelHeadline, listedFindings, location,
  nextLevelSummary, practicesByDimension, repoText, scanWarningLine, scopeNoteLines, signalNote, stageSummary,
  suppressionReason, topRecommendations,
  unseenEvidenceText, suppressedFindingsNote,
} from './sections';

export interface TextOptions {
  /** Emit ANSI colours (the caller decides: TTY, NO_COLOR, --color). */
  color: boolean;
  /** Wrap prose to this many columns (the terminal's width); unset: no wrapping. */
  width?: number;
  /** Only the verdict: level, stage, score, why, what the next level needs, and the next steps. */
  summary?: boolean;
}

/** Scan warnings listed in the terminal; the full list is in the other formats. */
const MAX_SCAN_WARNINGS_TEXT = 5;
/** Width of the dimension bars in character cells. */
const BAR_WIDTH = 20;
/** Partial blocks, in eighths of a cell, for a smooth bar end. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

const SGR = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36 } as const;
type Style = keyof typeof SGR;
type Paint = (style: Style, s: string) => string;

const STATUS_STYLE: Record<PracticeStatus, Style> = {
  present: 'green', partial: 'yellow', absent: 'red', 'not-available': 'yellow', suppressed: 'dim',
};
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** Renders the report for a terminal, with ANSI colours only when `options.color` is set. */
export function renderText(report: Report, options: TextOptions): string {
  const paint: Paint = options.color ? (style, s) => `\u001b[${SGR[style]}m${s}\u001b[0m` : (_style, s) => s;
  const sections = options.summary ? [header(report, paint), recommendations(report, paint)] : [
    header(report, paint),
    scope(report, paint),
    dimensions(report, paint),
    tradeoffs(report, paint),
    findings(report, paint),
    practices(report, paint),
    recommendations(report, paint),
    sources(report, paint),
    scanWarnings(report, paint),
  ];
  const text = sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n');
  return `${options.width ? wrap(text, options.width) : text}\n`;
}

/**
 * Long prose lines wrapped at spaces to `width` columns, continued under their own indent
 * (plus two). Coloured lines are left alone: they are short labels, and cutting inside an
 * escape sequence would garble the terminal.
 */
function wrap(text: string, width: number): string {
  return text.split('\n').flatMap((line) => {
    if (line.length <= width || line.includes('\u001b[')) return [line];
    const indent = /^\s*/.exec(line)![0];
    const rest = `${indent}  `;
    const out: string[] = [];
    let current = '';
    for (const word of line.slice(indent.length).split(' ')) {
      const lead = out.length === 0 ? indent : rest;
      if (current !== '' && lead.length + current.length + 1 + word.length > width) {
        out.push(lead + current);
        current = word;
      } else {
        current = current === '' ? word : `${current} ${word}`;
      }
    }
    out.push((out.length === 0 ? indent : rest) + current);
    return out;
  }).join('\n');
}

function header(report: Report, paint: Paint): string[] {
  const next = nextLevelSummary(report);
  return [
    paint('bold', `MLOps Lens — ${repoText(report.root)}`),
    `Stage: ${stageSummary(report)}`,
    paint('bold', levelHeadline(report)),
    `Score: ${report.score}/100`,
    '',
    `Why: ${report.level.decidedBy}`,
    ...(next ? [`Next: ${next}`] : []),
    ...foundationGaps(report, paint),
  ];
}

function foundationGaps(report: Report, paint: Paint): string[] {
  if (report.level.foundationGaps.length === 0) return [];
  return [
    '',
    paint('bold', foundationGapsHeading(report)),
    ...report.level.foundationGaps.flatMap((gap) => {
      const { title, note } = foundationGapText(report, gap);
      return [`  ${paint('yellow', STATUS_MARK[gap.status])} ${title}`, `      ${note}`];
    }),
  ];
}

function dimensions(report: Report, paint: Paint): string[] {
  const width = Math.max(0, ...report.dimensionDetails.map((d) => d.title.length));
  return [
    paint('bold', 'Dimensions'),
    ...report.dimensionDetails.map((d) =>
      `  ${d.title.padEnd(width)}  ${paint('cyan', bar(d.score))}  ${String(d.score).padStart(3)}`),
  ];
}

/** A BAR_WIDTH-cell bar for a 0–100 score, in eighths of a cell. */
function bar(score: number): string {
  const eighths = Math.round((Math.min(100, Math.max(0, score)) / 100) * BAR_WIDTH * 8);
  const cells = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
  return cells.padEnd(BAR_WIDTH);
}

function tradeoffs(report: Report, paint: Paint): string[] {
  if (report.tradeoffs.length === 0) return [];
  return [paint('bold', `Trade-offs (${report.tradeoffs.length})`), ...report.tradeoffs.flatMap((t) => tradeoff(t, paint))];
}

function tradeoff(t: TradeoffResult, paint: Paint): string[] {
  const marker = paint(SEVERITY_STYLE[t.severity], `[${SEVERITY_LABEL[t.severity].toLowerCase()}]`);
  if (t.suppressedReason !== undefined) {
    return [`  ${marker} ${t.title} ${paint('dim', `— suppressed: ${suppressionReason(t)}`)}`];
  }
  return [
    `  ${marker} ${paint('bold', t.title)}`,
    `      ${t.message}`,
    `      → ${t.action}`,
    paint('dim', `      evidence: ${t.evidence.join(', ')}`),
    ...signalLines(t.signals, paint),
  ];
}

function practices(report: Report, paint: Paint): string[] {
  return [
    paint('bold', 'Practices'),
    ...practicesByDimension(report).flatMap(({ dimension, practices: list }) => [
      `  ${paint('bold', dimension.title)} ${paint('dim', `${dimension.score}/100`)}`,
      ...list.flatMap((p) => practice(p, paint)),
    ]),
  ];
}

function practice(p: PracticeResult, paint: Paint): string[] {
  const mark = paint(STATUS_STYLE[p.status], STATUS_MARK[p.status]);
  const confidence = p.confidence === 'high' ? '' : paint('dim', ` (${p.confidence} confidence)`);
  const line = `    ${mark} ${p.title} ${paint('dim', `L${p.level}`)}${confidence}`;
  if (p.status === 'suppressed') return [`${line} ${paint('dim', `— suppressed: ${suppressionReason(p)}`)}`];
  if (p.status === 'not-available') return [`${line} ${paint('yellow', `— could not be judged: ${unseenEvidenceText(p)}`)}`];
  return [line, ...signalLines(p.signals, paint)];
}

/** Up to MAX_SIGNALS signals as `path:line  detail`, then "+N more". */
function signalLines(signals: readonly Signal[], paint: Paint): string[] {
  const { shown, more } = firstFew(signals, MAX_SIGNALS);
  return [
    ...shown.map((s) => `        ${location(s)}  ${paint('dim', signalNote(s))}`),
    ...(more > 0 ? [paint('dim', `        +${more} more`)] : []),
  ];
}

function findings(report: Report, paint: Paint): string[] {
  const { shown, more } = listedFindings(report);
  const suppressed = suppressedFindingsNote(report);
  if (shown.length === 0 && !suppressed) return [];
  return [
    paint('bold', `Findings (${shown.length + more})`),
    ...shown.map((f) => `  ${f.severity === 'warning' ? paint('yellow', '!') : paint('dim', 'i')} ${location(f)}  ${repoText(f.message)} ${paint('dim', `[${f.id}]`)}`),
    ...(more > 0 ? [paint('dim', `  +${more} more`)] : []),
    ...(suppressed ? [paint('dim', `  ${suppressed}`)] : []),
  ];
}

function recommendations(report: Report, paint: Paint): string[] {
  const top = topRecommendations(report);
  if (top.length === 0) return [];
  return [
    paint('bold', 'Next steps'),
    ...top.flatMap((r, i) => [
      `  ${i + 1}. ${paint('bold', r.title)} ${paint('dim', `(effort ${r.effort}; ${r.reason})`)}`,
      `     First step: ${r.firstStep}`,
    ]),
  ];
}

function scope(report: Report, paint: Paint): string[] {
  if (report.scope.length === 0) return [];
  return [
    paint('bold', 'Scope'),
    ...report.scope.flatMap((note) => scopeNoteLines(note).map((line, i) => (i === 0 ? `  ${line}` : paint('dim', `    ${line}`)))),
  ];
}

function sources(report: Report, paint: Paint): string[] {
  if (report.sources.length === 0) return [];
  return [
    paint('bold', 'Sources'),
    ...report.sources.map((s) => `  [${s.id}] ${s.title} — ${attribution(s)} ${paint('dim', s.url)}`),
  ];
}

function scanWarnings(report: Report, paint: Paint): string[] {
  if (report.warnings.length === 0) return [];
  const { shown, more } = firstFew(report.warnings, MAX_SCAN_WARNINGS_TEXT);
  return [
    paint('bold', `Scan warnings (${report.warnings.length})`),
    ...shown.map((w) => `  ${scanWarningLine(w)}`),
    ...(more > 0 ? [paint('dim', `  +${more} more`)] : []),
  ];
}
