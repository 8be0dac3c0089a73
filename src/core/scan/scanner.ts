/**
 * The scan stage: list the repository, read only the files some extractor or rule
 * needs (size-capped, binary files skipped), and turn them into facts. Every problem
 * becomes a scan warning; nothing in the repository is executed.
 */
import type { FileHost } from '../host/fileHost';
import { LOCATED_FACTS, type Facts, type FileFact, type ScanWarning, type ScopeNote, type TextMatches } from '../model/facts';
import type { ScopeRules } from '../model/knowledge';
import type { Answer } from '../scope/templateConditions';
import type { Extractor } from '../facts/extractor';
import { allExtractors } from '../facts';
import { ownPackages } from '../facts/ownPackages';
import { applyBundleScope, applyLibraryScope, applyRetiredScope, applyTemplateScope } from '../scope/repositoryScope';
import type { ScopeOptions } from '../scope/options';
import type { ContentReads } from '../engine/kinds/kind';
import type { PatternEngine } from '../engine/patterns';
import { patternKey } from '../engine/textMatches';
import { noteEdits } from '../engine/factIndex';
import { byLocation, type Placed } from '../engine/pathOrder';
import { append, finishResult, mergePatch, runFileJob, textReader, type ContentJob, type FileJob, type FileResult, type JobIo } from './fileJob';
import { PathIndex } from './globs';
import { walk } from './walk';
import { spliceable, spliceEdits, type FileEdit } from './edits';
import { ScanCache, type EditsSince } from './scanCache';
import { defaultWorkerCount, PARALLEL_MIN_JOBS, runInWorkers, workerScript } from './workerPool';

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
  /**
   * Worker threads to read files in (only for a host on the local disk, and only for
   * PARALLEL_MIN_JOBS files or more); 0 reads on the calling thread. Default: one per core.
   */
  workers?: number;
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

/** The extractors a worker thread runs (it knows every built-in one). */
const WORKER_EXTRACTORS = new Set(allExtractors.map((e) => e.id));
/** Enough reads in flight to keep the I/O thread pool busy. */
const READ_CONCURRENCY = 16;

export { ScanCache };

/** Scan a repository into facts. */
export async function scan(host: FileHost, request: ScanRequest): Promise<ScanResult> {
  request.cache?.useFor(requestKey(request));
  const edits = request.cache?.editsSince();
  return (edits && await scanEdits(host, request, request.cache!, edits)) || fullScan(host, request);
}

async function fullScan(host: FileHost, request: ScanRequest): Promise<ScanResult> {
  const { cache } = request;
  const listing = cache?.listing ?? await walk(host, {
    excludes: request.excludes,
    maxFiles: request.limits.maxFiles,
    maxDepth: request.limits.maxDepth,
    maxIgnoreFileBytes: request.limits.maxFileBytes,
    onProgress: (done) => request.onProgress?.({ phase: 'listing', done }),
  });
  if (cache) cache.listing = listing;
  const stats: ScanStats = { files: listing.files.length, filesRead: 0, bytesRead: 0 };
  const scopeWarnings: ScanWarning[] = [];
  const readText = textReader(host, request.limits.maxFileBytes, stats);
  const listed = new Set(listing.files.map((f) => f.path));
  // What the scope stages read decides the scope: an edit to one of them needs a full scan.
  const scopeReads = new Set<string>();
  const readScoped = (warnings: ScanWarning[]) => async (path: string) => {
    scopeReads.add(path);
    return listed.has(path) ? readText(path, warnings) : undefined;
  };
  const templates = await applyTemplateScope(listing.files, request.scope.rules.templates, request.scope.options, readScoped(scopeWarnings), (w) => scopeWarnings.push(w));
  const texts = new Map<string, TextMatches>();
  const facts = emptyFacts(templates.files, listing.hasGit, [...listing.warnings, ...scopeWarnings], templates.notes, texts);
  const plan = () => planReads(templates.files, request, templates.templateTexts);
  const jobs = cache ? cache.planFor(listing, templates, plan) : plan();

  const results = new Map<string, FileResult>();
  const toRead: FileJob[] = [];
  for (const job of jobs) {
    const cached = cache?.get(job.path, jobVariant(job));
    if (cached) results.set(job.path, cached);
    else toRead.push(job);
  }
  await readJobs(host, request, toRead, { readText, listed, stats }, (job, result) => {
    results.set(job.path, result);
    if (results.size % 100 === 0 || results.size === jobs.length) request.onProgress?.({ phase: 'reading', done: results.size, total: jobs.length });
  });
  // One warning per file and kind (a file parsed twice must not be reported twice), in a set: a
  // repository can yield tens of thousands of warnings.
  const warned = new Set(facts.warnings.filter((w) => w.path !== undefined).map(warningKey));
  // Files some other file's results name: their facts are not theirs alone to splice.
  const named = new Set<string>();
  for (const job of jobs) {
    const result = results.get(job.path)!;
    mergePatch(facts, result.patch);
    append(facts.yamlDocuments, result.yamlDocuments);
    if (result.matches !== undefined) texts.set(job.path, result.matches);
    for (const warning of result.warnings) {
      if (warning.path !== undefined) {
        if (warning.path !== job.path) named.add(warning.path);
        if (warned.has(warningKey(warning))) continue;
        warned.add(warningKey(warning));
      }
      facts.warnings.push(warning);
    }
    if (cache) for (const items of Object.values(result.patch) as Placed[][]) for (const item of items) if (item.path !== job.path) named.add(item.path);
  }
  applyBundleScope(facts, request.scope.rules.bundles);
  applyRetiredScope(facts, request.scope.rules.retiredFolders, request.scope.options);
  const libraryWarnings: ScanWarning[] = [];
  await applyLibraryScope(facts, request.scope.rules.libraries, request.scope.options, readScoped(libraryWarnings), (w) => libraryWarnings.push(w));
  append(facts.warnings, libraryWarnings.filter((w) => w.path === undefined || !warned.has(warningKey(w))));
  sortFacts(facts);
  cache?.completed({
    listing,
    facts,
    basis: { scopeReads, named, counted: new Set(facts.files.map((f) => f.path)) },
    jobs: new Map(jobs.map((job) => [job.path, job])),
    listed,
  }, 'full');
  return { facts, stats };
}

