/**
 * A re-scan after content edits: the edited files' facts are spliced into the last scan's
 * facts, where a full scan would merge every file's results, apply the scope and sort
 * again. Only edits that cannot change the repository's scope qualify (see spliceable):
 * the scope was decided from the listing, YAML documents, CI pipelines and the files the
 * scope stages read, and the edits touch none of them.
 */
import { LOCATED_FACTS, type Facts, type ScanWarning } from '../model/facts';
import { patchMap } from '../engine/patchedMap';
import { byLocation, replaceFiles, type Placed } from '../engine/pathOrder';
import type { FileResult } from './fileJob';

/** One edited file: what it gave the last scan, and what it gives now. */
export interface FileEdit {
  path: string;
  before: FileResult;
  after: FileResult;
}

/** What a scan's facts rest on beyond each file's own results. */
export interface ScanBasis {
  /** Files the scope stages read (template metadata, a library's packaging files). */
  scopeReads: ReadonlySet<string>;
  /** Files that facts or warnings of another file's results name. */
  named: ReadonlySet<string>;
  /** Files whose facts count (the scope left them in). */
  counted: ReadonlySet<string>;
}

/**
 * Whether the edits can be spliced into the last scan's facts (else a full scan is needed).
 * No edited file may be one the scope stages read: the caller checks that for every edited
 * path before reading any.
 */
export function spliceable(edits: readonly FileEdit[], basis: ScanBasis): boolean {
  return edits.every((e) => !basis.named.has(e.path) && ownFactsOnly(e.path, e.before) && ownFactsOnly(e.path, e.after));
}

/**
 * Facts of the file itself only, and none the scope is decided from: YAML documents
 * (deployment bundles) and CI pipelines (a library's publishing step).
 */
function ownFactsOnly(path: string, result: FileResult): boolean {
  if (result.yamlDocuments.length > 0 || result.yamlText !== undefined || (result.patch.ci?.length ?? 0) > 0) return false;
  const items = Object.values(result.patch) as Placed[][];
  return items.every((facts) => facts.every((f) => f.path === path)) && result.warnings.every((w) => w.path === path);
}

/** The facts the last scan would have given with the edited files' new results (see spliceable). */
export function spliceEdits(facts: Facts, edits: readonly FileEdit[], basis: ScanBasis): Facts {
  const sorted = [...edits].sort((a, b) => (a.path < b.path ? -1 : 1));
  const counted = sorted.filter((e) => basis.counted.has(e.path));
  const next: Facts = { ...facts, texts: splicedTexts(facts.texts, counted), warnings: splicedWarnings(facts.warnings, sorted) };
  for (const key of LOCATED_FACTS) spliceLocated(next, key, counted);
  return next;
}

/** One kind of located facts with the edited files' replaced; the same array when none had or has any. */
function spliceLocated<K extends (typeof LOCATED_FACTS)[number]>(facts: Facts, key: K, edits: readonly FileEdit[]): void {
  if (!edits.some((e) => (e.before.patch[key]?.length ?? 0) > 0 || (e.after.patch[key]?.length ?? 0) > 0)) return;
  const files = edits.map((e) => [e.path, [...(e.after.patch[key] ?? [])].sort(byLocation)] as const);
  facts[key] = replaceFiles(facts[key] as Placed[], files) as Facts[K];
}

/** The texts by path, in path order, with the edited files' matches replaced. */
function splicedTexts(texts: Facts['texts'], edits: readonly FileEdit[]): Facts['texts'] {
  const set = new Map(edits.flatMap((e) => (e.after.matches === undefined ? [] : [[e.path, e.after.matches] as const])));
  return patchMap(texts, set, edits.filter((e) => e.after.matches === undefined).map((e) => e.path));
}

/**
 * Warnings in path order with the edited files' replaced: a file's new warnings go after
 * those the listing gave it, less any of a code it already has (as a full scan merges them).
 */
function splicedWarnings(warnings: readonly ScanWarning[], edits: readonly FileEdit[]): ScanWarning[] {
  const stale = new Set(edits.flatMap((e) => e.before.warnings));
  const kept = warnings.filter((w) => !stale.has(w));
  const added = edits.filter((e) => e.after.warnings.length > 0);
  if (stale.size === 0 && added.length === 0) return warnings as ScanWarning[];
  const codes = new Map(added.map((e) => [e.path, new Set<string>()]));
  for (const w of kept) if (w.path !== undefined) codes.get(w.path)?.add(w.code);
  const out: ScanWarning[] = [];
  const add = (edit: FileEdit) => {
    const present = codes.get(edit.path)!;
    for (const w of edit.after.warnings) {
      if (present.has(w.code)) continue;
      present.add(w.code);
      out.push(w);
    }
  };
  let i = 0;
  for (const w of kept) {
    for (; i < added.length && added[i].path < (w.path ?? ''); i++) add(added[i]);
    out.push(w);
  }
  for (; i < added.length; i++) add(added[i]);
  return out;
}
