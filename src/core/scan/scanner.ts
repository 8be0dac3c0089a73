/**
 * The scan stage: list the repository, read only the files some extractor or rule
 * needs (size-capped, binary files skipped), and turn them into facts. Every problem
 * becomes a scan warning; nothing in the repository is executed.
 */
import { Minimatch } from 'minimatch';
import type { FileHost } from '../host/fileHost';
import type { Facts, FileFact, ScanWarning } from '../model/facts';
import type { ExtractContext, Extractor, FactsPatch } from '../facts/extractor';
import { ownPackages } from '../facts/ownPackages';
import { parseYaml } from '../facts/yamlSource';
import { walk } from './walk';

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
  /** Globs of files whose YAML documents `yaml` rules inspect. */
  yamlGlobs: readonly string[];
  /** Globs of files whose text `content` rules inspect. */
  contentGlobs: readonly string[];
  excludes: readonly string[];
  limits: ScanLimits;
  onProgress?: (progress: ScanProgress) => void;
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
const READ_CONCURRENCY = 8;

/** Scan a repository into facts. */
export async function scan(host: FileHost, request: ScanRequest): Promise<ScanResult> {
  const listing = await walk(host, {
    excludes: request.excludes,
    maxFiles: request.limits.maxFiles,
    maxDepth: request.limits.maxDepth,
    maxIgnoreFileBytes: request.limits.maxFileBytes,
    onProgress: (done) => request.onProgress?.({ phase: 'listing', done }),
  });
  const facts = emptyFacts(listing.files, listing.hasGit, listing.warnings);
  const stats: ScanStats = { files: listing.files.length, filesRead: 0, bytesRead: 0 };

  const extractorMatchers = request.extractors.map((extractor) => ({ extractor, match: globMatcher(extractor.files) }));
  const isYamlRuleFile = globMatcher(request.yamlGlobs);
  const isContentRuleFile = globMatcher(request.contentGlobs);
  const jobs = listing.files
    .filter((file) => file.path !== '.git')
    .map((file) => ({
      file,
      extractors: extractorMatchers.filter((m) => m.match(file.path)).map((m) => m.extractor),
      yaml: isYamlRuleFile(file.path),
      content: isContentRuleFile(file.path),
    }))
    .filter((job) => job.extractors.length > 0 || job.yaml || job.content);

  const warn = (warning: ScanWarning) => addWarning(facts, warning);
  const readText = async (file: FileFact): Promise<string | undefined> => {
    if (file.size > request.limits.maxFileBytes) {
      warn({ code: 'too-large', path: file.path, message: `${formatBytes(file.size)} is over the ${formatBytes(request.limits.maxFileBytes)} limit; not read` });
      return undefined;
    }
    let bytes: Uint8Array;
    try {
      bytes = await host.readFile(file.path, Math.min(file.size, request.limits.maxFileBytes));
    } catch (err) {
      warn({ code: 'unreadable', path: file.path, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
      return undefined;
    }
    stats.filesRead++;
    stats.bytesRead += bytes.length;
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      warn({ code: 'binary', path: file.path, message: 'binary content; not parsed' });
      return undefined;
    }
    return decodeText(bytes);
  };
  const byPath = new Map(listing.files.map((f) => [f.path, f]));
  const context = (): ExtractContext => ({
    read: async (path) => {
      const file = byPath.get(path);
      return file ? readText(file) : undefined;
    },
    warn,
  });

  let done = 0;
  await runPool(jobs, READ_CONCURRENCY, async (job) => {
    const text = await readText(job.file);
    if (text !== undefined) {
      const source = { path: job.file.path, text };
      for (const extractor of job.extractors) {
        try {
          mergePatch(facts, await extractor.extract(source, context()));
        } catch (err) {
          warn(parseWarning(job.file.path, err));
        }
      }
      if (job.yaml) {
        try {
          for (const doc of parseYaml(text)) facts.yamlDocuments.push({ path: job.file.path, line: 1, value: doc.value, lineOf: doc.lineOf });
        } catch (err) {
          warn(parseWarning(job.file.path, err));
        }
      }
      if (job.content) facts.texts.set(job.file.path, text);
    }
    done++;
    if (done % 100 === 0 || done === jobs.length) request.onProgress?.({ phase: 'reading', done, total: jobs.length });
  });
  sortFacts(facts);
  return { facts, stats };
}

function emptyFacts(files: FileFact[], hasGit: boolean, warnings: ScanWarning[]): Facts {
  return {
    files, hasGit, dependencies: [], requirementsFiles: [], imports: [], calls: [], notebooks: [],
    ci: [], dvc: [], mlprojects: [], manifests: [], dockerfiles: [], manualSteps: [],
    yamlDocuments: [], ownPackages: ownPackages(files), texts: new Map(), warnings: [...warnings],
  };
}

/** Case-insensitive, dotfile-aware matcher over a set of globs. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const matchers = globs.map((glob) => new Minimatch(glob, { dot: true, nocase: true }));
  return (path) => matchers.some((m) => m.match(path));
}

function mergePatch(facts: Facts, patch: FactsPatch): void {
  for (const [key, values] of Object.entries(patch) as [keyof FactsPatch, unknown[]][]) {
    if (Array.isArray(values)) (facts[key] as unknown[]).push(...values);
  }
}

/** One warning per file and kind: a file parsed twice must not be reported twice. */
function addWarning(facts: Facts, warning: ScanWarning): void {
  if (!facts.warnings.some((w) => w.path === warning.path && w.code === warning.code && w.path !== undefined)) {
    facts.warnings.push(warning);
  }
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
  for (const key of ['dependencies', 'requirementsFiles', 'imports', 'calls', 'notebooks', 'ci', 'dvc', 'mlprojects', 'manifests', 'dockerfiles', 'manualSteps', 'yamlDocuments'] as const) {
    (facts[key] as { path: string; line?: number }[]).sort(byLocation);
  }
  facts.warnings.sort((a, b) => ((a.path ?? '') < (b.path ?? '') ? -1 : (a.path ?? '') > (b.path ?? '') ? 1 : 0));
}
