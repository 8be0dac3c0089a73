/**
 * The HTML report: one standalone file that can be opened from disk or attached to a CI
 * run. It loads nothing and runs nothing (no scripts, no external resources; a CSP meta
 * tag forbids both), and every interpolated string, attributes included, goes through
 * `escapeHtml`, so hostile repository text can only ever appear as text.
 */
import type { PracticeResult, Report, Signal, SourceRef, TradeoffResult } from '../model/report';
import {
  MAX_SCAN_WARNINGS, MAX_SIGNALS, SEVERITY_LABEL, STATUS_MARK, attribution, evidenceSources,
  firstFew, foundationGapText, foundationGapsHeading, levelHeadline, listedFindings, location, nextLevelSummary, practicesByDimension, repoText,
  scanWarningLine, scopeNoteLines, signalNote, stageSummary, suppressionReason, topRecommendations,
  dimensionCounts,
  unseenEvidenceText,
  onlyIndirect,
  CONVENTION_NOTE, suppressedFindingsNote,
} from './sections';
import { escapeHtml as h, httpUrl } from './sanitize';

const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa;
  --border: #d1d9e0; --accent: #0969da; --ok: #1a7f37; --part: #9a6700; --bad: #cf222e; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23;
    --border: #3d444d; --accent: #4493f8; --ok: #3fb950; --part: #d29922; --bad: #f85149; }
}
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid var(--border); padding-bottom: .25rem; margin-top: 2rem; }
a { color: var(--accent); }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--panel);
  padding: .1em .3em; border-radius: 4px; overflow-wrap: anywhere; }
.level { font-size: 1.2rem; font-weight: 600; margin: .25rem 0; }
.muted, .signals { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--border); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; }
details { background: var(--panel); border: 1px solid var(--border); border-radius: 6px;
  padding: .4rem .8rem; margin: .5rem 0; }
