/**
 * One file's part of a scan: what to do with it (a FileJob, plain data so a worker
 * thread can take it) and what it gave (a FileResult). The same code reads a job on the
 * main thread or in a worker.
 */
import type { FileContent, FileHost } from '../host/fileHost';
import type { ScanWarning, TextMatches, YamlDocumentFact } from '../model/facts';
import type { ExtractContext, Extractor, FactsPatch } from '../facts/extractor';
import { parseYaml } from '../facts/yamlSource';
import { NOTHING, TextMatcher, type PatternOnEngine } from '../engine/textMatches';
import type { Answer } from '../scope/templateConditions';
import { neutraliseTemplate } from '../scope/templateText';
import { needsQuotedPlaceholders } from '../scope/templates';

/** What to do with one file. */
export interface FileJob {
  path: string;
  /** The path globs matched (a template file's path in its generated project). */
  as?: string;
  /** The text holds template tags, neutralised before parsing with the template's default answers. */
  template?: Readonly<Record<string, Answer>>;
  /** Ids of the extractors to run. */
  extractors: string[];
  /** First keys of the `yaml` rules interested in this file: parsing is skipped when none occurs in it. */
  yamlKeys: string[];
  /** The `content` patterns to try on the file, when any rule reads its lines. */
  content?: ContentJob;
}

/** The content patterns tried on a file; files with equal `key`s share one compiled matcher. */
export interface ContentJob {
  key: string;
  patterns: PatternOnEngine[];
  /** Collect the shell scripts the file names (some rule has `alongside`). */
  scripts: boolean;
}

/** What one file contributed: kept in a ScanCache until the file changes. */
export interface FileResult {
  patch: FactsPatch;
  yamlDocuments: YamlDocumentFact[];
  /**
   * The text, when `yaml` rules need its documents and the job ran in a worker: documents
   * carry a line lookup (a function), so they are parsed where the results are merged.
   */
  yamlText?: string;
  /** What `content` rules look for in the file (the text itself is not kept). */
  matches?: TextMatches;
  warnings: ScanWarning[];
  /** Other files the extractors read for this one (templates, scripts a CI step runs). */
  reads: string[];
}

/** Counts of what a scan read. */
export interface ReadStats {
  filesRead: number;
  bytesRead: number;
}

/** How a job reaches the repository. */
export interface JobIo {
  /** Read a file as text; problems go to `warnings`. */
  readText(path: string, warnings: ScanWarning[]): Promise<string | undefined>;
  /** Whether the listing has the path. */
  exists(path: string): boolean;
  extractor(id: string): Extractor;
}

/** Bytes inspected for a NUL byte to tell binary files from text. */
const BINARY_SNIFF_BYTES = 8000;

/** A reader of size-capped text files through a host, counting what it reads into `stats`. */
export function textReader(host: FileHost, maxFileBytes: number, stats: ReadStats): JobIo['readText'] {
  return async (path, warnings) => {
    let content: FileContent;
    try {
      content = await host.readFile(path, maxFileBytes);
    } catch (err) {
      warnings.push({ code: 'unreadable', path, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
      return undefined;
    }
    const { bytes } = content;
    if (!bytes) {
      warnings.push({ code: 'too-large', path, message: `${formatBytes(content.size)} is over the ${formatBytes(maxFileBytes)} limit; not read` });
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
}

/** Read and parse one file. With `deferYaml`, YAML documents are left as text for the merging thread. */
export async function runFileJob(job: FileJob, io: JobIo, deferYaml: boolean): Promise<FileResult> {
  const result: FileResult = { patch: {}, yamlDocuments: [], warnings: [], reads: [] };
  const raw = await io.readText(job.path, result.warnings);
  if (raw === undefined) return result;
  const answers = job.template;
  const text = answers
    ? neutraliseTemplate(raw, { quoteBare: needsQuotedPlaceholders(job.as ?? job.path), answers: (v) => (Object.hasOwn(answers, v) ? answers[v] : undefined) })
    : raw;
  const context: ExtractContext = {
    // Paths looked up are remembered even when absent: creating one changes this file's facts.
    read: async (path) => {
      result.reads.push(path);
      return io.exists(path) ? io.readText(path, result.warnings) : undefined;
    },
    exists: (path) => {
      result.reads.push(path);
      return io.exists(path);
    },
    warn: (warning) => result.warnings.push(warning),
  };
  const source = { path: job.path, text };
  for (const id of job.extractors) {
    try {
      mergePatch(result.patch, await io.extractor(id).extract(source, context));
    } catch (err) {
      result.warnings.push(parseWarning(job.path, err));
    }
  }
  if (job.yamlKeys.some((key) => key === '*' || text.includes(key))) {
    if (deferYaml) result.yamlText = text;
    else parseYamlDocuments(job.path, text, result);
  }
  if (job.content) result.matches = matcherFor(job.content).match(job.path, text);
  return result;
}

/**
 * A result from any thread, ready to merge: deferred YAML text parsed into documents, and
 * what a worker's message copied shared again: the file's path in its facts (one string,
 * not one per import and call) and an empty match.
 */
export function finishResult(path: string, result: FileResult): FileResult {
  const { yamlText, ...finished } = result;
  if (yamlText !== undefined) parseYamlDocuments(path, yamlText, finished);
  if (finished.matches && finished.matches.first.size === 0 && finished.matches.scripts.length === 0) finished.matches = NOTHING;
  for (const facts of Object.values(finished.patch) as { path?: string }[][]) {
    for (const fact of facts) if (fact.path === path) fact.path = path;
  }
  return finished;
}

function parseYamlDocuments(path: string, text: string, result: FileResult): void {
  try {
    for (const doc of parseYaml(text)) result.yamlDocuments.push({ path, line: 1, value: doc.value, lineOf: doc.lineOf });
  } catch (err) {
    result.warnings.push(parseWarning(path, err));
  }
}

/** Compiled matchers by content key, kept per thread: the knowledge base's patterns do not change. */
const matchers = new Map<string, TextMatcher>();

function matcherFor(content: ContentJob): TextMatcher {
  let matcher = matchers.get(content.key);
  if (!matcher) {
    matcher = new TextMatcher(content.patterns, content.scripts);
    matchers.set(content.key, matcher);
  }
  return matcher;
}

export function mergePatch(into: FactsPatch, patch: FactsPatch): void {
  for (const [key, values] of Object.entries(patch) as [keyof FactsPatch, unknown[]][]) {
    if (Array.isArray(values)) append((into[key] ??= []) as unknown[], values);
  }
}

/**
 * `into.push(...values)` passes every value as an argument: a file with a few hundred
 * thousand calls or YAML documents would overflow the stack. A loop has no such limit.
 */
export function append<T>(into: T[], values: readonly T[]): void {
  for (const value of values) into.push(value);
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
