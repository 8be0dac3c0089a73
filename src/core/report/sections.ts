/**
 * Selection, grouping and wording shared by the renderers, so that every format shows
 * the same content in the same order and only the markup differs. Strings returned here are unescaped: each renderer escapes for its format.
 */
import type { PracticeStatus, Severity } from '../model/knowledge';
import type { DimensionResult, Finding, FoundationGap, PracticeResult, Recommendation, Report, Signal, SourceRef } from '../model/report';
import type { ScanWarning, ScopeNote } from '../model/facts';
import { singleLine, stripControl, truncate } from './sanitize';

/** Signals listed per practice or trade-off; the rest are counted ("+N more"). */
export const MAX_SIGNALS = 3;
/** Findings listed in human-readable reports; every one goes to JSON and SARIF. */
export const MAX_FINDINGS = 20;
/** Recommendations listed: the top of the report's priority order. */
export const MAX_RECOMMENDATIONS = 5;
/** Scan warnings listed in the Markdown and HTML reports (the terminal shows fewer). */
export const MAX_SCAN_WARNINGS = 50;
/** Not-counted paths listed per scope note in human-readable reports; JSON has them all. */
const MAX_SCOPE_PATHS = 8;
/** Longest repository-derived string shown; longer ones (minified lines, generated paths) are cut. */
const MAX_REPO_TEXT = 200;

export const STATUS_MARK: Record<PracticeStatus, string> = {
  present: '✓', partial: '◐', absent: '✗', 'not-available': '?', suppressed: '–',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'Error', warning: 'Warning', info: 'Info',
};

/** Repository-derived text, control characters stripped, on one line and length-capped. */
export function repoText(s: string, max = MAX_REPO_TEXT): string {
  return truncate(singleLine(stripControl(s)), max);
}

export interface DimensionGroup {
  dimension: DimensionResult;
  practices: PracticeResult[];
}

/**
 * Practices grouped by dimension in the report's dimension order, each keeping report
 * order. A practice whose dimension has no details still gets a group (titled by its id)
 * rather than silently vanishing from the output.
 */
export function practicesByDimension(report: Report): DimensionGroup[] {
  const groups = new Map<string, DimensionGroup>(
    report.dimensionDetails.map((dimension) => [dimension.id, { dimension, practices: [] }]),
  );
  for (const practice of report.practices) {
    let group = groups.get(practice.dimension);
    if (!group) {
      const score = report.dimensions[practice.dimension] ?? 0;
      group = { dimension: { id: practice.dimension, title: practice.dimension, score, present: 0, partial: 0, absent: 0, notAvailable: 0 }, practices: [] };
      groups.set(practice.dimension, group);
    }
    group.practices.push(practice);
  }
  return [...groups.values()].filter((group) => group.practices.length > 0);
}

/** The first `max` items to list and how many more there are (shown as "+N more"). */
export function firstFew<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** `path:line` of a signal or scan warning, sanitised. */
export function location(item: { path: string; line?: number }): string {
  return item.line ? `${repoText(item.path)}:${item.line}` : repoText(item.path);
}

/** What a signal saw, sanitised: its matched detail (if any), how strongly, and the tool. */
export function signalNote(signal: Signal): string {
  const how = signal.tool ? `${signal.strength}, ${signal.tool}` : signal.strength;
  return signal.detail ? `${repoText(signal.detail)} (${how})` : `(${how})`;
}

/** One line about a scan warning, sanitised: code, location and message. */
export function scanWarningLine(warning: ScanWarning): string {
  const where = warning.path ? ` ${location({ path: warning.path, line: warning.line })}` : '';
  return `${warning.code}${where}: ${repoText(warning.message)}`;
}

/**
 * A scope note as lines: what the repository was judged as, what was not counted, and
 * which practices the package source cannot evidence. The message holds repository text.
 */
export function scopeNoteLines(note: ScopeNote): string[] {
  const lines = [repoText(note.message, 2 * MAX_REPO_TEXT)];
  if (note.excluded.length > 0) {
    const { shown, more } = firstFew(note.excluded, MAX_SCOPE_PATHS);
    lines.push(`Not counted (${note.excludedFiles} file${note.excludedFiles === 1 ? '' : 's'}): ${shown.map((p) => repoText(p)).join(', ')}${more > 0 ? `, +${more} more` : ''}`);
  }
  if (note.kind === 'library' && note.practices.length > 0) lines.push(`Package source and tests are not evidence of: ${note.practices.join(', ')}`);
  return lines;
}

/** "Level 2 — Reproducible pipelines (target 3 for pilot)". */
export function levelHeadline(report: Report): string {
  const { level, stage } = report;
  return `Level ${level.current} — ${level.name} (target ${level.target} for ${stage.id})`;
}

/** The stage and how it was decided: "pilot (inferred from ci, …)" or "pilot (configured)". */
export function stageSummary(report: Report): string {
  const { stage } = report;
  return stage.inferred ? `${stage.id} (inferred ${repoText(stage.reason)})` : `${stage.id} (configured)`;
}

/** The findings worth listing: warnings first, then information; hints only in JSON/SARIF/editor. */
export function listedFindings(report: Report): { shown: Finding[]; more: number } {
  const rank = { warning: 0, info: 1, hint: 2 } as const;
  const relevant = report.findings.filter((f) => f.severity !== 'hint').sort((a, b) => rank[a.severity] - rank[b.severity]);
  return firstFew(relevant, MAX_FINDINGS);
}

