/**
 * `mlops-lens portfolio`: one row per audited repository and the four ways to print the
 * table (text, JSON, CSV, HTML). Every string in a row that comes from a repository (its
 * folder name, the path given for it, an error naming its config) is untrusted: text
 * strips control characters, CSV quotes and defuses formulas, HTML escapes.
 */
import type { Report } from '../core/model/report';
import type { Severity } from '../core/model/knowledge';
import { pageHead } from '../core/report/html';
import { raisedPractices } from '../core/report/issues';
import { escapeHtml as h } from '../core/report/sanitize';
import { repoText } from '../core/report/sections';

/** Semantic: minor versions only add fields; a new major may change them. */
export const PORTFOLIO_SCHEMA_VERSION = '1.0.0';

export const PORTFOLIO_FORMATS = ['text', 'json', 'csv', 'html'] as const;
export type PortfolioFormat = (typeof PORTFOLIO_FORMATS)[number];

/** Missing practices named in the text, CSV and HTML tables; JSON lists them all. */
export const MAX_MISSING_TITLES = 3;

export interface PortfolioRow {
  /** The repository's folder name. */
  repository: string;
  /** The path as given on the command line or in the list file. */
  path: string;
  stage: string | null;
  level: number | null;
  levelName: string | null;
  target: number | null;
  targetName: string | null;
  /** Overall score 0–100. */
  score: number | null;
  /** Practices not in place up to the target level, and foundation gaps below the level (as the CI formats raise them). */
  missing: { count: number; practices: { id: string; title: string; status: string }[] };
  /** The most severe trade-off (not suppressed), first in report order among equals. */
  topTradeoff: { id: string; title: string; severity: Severity } | null;
  /** Why this repository has no result (missing folder, broken config, failed scan); null when audited. */
  error: string | null;
}

export interface PortfolioDocument {
  schemaVersion: string;
  tool: { name: string; version: string };
  summary: { repositories: number; audited: number; failed: number; byLevel: Record<string, number> };
  repositories: PortfolioRow[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function rowFromReport(repository: string, path: string, report: Report): PortfolioRow {
  const missing = raisedPractices(report).map(({ practice: p }) => ({ id: p.id, title: p.title, status: p.status }));
  const top = report.tradeoffs
    .filter((t) => t.suppressedReason === undefined)
    .map((t, i) => ({ t, i }))
    .sort((a, b) => SEVERITY_RANK[a.t.severity] - SEVERITY_RANK[b.t.severity] || a.i - b.i)[0]?.t;
  return {
    repository,
    path,
    stage: report.stage.id,
    level: report.level.current,
    levelName: report.level.name,
    target: report.level.target,
    targetName: report.level.targetName,
    score: report.score,
    missing: { count: missing.length, practices: missing },
    topTradeoff: top ? { id: top.id, title: top.title, severity: top.severity } : null,
    error: null,
  };
}

export function errorRow(repository: string, path: string, error: string): PortfolioRow {
  return {
    repository, path, stage: null, level: null, levelName: null, target: null, targetName: null, score: null,
    missing: { count: 0, practices: [] }, topTradeoff: null, error,
  };
}

export function portfolioDocument(rows: readonly PortfolioRow[], tool: { name: string; version: string }): PortfolioDocument {
  const byLevel: Record<string, number> = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const row of rows) if (row.level !== null) byLevel[row.level] = (byLevel[row.level] ?? 0) + 1;
  const failed = rows.filter((r) => r.error !== null).length;
  return {
    schemaVersion: PORTFOLIO_SCHEMA_VERSION,
    tool,
    summary: { repositories: rows.length, audited: rows.length - failed, failed, byLevel },
    repositories: [...rows],
  };
}

export function renderPortfolio(doc: PortfolioDocument, format: PortfolioFormat): string {
  switch (format) {
    case 'json': return `${JSON.stringify(doc, null, 2)}\n`;
    case 'csv': return renderCsv(doc.repositories);
    case 'html': return renderHtmlPage(doc);
    case 'text': return renderText(doc);
  }
}

/** "3: A; B; C; +2 more" — the count and the first few titles. */
function missingSummary(row: PortfolioRow, clean: (s: string) => string): string {
  if (row.error !== null) return '';
  if (row.missing.count === 0) return '0';
  const shown = row.missing.practices.slice(0, MAX_MISSING_TITLES).map((p) => clean(p.title));
  const more = row.missing.count - shown.length;
  return `${row.missing.count}: ${shown.join('; ')}${more > 0 ? `; +${more} more` : ''}`;
}

function levelCell(level: number | null, name: string | null): string {
  return level === null ? '' : `${level}${name ? ` ${name}` : ''}`;
}

function summaryLine(doc: PortfolioDocument): string {
  const { summary } = doc;
  const levels = Object.entries(summary.byLevel).filter(([, n]) => n > 0).map(([level, n]) => `level ${level}: ${n}`);
  return `${summary.repositories} repositor${summary.repositories === 1 ? 'y' : 'ies'}`
    + `${levels.length > 0 ? ` — ${levels.join(', ')}` : ''}`
    + `${summary.failed > 0 ? `; ${summary.failed} failed` : ''}.`;
}

// ---------------------------------------------------------------------------- text

const TEXT_CELL_MAX = 60;

function renderText(doc: PortfolioDocument): string {
  const rows = doc.repositories;
  const withErrors = rows.some((r) => r.error !== null);
  const clean = (s: string) => repoText(s, TEXT_CELL_MAX);
  const header = ['REPOSITORY', 'PATH', 'LEVEL', 'TARGET', 'SCORE', 'MISSING', 'TOP TRADE-OFF', ...(withErrors ? ['ERROR'] : [])];
  const body = rows.map((r) => [
    clean(r.repository),
    clean(r.path),
    levelCell(r.level, r.levelName),
    r.target === null ? '' : String(r.target),
    r.score === null ? '' : String(r.score),
    missingSummary(r, (s) => repoText(s, 32)),
    r.topTradeoff ? clean(r.topTradeoff.title) : '',
    ...(withErrors ? [r.error === null ? '' : repoText(r.error, 120)] : []),
  ]);
  const width = (s: string) => Array.from(s).length;
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((cells) => width(cells[c]))));
  const numeric = new Set([3, 4]);
  const line = (cells: string[]) => cells
    .map((cell, c) => {
      const pad = ' '.repeat(widths[c] - width(cell));
      return numeric.has(c) ? pad + cell : cell + pad;
    })
    .join('  ')
    .trimEnd();
  return [line(header), ...body.map(line), '', summaryLine(doc), ''].join('\n');
}

