/**
 * The scan stage: list the repository, read only the files some extractor or rule
 * needs (size-capped, binary files skipped), and turn them into facts. Every problem
 * becomes a scan warning; nothing in the repository is executed.
 */
import type { FileContent, FileHost } from '../host/fileHost';
import { LOCATED_FACTS, type Facts, type FileFact, type ScanWarning, type ScopeNote, type TextMatches, type YamlDocumentFact } from '../model/facts';
import type { ScopeRules } from '../model/knowledge';
import type { Answer } from '../scope/templateConditions';
import type { ExtractContext, Extractor, FactsPatch } from '../facts/extractor';
import { ownPackages } from '../facts/ownPackages';
import { parseYaml } from '../facts/yamlSource';
import { applyBundleScope, applyLibraryScope, applyRetiredScope, applyTemplateScope } from '../scope/repositoryScope';
import type { ScopeOptions } from '../scope/options';
import { neutraliseTemplate } from '../scope/templateText';
import { needsQuotedPlaceholders } from '../scope/templates';
import type { ContentReads } from '../engine/kinds/kind';
import type { PatternEngine } from '../engine/patterns';
import { TextMatcher } from '../engine/textMatches';
import { PathIndex } from './globs';
import { walk, type WalkResult } from './walk';

/** Bounds that keep a scan fast and its memory flat on any repository. */
export interface ScanLimits {
  /** Files larger than this are listed but not read. */
  maxFileBytes: number;
  maxFiles: number;
  maxDepth: number;
}

/** 8 MiB: notebooks with rendered outputs are often several MiB; larger files are data, not code. */
export const DEFAULT_LIMITS: ScanLimits = { maxFileBytes: 8 * 1024 * 1024, maxFiles: 100_000, maxDepth: 64 };

export interface ScanProgress {
  phase: 'listing' | 'reading';
  done: number;
  total?: number;
}

/** What to scan for: extractors, plus the files declarative rules read. */
export interface ScanRequest {
  extractors: readonly Extractor[];
  /** Files whose YAML documents `yaml` rules inspect, and the first key each rule looks for. */
  yamlRules: readonly { files: readonly string[]; key: string }[];
  /** Files whose text `content` rules inspect, with the patterns they try (on the practice's engine). */
  content: readonly (ContentReads & { engine: PatternEngine })[];
  excludes: readonly string[];
  limits: ScanLimits;
  /** Which files are the team's own practice (knowledge/scope.yaml) and the user's say over it. */
  scope: { rules: ScopeRules; options: ScopeOptions };
  onProgress?: (progress: ScanProgress) => void;
  /** Results of an earlier scan to reuse for files not invalidated since. */
  cache?: ScanCache;
}

export interface ScanStats {
  files: number;
  filesRead: number;
  bytesRead: number;
}

export interface ScanResult {
  facts: Facts;
  stats: ScanStats;
}

/** Bytes inspected for a NUL byte to tell binary files from text. */
const BINARY_SNIFF_BYTES = 8000;
/** Enough reads in flight to keep the I/O thread pool busy. */
const READ_CONCURRENCY = 16;