/** More edited files than this are scanned in full: splicing each costs a pass over the facts. */
const MAX_SPLICED_FILES = 64;

/**
 * The re-scan after content edits alone: the edited files (and those that read them) are
 * read again and their facts spliced into the last scan's; undefined when the edits need a
 * full scan (see spliceable). Either way the files read stay in the cache.
 */
async function scanEdits(host: FileHost, request: ScanRequest, cache: ScanCache, { last, edited, before }: EditsSince): Promise<ScanResult | undefined> {
  if ([...edited].some((path) => last.basis.scopeReads.has(path))) return undefined;
  const toRead = [...edited].flatMap((path) => last.jobs.get(path) ?? []);
  if (toRead.length > MAX_SPLICED_FILES || toRead.some((job) => !before.has(job.path))) return undefined;
  const stats: ScanStats = { files: last.listing.files.length, filesRead: 0, bytesRead: 0 };
  const readText = textReader(host, request.limits.maxFileBytes, stats);
  const edits: FileEdit[] = [];
  await readJobs(host, request, toRead, { readText, listed: last.listed, stats }, (job, after) => edits.push({ path: job.path, before: before.get(job.path)!, after }));
  if (!spliceable(edits, last.basis)) return undefined;
  const facts = spliceEdits(last.facts, edits, last.basis);
  noteEdits(facts, last.facts, edits.map((e) => e.path));
  cache.completed({ ...last, facts }, 'edits');
  return { facts, stats };
}

/** Read jobs on every core (when there are enough), else on this thread; each result goes to the cache and `done`. */
async function readJobs(
  host: FileHost,
  request: ScanRequest,
  toRead: readonly FileJob[],
  { readText, listed, stats }: { readText: JobIo['readText']; listed: ReadonlySet<string>; stats: ScanStats },
  done: (job: FileJob, result: FileResult) => void,
): Promise<void> {
  const read = new Set<string>();
  const finished = (job: FileJob, result: FileResult) => {
    const complete = finishResult(job.path, result);
    request.cache?.set(job.path, jobVariant(job), complete);
    read.add(job.path);
    done(job, complete);
  };
  const script = workerScript();
  const workers = request.workers ?? defaultWorkerCount();
  if (host.localRoot !== undefined && script && workers > 0 && toRead.length >= PARALLEL_MIN_JOBS && request.extractors.every((e) => WORKER_EXTRACTORS.has(e.id))) {
    const data = { root: host.localRoot, maxFileBytes: request.limits.maxFileBytes, paths: [...listed] };
    // A worker that fails leaves its jobs to this thread: the scan still completes.
    await runInWorkers(toRead, { script, count: workers, data }, finished, stats).catch(() => undefined);
  }
  const extractors = new Map(request.extractors.map((e) => [e.id, e]));
  const io: JobIo = { readText, exists: (path) => listed.has(path), extractor: (id) => extractors.get(id)! };
  await runPool(toRead.filter((job) => !read.has(job.path)), READ_CONCURRENCY, async (job) => finished(job, await runFileJob(job, io, false)));
}

