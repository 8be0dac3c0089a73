/**
 * The Markdown report, sized for a GitHub pull-request comment or job summary. Every
 * string is escaped (`escapeMarkdown`, or a code span for paths), knowledge-base text
 * included: the report may be rendered from a JSON file of unknown origin. Text inside
 * HTML blocks (`<summary>`) is not Markdown, so it is HTML-escaped instead.
 */
import type { PracticeResult, Report, Signal, SourceRef, TradeoffResult } from '../model/report';
import {
  MAX_SCAN_WARNINGS, MAX_SIGNALS, SEVERITY_LABEL, STATUS_MARK, attribution, evidenceSources, firstFew, foundationGapText, foundationGapsHeading, levelHeadline, location, nextLevelSummary, practicesByDimension, repoText, scanWarningLine, scopeNoteLines, signalNote, stageSummary, suppressionReason, topRecommendations, listedFindings,
  dimensionCounts,
  unseenEvidenceText,
  onlyIndirect,
  CONVENTION_NOTE, suppressedFindingsNote,
} from './sections';
import { groupBy } from '../engine/groups';
import { escapeHtml, escapeMarkdown as md, httpUrl, singleLine, stripControl } from './sanitize';

/** Options of the Markdown report. */
export interface MarkdownOptions {
  /**
   * The start of a link to a file of the audited repository at the audited commit
   * (`https://github.com/o/r/blob/<sha>/`), from the CI's variables: paths become links to
   * the file and line. Without it, paths are code spans.
   */
  fileLinkBase?: string;
}

/** Renders the report as GitHub-flavoured Markdown: what moved, then what to do next, then the details. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const place = placeRenderer(options.fileLinkBase);
  const sections = [
    header(report),
    comparison(report, place),
    recommendations(report),
    tradeoffs(report, place),
    findings(report, place),
    scope(report),
    dimensions(report),
    practices(report, place),
    sources(report),
    scanWarnings(report),
  ];
  return `${sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** What moved since the baseline, first: fit for a pull-request comment updated in place. */
/** How a file location is written: a link to the file and line at the commit, or a code span. */
type Place = (item: { path: string; line?: number }) => string;

function placeRenderer(base: string | undefined): Place {
  const url = base === undefined ? undefined : httpUrl(base);
  if (!url) return (item) => codeSpan(location(item));
  // Each path segment is encoded, so a file name cannot break out of the link.
  return (item) => `[${md(location(item))}](<${url}${item.path.split('/').map(encodeURIComponent).join('/')}${item.line ? `#L${item.line}` : ''}>)`;
}

function comparison(report: Report, place: Place): string[] {
  const c = report.comparison;
  if (!c) return [];
  const arrow = (from: number, to: number) => (from === to ? `${to}` : `${from} → ${to}`);
  const counts = `${c.newFindings.length} new finding${c.newFindings.length === 1 ? '' : 's'}, ${c.resolvedFindings.length} resolved`;
  const { shown: newShown, more: newMore } = firstFew(c.newFindings, MAX_SIGNALS);
  return [
    '### Since the baseline',
    '',
    `Level ${arrow(c.level.from, c.level.to)} · score ${arrow(c.score.from, c.score.to)} · ${counts} · ${c.regressions.length === 0 ? 'no regressions' : `**${c.regressions.length} regression${c.regressions.length === 1 ? '' : 's'}**`}`,
    '',
    ...c.regressions.map((r) => `- **Regression:** ${md(repoText(r))}`),
    ...c.practices.map((p) => `- ${md(p.title)}: ${p.from} → ${p.to}`),
    ...c.dimensions.map((d) => `- ${md(d.title)}: ${d.from} → ${d.to}`),
    ...c.newTradeoffs.map((t) => `- New trade-off: ${codeSpan(t)}`),
    ...c.resolvedTradeoffs.map((t) => `- Resolved trade-off: ${codeSpan(t)}`),
    ...newShown.map((f) => `- New: ${place(f)} ${md(repoText(f.message))}`),
    ...(newMore > 0 ? [`- \\+${newMore} more new findings`] : []),
    ...(c.resolvedFindings.length > 0 ? [`- Resolved: ${c.resolvedFindings.length} finding${c.resolvedFindings.length === 1 ? '' : 's'}`] : []),
  ].filter((line, i, all) => !(line === '' && i === all.length - 1));
}