/** Scan a repository into facts. */
export async function scan(host: FileHost, request: ScanRequest): Promise<ScanResult> {
  const listing = request.cache?.listing ?? await walk(host, {
    excludes: request.excludes,
    maxFiles: request.limits.maxFiles,
    maxDepth: request.limits.maxDepth,
    maxIgnoreFileBytes: request.limits.maxFileBytes,
    onProgress: (done) => request.onProgress?.({ phase: 'listing', done }),
  });
  if (request.cache) request.cache.listing = listing;
  const stats: ScanStats = { files: listing.files.length, filesRead: 0, bytesRead: 0 };
  const scopeWarnings: ScanWarning[] = [];

  /** Read one file as text; problems go to `warnings`. */
  const readText = async (path: string, warnings: ScanWarning[]): Promise<string | undefined> => {
    let content: FileContent;
    try {
      content = await host.readFile(path, request.limits.maxFileBytes);
    } catch (err) {
      warnings.push({ code: 'unreadable', path, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
      return undefined;
    }
    const { bytes } = content;
    if (!bytes) {
      warnings.push({ code: 'too-large', path, message: `${formatBytes(content.size)} is over the ${formatBytes(request.limits.maxFileBytes)} limit; not read` });
      return undefined;
    }
    stats.filesRead++;
    stats.bytesRead += bytes.length;
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      warnings.push({ code: 'binary', path, message: 'binary content; not parsed' });
      return undefined;
    }
    return decodeText(bytes);
  };

  const byPath = new Set(listing.files.map((f) => f.path));
  const readScoped = async (path: string) => (byPath.has(path) ? readText(path, scopeWarnings) : undefined);
  const templates = await applyTemplateScope(listing.files, request.scope.rules.templates, request.scope.options, readScoped, (w) => scopeWarnings.push(w));
  const facts = emptyFacts(templates.files, listing.hasGit, [...listing.warnings, ...scopeWarnings], templates.notes);
  const jobs = planReads(templates.files, request, templates.templateTexts);

  const results = new Map<string, FileResult>();
  let done = 0;
  await runPool(jobs, READ_CONCURRENCY, async (job) => {
    const variant = jobVariant(job);
    let result = request.cache?.get(job.path, variant);
    if (!result) {
      result = await readJob(job, readText, (path) => byPath.has(path));
      request.cache?.set(job.path, variant, result);
    }
    results.set(job.path, result);
    done++;
    if (done % 100 === 0 || done === jobs.length) request.onProgress?.({ phase: 'reading', done, total: jobs.length });
  });
  // One warning per file and kind (a file parsed twice must not be reported twice), in a set: a
  // repository can yield tens of thousands of warnings.
  const warned = new Set(facts.warnings.filter((w) => w.path !== undefined).map(warningKey));
  for (const job of jobs) {
    const result = results.get(job.path)!;
    mergePatch(facts, result.patch);
    append(facts.yamlDocuments, result.yamlDocuments);
    if (result.matches !== undefined) facts.texts.set(job.path, result.matches);
    for (const warning of result.warnings) {
      if (warning.path !== undefined) {
        if (warned.has(warningKey(warning))) continue;
        warned.add(warningKey(warning));
      }
      facts.warnings.push(warning);
    }
  }
  applyBundleScope(facts, request.scope.rules.bundles);
  applyRetiredScope(facts, request.scope.rules.retiredFolders, request.scope.options);
  const libraryWarnings: ScanWarning[] = [];
  const readForLibrary = async (path: string) => (byPath.has(path) ? readText(path, libraryWarnings) : undefined);
  await applyLibraryScope(facts, request.scope.rules.libraries, request.scope.options, readForLibrary, (w) => libraryWarnings.push(w));
  append(facts.warnings, libraryWarnings.filter((w) => w.path === undefined || !warned.has(warningKey(w))));
  sortFacts(facts);
  return { facts, stats };
}

/** What one file contributed: kept in a ScanCache until the file changes. */
interface FileResult {
  patch: FactsPatch;
  yamlDocuments: YamlDocumentFact[];
  /** What `content` rules look for in the file (the text itself is not kept). */
  matches?: TextMatches;
  warnings: ScanWarning[];
  /** Other files the extractors read for this one (templates, scripts a CI step runs). */
  reads: Set<string>;
}

/**
 * Per-file scan results kept between audits (the editor re-audits on every save): a new
 * scan reads and parses only files not in the cache, and lists the tree again only after
 * files were created or deleted. Clear it when the knowledge base or configuration changes.
 */
export class ScanCache {
  /** The last listing: reused until a file is created or deleted (an edit changes no listing). */
  listing?: WalkResult;

  /** By path; `variant` says how the file was read (a template file under its rendered path). */
  private readonly results = new Map<string, { variant: string; result: FileResult }>();

  get(path: string, variant = ''): FileResult | undefined {
    const cached = this.results.get(path);
    return cached?.variant === variant ? cached.result : undefined;
  }

  set(path: string, variant: string, result: FileResult): void {
    this.results.set(path, { variant, result });
  }

  /** Files were created or deleted (or may have been): list the tree again, and read these and the files that read them. */
  invalidate(paths: Iterable<string>): void {
    this.listing = undefined;
    this.contentChanged(paths);
  }

  /** Only the contents of these files changed: read them, and the files that read them, again. */
  contentChanged(paths: Iterable<string>): void {
    const changed = new Set(paths);
    for (const path of changed) this.results.delete(path);
    for (const [path, result] of this.results) {
      if ([...result.result.reads].some((read) => changed.has(read))) this.results.delete(path);
    }
  }

  clear(): void {
    this.listing = undefined;
    this.results.clear();
  }

}

async function readJob(
  job: ReadJob,
  readText: (path: string, warnings: ScanWarning[]) => Promise<string | undefined>,
  exists: (path: string) => boolean,
): Promise<FileResult> {
  const result: FileResult = { patch: {}, yamlDocuments: [], warnings: [], reads: new Set() };
  const raw = await readText(job.path, result.warnings);
  if (raw === undefined) return result;
  const answers = job.template;
  const text = answers
    ? neutraliseTemplate(raw, { quoteBare: needsQuotedPlaceholders(job.as ?? job.path), answers: (v) => (Object.hasOwn(answers, v) ? answers[v] : undefined) })
    : raw;
  const context: ExtractContext = {
    // Paths looked up are remembered even when absent: creating one changes this file's facts.
    read: async (path) => {
      result.reads.add(path);
      return exists(path) ? readText(path, result.warnings) : undefined;
    },
    exists: (path) => {
      result.reads.add(path);
      return exists(path);
    },
    warn: (warning) => result.warnings.push(warning),
  };
  const source = { path: job.path, text };
  for (const extractor of job.extractors) {
    try {
      mergePatch(result.patch, await extractor.extract(source, context));
    } catch (err) {
      result.warnings.push(parseWarning(job.path, err));
    }
  }
  if (job.yamlKeys.some((key) => key === '*' || text.includes(key))) {
    try {
      for (const doc of parseYaml(text)) result.yamlDocuments.push({ path: job.path, line: 1, value: doc.value, lineOf: doc.lineOf });
    } catch (err) {
      result.warnings.push(parseWarning(job.path, err));
    }
  }
  if (job.matcher) result.matches = job.matcher.match(job.path, text);
  return result;
}

interface ReadJob {
  path: string;
  /** The path globs matched (a template file's path in its generated project). */
  as?: string;
  /** The text holds template tags, neutralised before parsing with the template's default answers. */
  template?: Readonly<Record<string, Answer>>;
  extractors: Extractor[];
  /** First keys of the `yaml` rules interested in this file: parsing is skipped when none occurs in it. */
  yamlKeys: string[];
  /** The `content` patterns to try on the file, when any rule reads its lines. */
  matcher?: TextMatcher;
}

/** A file `alongside` patterns can name (see NamedScripts). */
const SCRIPT_FILE = /\.(sh|bash)$/;

/** Which files to read and what to do with each, looked up through a path index. */
function planReads(files: readonly FileFact[], request: ScanRequest, templateTexts: ReadonlyMap<string, Readonly<Record<string, Answer>>>): ReadJob[] {
  const rendered = new Map(files.flatMap((f) => (f.as !== undefined ? [[f.path, f.as] as const] : [])));
  const index = new PathIndex(files.filter((f) => f.path !== '.git').map((f) => f.path), (path) => rendered.get(path) ?? path);
  const jobs = new Map<string, ReadJob>();
  const job = (path: string) => {
    let found = jobs.get(path);
    if (!found) {
      found = { path, as: rendered.get(path), template: templateTexts.get(path), extractors: [], yamlKeys: [] };
      jobs.set(path, found);
    }
    return found;
  };
  for (const extractor of request.extractors) for (const path of index.matching(extractor.files)) job(path).extractors.push(extractor);
  for (const rule of request.yamlRules) for (const path of index.matching(rule.files)) job(path).yamlKeys.push(rule.key.split('.')[0]);
  // Files read by the same content rules share one matcher: key them by the rules' indexes.
  const readers = new Map<string, number[]>();
  request.content.forEach((reads, i) => {
    for (const path of index.matching(reads.files)) {
      const found = readers.get(path);
      if (found) found.push(i);
      else readers.set(path, [i]);
    }
  });
  // A shell script named by a file is read for the `alongside` patterns of any rule.
  const alongside = request.content.flatMap((r) => (r.alongside === undefined ? [] : [{ pattern: r.alongside, engine: r.engine }]));
  const matchers = new Map<string, TextMatcher>();
  for (const [path, indexes] of readers) {
    const script = SCRIPT_FILE.test(path);
    const key = `${script}:${indexes.join(',')}`;
    let matcher = matchers.get(key);
    if (!matcher) {
      const rules = indexes.map((i) => request.content[i]);
      const patterns = rules.flatMap((r) => [...r.patterns, ...(r.alongside === undefined ? [] : [r.alongside])].map((pattern) => ({ pattern, engine: r.engine })));
      matcher = new TextMatcher(script ? [...patterns, ...alongside] : patterns, rules.some((r) => r.alongside !== undefined));
      matchers.set(key, matcher);
    }
    job(path).matcher = matcher;
  }
  return [...jobs.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** How a job reads its file: a cached result is reused only for the same reading. */
function jobVariant(job: ReadJob): string {
  return job.template || job.as !== undefined ? `${job.as ?? ''}\0${JSON.stringify(job.template ?? null)}` : '';
}

function emptyFacts(files: FileFact[], hasGit: boolean, warnings: ScanWarning[], notes: ScopeNote[]): Facts {
  return {
    files, hasGit, dependencies: [], requirementsFiles: [], imports: [], calls: [], notebooks: [],
    ci: [], dvc: [], mlprojects: [], manifests: [], dockerfiles: [], manualSteps: [],
    yamlDocuments: [], ownPackages: ownPackages(files), scope: { notes, librarySource: [] },
    texts: new Map(), warnings: [...warnings],
  };
}

function mergePatch(into: FactsPatch, patch: FactsPatch): void {
  for (const [key, values] of Object.entries(patch) as [keyof FactsPatch, unknown[]][]) {
    if (Array.isArray(values)) append((into[key] ??= []) as unknown[], values);
  }
}

/**
 * `into.push(...values)` passes every value as an argument: a file with a few hundred
 * thousand calls or YAML documents would overflow the stack. A loop has no such limit.
 */
function append<T>(into: T[], values: readonly T[]): void {
  for (const value of values) into.push(value);
}

function warningKey(warning: ScanWarning): string {
  return `${warning.code}\0${warning.path}`;
}

function parseWarning(path: string, err: unknown): ScanWarning {
  const line = (err as { line?: unknown }).line;
  return {
    code: 'parse-error',
    path,
    ...(typeof line === 'number' ? { line } : {}),
    message: `cannot be parsed: ${(err as Error).message ?? String(err)}`,
  };
}

/** UTF-8 text with the BOM dropped and line endings made `\n`, so every parser sees one form. */
function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, '\n');
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

async function runPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/** Facts come in file order whatever order the reads finished in: reports stay deterministic. */
function sortFacts(facts: Facts): void {
  const byLocation = (a: { path: string; line?: number }, b: { path: string; line?: number }) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0);
  for (const key of LOCATED_FACTS) (facts[key] as { path: string; line?: number }[]).sort(byLocation);
  facts.warnings.sort((a, b) => ((a.path ?? '') < (b.path ?? '') ? -1 : (a.path ?? '') > (b.path ?? '') ? 1 : 0));
}