/** What the results of a scan depend on beyond the files: its rules, excludes, limits and scope options. */
function requestKey(request: ScanRequest): string {
  const { extractors, yamlRules, content, excludes, limits, scope } = request;
  return JSON.stringify([extractors.map((e) => e.id), yamlRules, content, excludes, limits, scope]);
}

/** A file `alongside` patterns can name (see NamedScripts). */
const SCRIPT_FILE = /\.(sh|bash)$/;

/** Which files to read and what to do with each, looked up through a path index. */
function planReads(files: readonly FileFact[], request: ScanRequest, templateTexts: ReadonlyMap<string, Readonly<Record<string, Answer>>>): FileJob[] {
  const rendered = new Map(files.flatMap((f) => (f.as !== undefined ? [[f.path, f.as] as const] : [])));
  const index = new PathIndex(files.filter((f) => f.path !== '.git').map((f) => f.path), (path) => rendered.get(path) ?? path);
  const jobs = new Map<string, FileJob>();
  const job = (path: string) => {
    let found = jobs.get(path);
    if (!found) {
      found = { path, as: rendered.get(path), template: templateTexts.get(path), extractors: [], yamlKeys: [] };
      jobs.set(path, found);
    }
    return found;
  };
  for (const extractor of request.extractors) for (const path of index.matching(extractor.files)) job(path).extractors.push(extractor.id);
  for (const rule of request.yamlRules) for (const path of index.matching(rule.files)) job(path).yamlKeys.push(rule.key.split('.')[0]);
  // Files read by the same content rules share one matcher: key them by the rules' indexes.
  // Rules naming the same globs are looked up once (most read `**/*.py`).
  const byGlobs = new Map<string, number[]>();
  request.content.forEach((reads, i) => {
    const key = reads.files.join('\0');
    const rules = byGlobs.get(key);
    if (rules) rules.push(i);
    else byGlobs.set(key, [i]);
  });
  const readers = new Map<string, number[]>();
  for (const rules of byGlobs.values()) {
    for (const path of index.matching(request.content[rules[0]].files)) {
      const found = readers.get(path);
      if (found) found.push(...rules);
      else readers.set(path, [...rules]);
    }
  }
  // A shell script named by a file is read for the `alongside` patterns of any rule.
  const alongside = request.content.flatMap((r) => (r.alongside === undefined ? [] : [{ pattern: r.alongside, engine: r.engine }]));
  const contents = new Map<string, ContentJob>();
  for (const [path, indexes] of readers) {
    const script = SCRIPT_FILE.test(path);
    const key = `${script}:${indexes.join(',')}`;
    let content = contents.get(key);
    if (!content) {
      const rules = indexes.map((i) => request.content[i]);
      const patterns = rules.flatMap((r) => [...r.patterns, ...(r.alongside === undefined ? [] : [r.alongside])].map((pattern) => ({ pattern, engine: r.engine })));
      const tried = script ? [...patterns, ...alongside] : patterns;
      const scripts = rules.some((r) => r.alongside !== undefined);
      // The key names the patterns themselves: matchers are kept per thread across scans.
      content = { key: `${scripts}\n${tried.map(patternKey).join('\n')}`, patterns: tried, scripts };
      contents.set(key, content);
    }
    job(path).content = content;
  }
  return [...jobs.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** How a job reads its file: a cached result is reused only for the same reading. */
function jobVariant(job: FileJob): string {
  return job.template || job.as !== undefined ? `${job.as ?? ''}\0${JSON.stringify(job.template ?? null)}` : '';
}

function emptyFacts(files: readonly FileFact[], hasGit: boolean, warnings: ScanWarning[], notes: ScopeNote[], texts: Map<string, TextMatches>): Facts {
  return {
    files, hasGit, dependencies: [], requirementsFiles: [], imports: [], calls: [], notebooks: [],
    ci: [], dvc: [], mlprojects: [], manifests: [], dockerfiles: [], manualSteps: [],
    yamlDocuments: [], ownPackages: ownPackages(files), scope: { notes, librarySource: [] },
    texts, warnings: [...warnings],
  };
}

function warningKey(warning: ScanWarning): string {
  return `${warning.code}\0${warning.path}`;
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
  for (const key of LOCATED_FACTS) (facts[key] as Placed[]).sort(byLocation);
  facts.warnings.sort((a, b) => ((a.path ?? '') < (b.path ?? '') ? -1 : (a.path ?? '') > (b.path ?? '') ? 1 : 0));
}