function header(report: Report): string[] {
  const next = nextLevelSummary(report);
  return [
    `## MLOps Lens: ${md(repoText(report.root))}`,
    '',
    `**${md(levelHeadline(report))}** · stage ${md(stageSummary(report))} · score **${report.score}**/100`,
    '',
    `**Why:** ${md(report.level.decidedBy)}${next ? `  \n**Next:** ${md(next)}` : ''}`,
    ...foundationGaps(report),
  ];
}

function foundationGaps(report: Report): string[] {
  if (report.level.foundationGaps.length === 0) return [];
  return [
    '',
    `**${md(foundationGapsHeading(report))}**`,
    '',
    ...report.level.foundationGaps.map((gap) => {
      const { title, note } = foundationGapText(report, gap);
      return `- ${STATUS_MARK[gap.status]} **${md(title)}** (${knowledgeText(note)})`;
    }),
  ];
}

function dimensions(report: Report): string[] {
  return [
    '### Dimensions',
    '',
    '| Dimension | Score | Present | Partial | Absent |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...report.dimensionDetails.map((d) => `| ${md(d.title)} | ${d.score} | ${d.present} | ${d.partial} | ${d.absent} |`),
  ];
}

function tradeoffs(report: Report, place: Place): string[] {
  if (report.tradeoffs.length === 0) return [];
  return ['### Trade-offs', '', ...report.tradeoffs.flatMap((t) => tradeoff(report, t, place))];
}

function tradeoff(report: Report, t: TradeoffResult, place: Place): string[] {
  const head = `- **${SEVERITY_LABEL[t.severity]}** — **${md(t.title)}**`;
  if (t.suppressedReason !== undefined) return [`${head}: suppressed — ${md(suppressionReason(t))}`];
  return [
    `${head}: ${knowledgeText(t.message)} *Action:* ${knowledgeText(t.action)}${evidence(report, t.evidence)}`,
    ...signalItems(t.signals, place),
  ];
}

function practices(report: Report, place: Place): string[] {
  return [
    '### Practices',
    ...practicesByDimension(report).flatMap(({ dimension: d, practices: list }) => [
      '',
      '<details>',
      `<summary>${escapeHtml(`${d.title} — ${d.score}/100 (${dimensionCounts(d)})`)}</summary>`,
      '',
      ...list.flatMap((p) => practice(report, p, place)),
      '',
      '</details>',
    ]),
  ];
}

function practice(report: Report, p: PracticeResult, place: Place): string[] {
  const head = `- ${STATUS_MARK[p.status]} **${md(p.title)}** (level ${p.level}, ${p.status}`;
  if (p.status === 'suppressed') return [`${head}: ${md(suppressionReason(p))})`];
  if (p.status === 'not-available') return [`${head}: could not be judged, ${md(unseenEvidenceText(p))})`];
  const confidence = p.confidence === 'high' ? '' : `, ${p.confidence} confidence`;
  return [`${head}${confidence})${evidence(report, p.evidence, p.indirectEvidence)}`, ...signalItems(p.signals, place)];
}

/** Nested list items for up to MAX_SIGNALS signals, then "+N more". */
function signalItems(signals: readonly Signal[], place: Place): string[] {
  const { shown, more } = firstFew(signals, MAX_SIGNALS);
  return [
    ...shown.map((s) => `  - ${place(s)} ${md(signalNote(s))}`),
    ...(more > 0 ? [`  - \\+${more} more`] : []),
  ];
}