summary { cursor: pointer; font-weight: 600; }
ul { padding-left: 1.4rem; }
.signals { font-size: .9em; }
.present { color: var(--ok); }
.info { color: var(--accent); }
.partial, .warning { color: var(--part); }
.absent, .error { color: var(--bad); }
.suppressed { color: var(--muted); }
svg.chart { width: 100%; max-width: 40rem; height: auto; }
svg.chart text { fill: var(--fg); font-size: 12px; }
svg.chart .track { fill: var(--panel); stroke: var(--border); }
svg.chart .bar { fill: var(--accent); }
`;

/**
 * The start of a standalone page up to `</head>`: no script and no remote content may run
 * (a strict Content-Security-Policy), styles inline. `title` is escaped here.
 */
export function pageHead(title: string, style: string): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
  ];
}

/** Renders the report as a standalone HTML document. */
export function renderHtml(report: Report): string {
  const title = `MLOps Lens: ${repoText(report.root)}`;
  return [
    ...pageHead(title, STYLE),
    '<body>',
    '<main>',
    ...header(report, title),
    ...scope(report),
    ...dimensions(report),
    ...tradeoffs(report),
    ...findings(report),
    ...practices(report),
    ...recommendations(report),
    ...sources(report),
    ...scanWarnings(report),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(report: Report, title: string): string[] {
  const next = nextLevelSummary(report);
  return [
    `<h1>${h(title)}</h1>`,
    `<p class="level">${h(levelHeadline(report))}</p>`,
    `<p>Stage ${h(stageSummary(report))} · score <strong>${report.score}</strong>/100</p>`,
    `<p><strong>Why:</strong> ${h(report.level.decidedBy)}</p>`,
    ...(next ? [`<p><strong>Next:</strong> ${h(next)}</p>`] : []),
    ...foundationGaps(report),
  ];
}

function foundationGaps(report: Report): string[] {
  if (report.level.foundationGaps.length === 0) return [];
  return [
    `<p><strong>${h(foundationGapsHeading(report))}</strong></p>`,
    '<ul class="gaps">',
    ...report.level.foundationGaps.map((gap) => {
      const { title, note } = foundationGapText(report, gap);
      return `<li><span class="${gap.status}">${h(STATUS_MARK[gap.status])}</span> <strong>${h(title)}</strong> <span class="muted">${h(note)}</span></li>`;
    }),
    '</ul>',
  ];
}

function dimensions(report: Report): string[] {
  return [
    '<h2>Dimensions</h2>',
    chart(report),
    '<table>',
    '<tr><th>Dimension</th><th class="num">Score</th><th class="num">Present</th><th class="num">Partial</th><th class="num">Absent</th></tr>',
    ...report.dimensionDetails.map((d) =>
      `<tr><td>${h(d.title)}</td><td class="num">${d.score}</td><td class="num">${d.present}</td><td class="num">${d.partial}</td><td class="num">${d.absent}</td></tr>`),
    '</table>',
  ];
}

/** Chart geometry in SVG user units; the viewBox makes it scale with the page. */
const ROW = 24;
const LABEL_WIDTH = 220;
const BAR_MAX = 300;
const CHART_WIDTH = LABEL_WIDTH + BAR_MAX + 50;

/** A horizontal bar chart of the dimension scores (0–100), drawn as inline SVG. */
function chart(report: Report): string {
  const rows = report.dimensionDetails.map((d, i) => {
    const y = i * ROW;
    const score = Math.min(100, Math.max(0, d.score));
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end">${h(d.title)}</text>`,
      `<rect class="track" x="${LABEL_WIDTH}" y="${y + 4}" width="${BAR_MAX}" height="16" rx="3"/>`,
      `<rect class="bar" x="${LABEL_WIDTH}" y="${y + 4}" width="${Math.round(score * BAR_MAX) / 100}" height="16" rx="3"/>`,
      `<text x="${LABEL_WIDTH + BAR_MAX + 8}" y="${y + 16}">${d.score}</text>`,
    ].join('');
  });
  const height = report.dimensionDetails.length * ROW;
  return [
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label="Dimension scores">`,
    '<title>Dimension scores (0–100)</title>',
    ...rows,
    '</svg>',
  ].join('\n');
}

function tradeoffs(report: Report): string[] {
  if (report.tradeoffs.length === 0) return [];
  return ['<h2>Trade-offs</h2>', '<ul>', ...report.tradeoffs.map((t) => tradeoff(report, t)), '</ul>'];
}

function tradeoff(report: Report, t: TradeoffResult): string {
  const head = `<strong class="${t.severity}">${h(SEVERITY_LABEL[t.severity])}</strong> — <strong>${h(t.title)}</strong>`;
  if (t.suppressedReason !== undefined) {
    return `<li>${head}: <span class="suppressed">suppressed — ${h(suppressionReason(t))}</span></li>`;
  }
  return `<li>${head}: ${h(t.message)} <em>Action:</em> ${h(t.action)}${evidence(report, t.evidence)}${signalList(t.signals)}</li>`;
}

function practices(report: Report): string[] {
  return [
    '<h2>Practices</h2>',
    ...practicesByDimension(report).flatMap(({ dimension: d, practices: list }) => [
      '<details>',
      `<summary>${h(d.title)} <span class="muted">— ${d.score}/100 (${h(dimensionCounts(d))})</span></summary>`,
      '<ul>',
      ...list.map((p) => practice(report, p)),
      '</ul>',
      '</details>',
    ]),
  ];
}

function practice(report: Report, p: PracticeResult): string {
  const head = `<span class="${p.status}">${h(STATUS_MARK[p.status])} ${h(p.status)}</span> <strong>${h(p.title)}</strong> <span class="muted">(level ${p.level}`;
  if (p.status === 'suppressed') return `<li>${head}; ${h(suppressionReason(p))})</span></li>`;
  if (p.status === 'not-available') return `<li>${head}; could not be judged: ${h(unseenEvidenceText(p))})</span></li>`;
  const confidence = p.confidence === 'high' ? '' : `, ${h(p.confidence)} confidence`;
  return `<li>${head}${confidence})</span>${evidence(report, p.evidence, p.indirectEvidence)}${signalList(p.signals)}</li>`;
}

/** A nested list of up to MAX_SIGNALS signals, then "+N more"; empty when there are none. */
function signalList(signals: readonly Signal[]): string {
  const { shown, more } = firstFew(signals, MAX_SIGNALS);
  const items = [
    ...shown.map((s) => `<li><code>${h(location(s))}</code> ${h(signalNote(s))}</li>`),
    ...(more > 0 ? [`<li>+${more} more</li>`] : []),
  ];
  return items.length > 0 ? `<ul class="signals">${items.join('')}</ul>` : '';
}

function findings(report: Report): string[] {
  const { shown, more } = listedFindings(report);
  const suppressed = suppressedFindingsNote(report);
  if (shown.length === 0 && !suppressed) return [];
  return [
    `<h2>Findings (${shown.length + more})</h2>`,
    '<ul class="signals">',
    ...shown.map((f) => `<li><strong>${f.severity === 'warning' ? 'Warning' : 'Info'}</strong> <code>${h(location(f))}</code> ${h(repoText(f.message))} <code>${h(f.id)}</code></li>`),
    ...(more > 0 ? [`<li>+${more} more</li>`] : []),
    '</ul>',
    ...(suppressed ? [`<p class="muted">${h(suppressed)}</p>`] : []),
  ];
}

function recommendations(report: Report): string[] {
  const top = topRecommendations(report);
  if (top.length === 0) return [];
  return [
    '<h2>Next steps</h2>',
    '<table>',
    '<tr><th class="num">#</th><th>Practice</th><th>First step</th><th>Effort</th><th>Why now</th></tr>',
    ...top.map((r, i) =>
      `<tr><td class="num">${i + 1}</td><td>${h(r.title)}</td><td>${h(r.firstStep)}</td><td>${h(r.effort)}</td><td>${h(r.reason)}</td></tr>`),
    '</table>',
  ];
}

function scope(report: Report): string[] {
  if (report.scope.length === 0) return [];
  return [
    '<h2>Scope</h2>',
    '<ul>',
    ...report.scope.map((note) => {
      const [first, ...rest] = scopeNoteLines(note);
      return `<li>${h(first)}${rest.length > 0 ? `<ul>${rest.map((line) => `<li class="muted">${h(line)}</li>`).join('')}</ul>` : ''}</li>`;
    }),
    '</ul>',
  ];
}

function sources(report: Report): string[] {
  if (report.sources.length === 0) return [];
  return [
    '<h2>Sources</h2>',
    '<ul>',
    ...report.sources.map((s) => `<li>${sourceLink(s, s.title)} — ${h(attribution(s))} <code>${h(s.id)}</code></li>`),
    '</ul>',
  ];
}

function scanWarnings(report: Report): string[] {
  if (report.warnings.length === 0) return [];
  const { shown, more } = firstFew(report.warnings, MAX_SCAN_WARNINGS);
  return [
    '<details>',
    `<summary>Scan warnings (${report.warnings.length})</summary>`,
    '<ul>',
    ...shown.map((w) => `<li>${h(scanWarningLine(w))}</li>`),
    ...(more > 0 ? [`<li>+${more} more</li>`] : []),
    '</ul>',
    '</details>',
  ];
}

/**
 * " — evidence: <a>A et al. (2019)</a>, …" for `source#claim` references, a source cited only
 * as indirect support marked so; empty when none resolve.
 */
function evidence(report: Report, refs: readonly string[], indirect: readonly string[] = []): string {
  const sources = evidenceSources(report, refs);
  const links = sources.map((s) => `${sourceLink(s, attribution(s))}${onlyIndirect(s.id, refs, indirect) ? ' (indirect)' : ''}`);
  if (links.length === 0) return '';
  const lead = sources.every((s) => onlyIndirect(s.id, refs, indirect)) ? CONVENTION_NOTE : 'evidence';
  return ` <span class="muted">— ${lead}: ${links.join(', ')}</span>`;
}

/** A link to the source when its URL is plain http(s); otherwise the escaped label alone. */
function sourceLink(source: SourceRef, label: string): string {
  const url = httpUrl(source.url);
  return url ? `<a href="${h(url)}" rel="noreferrer">${h(label)}</a>` : h(label);
}