/** How many findings the config suppresses, as a note under the findings (undefined: none). */
export function suppressedFindingsNote(report: Report): string | undefined {
  const n = report.suppressedFindings?.length ?? 0;
  if (n === 0) return undefined;
  return `${n} finding${n === 1 ? '' : 's'} suppressed in .mlops-lens.yaml, each with its reason (in the JSON and SARIF reports)`;
}

/** The heading of the foundation-gap list: what the gaps are and that they do not lower the level. */
export function foundationGapsHeading(report: Report): string {
  return `Foundation gaps (expected at or below level ${report.level.current}; they do not lower it)`;
}

/** One foundation gap: title (or its alternatives), level and state, why, first step. Unescaped. */
export function foundationGapText(report: Report, gap: FoundationGap): { title: string; state: string; detail: string; note: string } {
  const titles = new Map(report.practices.map((p) => [p.id, p.title]));
  const title = [gap.practice, ...gap.alternatives].map((id) => titles.get(id) ?? id).join(' or ');
  const state = `level ${gap.level}, ${gap.status === 'partial' ? 'only partly in place' : 'missing'}`;
  const detail = `${gap.why} First step: ${gap.firstStep}`;
  return { title, state, detail, note: `${state}. ${detail}` };
}

/** What the next level still needs, practice ids replaced by their titles; undefined at level 4. */
export function nextLevelSummary(report: Report): string | undefined {
  const next = report.level.next;
  if (!next) return undefined;
  const titles = new Map(report.practices.map((p) => [p.id, p.title]));
  const missing = next.requirements.map((group) => group.map((id) => titles.get(id) ?? id).join(' or ')).join('; ');
  return `Level ${next.level} (${next.name}) needs: ${missing || 'nothing more'}`;
}

/** The recommendations worth showing, in the report's priority order. */
export function topRecommendations(report: Report): Recommendation[] {
  return report.recommendations.slice(0, MAX_RECOMMENDATIONS);
}

/** The cited sources behind `source#claim` references, first-cited first, without repeats. */
export function evidenceSources(report: Report, refs: readonly string[]): SourceRef[] {
  const byId = new Map(report.sources.map((source) => [source.id, source]));
  const ids = new Set(refs.map((ref) => ref.split('#')[0]));
  return [...ids].flatMap((id) => byId.get(id) ?? []);
}

/** Whether every claim of a source among these references is cited only as indirect support. */
export function onlyIndirect(sourceId: string, refs: readonly string[], indirect: readonly string[] = []): boolean {
  const cited = refs.filter((ref) => ref.split('#')[0] === sourceId);
  return cited.length > 0 && cited.every((ref) => indirect.includes(ref));
}

/** Said of a practice none of whose evidence is about it directly. */
export const CONVENTION_NOTE = 'indirect evidence only (expert convention)';

/**
 * The one citation label every surface shows: "Amershi and Begel (2019)" for two authors,
 * "Kreuzberger et al. (2023)" for three or more (APA-style author counts).
 */
export function attribution(source: Pick<SourceRef, 'authors' | 'year'>): string {
  const { authors } = source;
  const who = authors.length > 2 ? `${authors[0]} et al.` : authors.join(' and ');
  return who ? `${who} (${source.year})` : `(${source.year})`;
}

/** A dimension's practice counts: `2 present, 1 partial, 3 absent` (and any not available). */
export function dimensionCounts(d: DimensionResult): string {
  return `${d.present} present, ${d.partial} partial, ${d.absent} absent${d.notAvailable > 0 ? `, ${d.notAvailable} not available` : ''}`;
}

/**
 * Files that left practices unjudged (they could not be read or parsed), with the
 * practices' titles: a broken dvc.yaml must show in Problems, not only lower a score.
 */
export function unjudgedFiles(report: Report): UnjudgedFile[] {
  const byPath = new Map<string, { reason: string; practices: string[] }>();
  for (const practice of report.practices) {
    for (const unseen of practice.unavailable ?? []) {
      const entry = byPath.get(unseen.path) ?? { reason: unseen.reason, practices: [] };
      entry.practices.push(practice.title);
      byPath.set(unseen.path, entry);
    }
  }
  return [...byPath].map(([path, { reason, practices }]) => {
    const line = report.warnings.find((w) => w.path === path && w.line !== undefined)?.line;
    return { path, ...(line !== undefined && { line }), reason, practices, message: `${path} ${reason}: ${practices.join(', ')} could not be judged.` };
  });
}

/** A file that could not be read or parsed where practices' evidence would be (unsanitised repository text). */
export interface UnjudgedFile {
  path: string;
  /** The scan's line of the error, when it has one. */
  line?: number;
  reason: string;
  /** Titles of the practices it left unjudged. */
  practices: string[];
  /** One sentence for Problems and annotations. */
  message: string;
}

/** The files that hid a not-available practice's evidence, and why, in one clause. */
export function unseenEvidenceText(p: PracticeResult): string {
  const unseen = p.unavailable ?? [];
  const named = unseen.slice(0, 3).map((u) => `${repoText(u.path)} ${repoText(u.reason)}`).join('; ');
  return unseen.length > 3 ? `${named}; and ${unseen.length - 3} more` : named;
}

/** The suppression reason of a practice or trade-off, sanitised, or a neutral default. */
export function suppressionReason(item: { suppressedReason?: string }): string {
  return item.suppressedReason ? repoText(item.suppressedReason) : 'no reason given';
}
