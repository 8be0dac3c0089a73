/**
 * Per-file scan results kept between audits (the editor re-audits on every save): a new
 * scan reads and parses only files not in the cache, lists the tree again only after files
 * were created or deleted, and after content edits alone splices the edited files' facts
 * into the last scan's (see edits.ts). Clear it when the knowledge base or configuration changes.
 */
import type { Facts } from '../model/facts';
import type { TemplateView } from '../scope/repositoryScope';
import type { ScanBasis } from './edits';
import type { FileJob, FileResult } from './fileJob';
import type { WalkResult } from './walk';

/** A complete scan, kept for the next: its facts and what they rest on. */
export interface LastScan {
  listing: WalkResult;
  facts: Facts;
  basis: ScanBasis;
  /** The plan's jobs by path. */
  jobs: ReadonlyMap<string, FileJob>;
  /** Every listed path (what `exists` answers from). */
  listed: ReadonlySet<string>;
}

/** What changed since the last scan when only contents did. */
export interface EditsSince {
  last: LastScan;
  /** Files whose contents changed, or that read one that did. */
  edited: ReadonlySet<string>;
  /** Their results in the last scan. */
  before: ReadonlyMap<string, FileResult>;
}

export class ScanCache {
  /** The last listing: reused until a file is created or deleted (an edit changes no listing). */
  listing?: WalkResult;
  /** What the cached results were read for (see requestKey). */
  private request?: string;
  /** What to read, planned for that listing (and template view): an edit changes no plan. */
  private plan?: { listing: WalkResult; templates: string; jobs: FileJob[] };
  /** By path; `variant` says how the file was read (a template file under its rendered path). */
  private readonly results = new Map<string, { variant: string; result: FileResult }>();
  /** By path: the files whose results read it (may name some that no longer do: they are only read again). */
  private readonly readers = new Map<string, Set<string>>();
  private last?: LastScan;
  /** How the last scan went: in full, or by splicing edits into the one before (tests check which). */
  lastScan?: 'full' | 'edits';
  /** Files edited since the last scan, with their results in it; undefined when a full scan is due. */
  private edited?: Map<string, FileResult | undefined>;

  /** Results read for another request (rules, excludes, limits: a workspace trusted since) are of no use: forget them. */
  useFor(request: string): void {
    if (request !== this.request) this.clear();
    this.request = request;
  }

  /** The plan kept for this listing and template view, else the one `plan` makes, kept from now on. */
  planFor(listing: WalkResult, templates: TemplateView, plan: () => FileJob[]): FileJob[] {
    const key = templateKey(templates);
    if (this.plan?.listing !== listing || this.plan.templates !== key) this.plan = { listing, templates: key, jobs: plan() };
    return this.plan.jobs;
  }

  get(path: string, variant = ''): FileResult | undefined {
    const cached = this.results.get(path);
    return cached?.variant === variant ? cached.result : undefined;
  }

  set(path: string, variant: string, result: FileResult): void {
    this.results.set(path, { variant, result });
    for (const read of result.reads) {
      const readers = this.readers.get(read);
      if (readers) readers.add(path);
      else this.readers.set(read, new Set([path]));
    }
  }

  /** A scan completed: the next may build on it. */
  completed(last: LastScan, how: 'full' | 'edits'): void {
    this.last = last;
    this.lastScan = how;
    this.edited = new Map();
  }

  /** Only contents changed since the last complete scan, and these: a re-scan may splice them in. */
  editsSince(): EditsSince | undefined {
    if (!this.last || !this.edited || this.listing !== this.last.listing) return undefined;
    const before = new Map<string, FileResult>();
    for (const [path, result] of this.edited) if (result) before.set(path, result);
    return { last: this.last, edited: new Set(this.edited.keys()), before };
  }

  /** Files were created or deleted (or may have been): list the tree again, and read these and the files that read them. */
  invalidate(paths: Iterable<string>): void {
    this.listing = undefined;
    this.edited = undefined;
    this.contentChanged(paths);
  }

  /** Files changed: `listing` when some were created or deleted (see invalidate), else only their contents. */
  filesChanged(paths: Iterable<string>, listing: boolean): void {
    if (listing) this.invalidate(paths);
    else this.contentChanged(paths);
  }

  /** Only the contents of these files changed: read them, and the files that read them, again. */
  contentChanged(paths: Iterable<string>): void {
    for (const path of new Set(paths)) {
      this.forget(path);
      for (const reader of this.readers.get(path) ?? []) this.forget(reader);
    }
  }

  clear(): void {
    this.listing = undefined;
    this.plan = undefined;
    this.last = undefined;
    this.lastScan = undefined;
    this.edited = undefined;
    this.results.clear();
    this.readers.clear();
  }

  /** Drop a file's result, remembering the one the last scan merged (a file edited twice keeps the first). */
  private forget(path: string): void {
    if (this.edited && !this.edited.has(path)) this.edited.set(path, this.results.get(path)?.result);
    this.results.delete(path);
  }
}

/** What a template view changes in a plan: the paths files render to and the answers their texts use. */
function templateKey(templates: TemplateView): string {
  return templates.templateTexts.size === 0 && templates.files.every((f) => f.as === undefined)
    ? ''
    : JSON.stringify([templates.files.flatMap((f) => (f.as === undefined ? [] : [[f.path, f.as]])), [...templates.templateTexts]]);
}