// ----------------------------------------------------------------------------- CSV

const CSV_HEADER = ['repository', 'path', 'level', 'level_name', 'target', 'stage', 'score', 'missing_count', 'missing', 'top_tradeoff', 'error'];

/**
 * RFC 4180: fields holding a comma, a quote or a line break are quoted, quotes doubled,
 * records end with CRLF. Text that a spreadsheet would read as a formula (`=`, `+`, `-`,
 * `@`, tab, CR first) gets a leading `'` (OWASP CSV injection).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function renderCsv(rows: readonly PortfolioRow[]): string {
  const records = rows.map((r) => [
    r.repository, r.path, r.level, r.levelName, r.target, r.stage, r.score,
    r.error === null ? r.missing.count : null,
    r.missing.practices.slice(0, MAX_MISSING_TITLES).map((p) => p.title).join('; ')
      + (r.missing.count > MAX_MISSING_TITLES ? `; +${r.missing.count - MAX_MISSING_TITLES} more` : ''),
    r.topTradeoff?.title ?? null,
    r.error,
  ]);
  return [CSV_HEADER, ...records].map((cells) => `${cells.map(csvField).join(',')}\r\n`).join('');
}

// ---------------------------------------------------------------------------- HTML


const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --border: #d1d9e0; --bad: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --border: #3d444d; --bad: #f85149; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 80rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--border); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.error { color: var(--bad); }
`;

function renderHtmlPage(doc: PortfolioDocument): string {
  const rows = doc.repositories;
  const withErrors = rows.some((r) => r.error !== null);
  const head = ['Repository', 'Level', 'Target', 'Score', 'Missing up to the target', 'Top trade-off', ...(withErrors ? ['Error'] : [])];
  const numeric = new Set(['Target', 'Score']);
  const body = rows.map((r) => {
    const missing = r.error !== null ? '' : r.missing.count === 0
      ? '0'
      : `${r.missing.count}<ul>${r.missing.practices.slice(0, MAX_MISSING_TITLES).map((p) => `<li>${h(p.title)}</li>`).join('')}`
        + `${r.missing.count > MAX_MISSING_TITLES ? `<li class="muted">+${r.missing.count - MAX_MISSING_TITLES} more</li>` : ''}</ul>`;
    const cells = [
      `<td>${h(r.repository)}<br><code class="muted">${h(r.path)}</code></td>`,
      `<td>${h(levelCell(r.level, r.levelName))}</td>`,
      `<td class="num">${r.target ?? ''}</td>`,
      `<td class="num">${r.score ?? ''}</td>`,
      `<td>${missing}</td>`,
      `<td>${r.topTradeoff ? h(r.topTradeoff.title) : ''}</td>`,
      ...(withErrors ? [`<td class="error">${r.error === null ? '' : h(r.error)}</td>`] : []),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return [
    ...pageHead('MLOps Lens portfolio', STYLE),
    '<body><main>',
    '<h1>MLOps Lens portfolio</h1>',
    `<p>${h(summaryLine(doc))} <span class="muted">${h(doc.tool.name)} ${h(doc.tool.version)}</span></p>`,
    '<table>',
    `<thead><tr>${head.map((c) => `<th${numeric.has(c) ? ' class="num"' : ''}>${h(c)}</th>`).join('')}</tr></thead>`,
    `<tbody>${body.join('\n')}</tbody>`,
    '</table>',
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