/** Findings grouped by check: one line per check with its count and places, warnings first. */
function findings(report: Report, place: Place): string[] {
  const { shown, more } = listedFindings(report);
  const suppressed = suppressedFindingsNote(report);
  if (shown.length === 0 && !suppressed) return [];
  const byCheck = groupBy(shown, (f) => f.id);
  return [
    `### Findings (${shown.length + more})`,
    '',
    ...[...byCheck.values()].map((group) => {
      const [first] = group;
      const places = firstFew(group, MAX_SIGNALS);
      const where = [...places.shown.map(place), ...(places.more > 0 ? [`\\+${places.more} more`] : [])].join(', ');
      const count = group.length > 1 ? ` (${group.length})` : '';
      return `- **${first.severity === 'warning' ? 'Warning' : 'Info'}** ${codeSpan(first.id)}${count}: ${md(repoText(first.message))} — ${where}`;
    }),
    ...(more > 0 ? [`- \\+${more} more`] : []),
    ...(suppressed ? ['', `_${md(suppressed)}_`] : []),
  ];
}

function recommendations(report: Report): string[] {
  const top = topRecommendations(report);
  if (top.length === 0) return [];
  return [
    '### Next steps',
    '',
    '| # | Practice | First step | Effort | Why now |',
    '| ---: | --- | --- | --- | --- |',
    ...top.map((r, i) => `| ${i + 1} | ${md(r.title)} | ${knowledgeText(r.firstStep, true)} | ${md(r.effort)} | ${md(r.reason)} |`),
  ];
}

function scope(report: Report): string[] {
  if (report.scope.length === 0) return [];
  return [
    '### Scope',
    '',
    ...report.scope.flatMap((note) => {
      const [first, ...rest] = scopeNoteLines(note);
      return [`- ${md(first)}`, ...rest.map((line) => `  - ${md(line)}`)];
    }),
  ];
}

function sources(report: Report): string[] {
  if (report.sources.length === 0) return [];
  return [
    '### Sources',
    '',
    ...report.sources.map((s) => `- ${markdownSourceLink(s, s.title)} — ${md(attribution(s))} ${codeSpan(s.id)}`),
  ];
}

function scanWarnings(report: Report): string[] {
  if (report.warnings.length === 0) return [];
  const { shown, more } = firstFew(report.warnings, MAX_SCAN_WARNINGS);
  return [
    '<details>',
    `<summary>Scan warnings (${report.warnings.length})</summary>`,
    '',
    ...shown.map((w) => `- ${md(scanWarningLine(w))}`),
    ...(more > 0 ? [`- \\+${more} more`] : []),
    '',
    '</details>',
  ];
}

/**
 * " — evidence: [A et al. (2019)](…), …" for `source#claim` references, a source cited only
 * as indirect support marked so; empty when none resolve.
 */
function evidence(report: Report, refs: readonly string[], indirect: readonly string[] = []): string {
  const sources = evidenceSources(report, refs);
  const links = sources.map((s) => `${markdownSourceLink(s, attribution(s))}${onlyIndirect(s.id, refs, indirect) ? ' (indirect)' : ''}`);
  if (links.length === 0) return '';
  return sources.every((s) => onlyIndirect(s.id, refs, indirect)) ? ` — ${CONVENTION_NOTE}: ${links.join(', ')}` : ` — evidence: ${links.join(', ')}`;
}

/** A link to the source when its URL is plain http(s); otherwise the escaped label alone. */
export function markdownSourceLink(source: SourceRef, label: string): string {
  const url = httpUrl(source.url);
  return url ? `[${md(label)}](<${url}>)` : md(label);
}

/**
 * Text the knowledge base wrote (first steps, trade-off messages): its `code` spans stay code
 * spans, everything else is escaped. In a table cell, pipes inside code are escaped too.
 */
export function knowledgeText(s: string, inTable = false): string {
  return s.split(/`([^`\n]+)`/).map((part, i) => {
    if (i % 2 === 0) return md(part);
    const code = codeSpan(part);
    return inTable ? code.replace(/\|/g, '\\|') : code;
  }).join('');
}

/**
 * An inline code span holding `s` verbatim: the fence is one backtick longer than the
 * longest backtick run inside, and padded with spaces when `s` starts or ends with a
 * backtick or space (CommonMark strips exactly one such pad on each side).
 */
export function codeSpan(s: string): string {
  const text = singleLine(stripControl(s));
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
