/**
 * Walks a repository through a FileHost: honours .gitignore files (root and nested,
 * with the `ignore` library's gitignore semantics) and user excludes, skips VCS
 * internals, environments and caches, never follows symlinked folders (no loops, no
 * escaping the root), and turns every problem into a scan warning.
 */
import ignore, { type Ignore } from 'ignore';
import type { FileFact, ScanWarning } from '../model/facts';
import type { DirEntry, FileHost } from '../host/fileHost';
import { SKIPPED_FOLDER_NAMES, SKIPPED_PATHS, VIRTUALENV_MARKER } from './skippedFolders';

export interface WalkOptions {
  /** Extra gitignore-style patterns from the user's configuration. */
  excludes: readonly string[];
  maxFiles: number;
  maxDepth: number;
  /** Bytes read of each .gitignore at most. */
  maxIgnoreFileBytes: number;
  onProgress?: (filesFound: number) => void;
}

export interface WalkResult {
  files: FileFact[];
  /** The root, or a folder above it, holds a `.git` folder or file (never read). */
  hasGit: boolean;
  warnings: ScanWarning[];
}

interface IgnoreScope {
  /** Folder the ignore file sits in ('' for the root). */
  base: string;
  rules: Ignore;
  /** The user's excludes: they ignore a path whatever a .gitignore re-includes. */
  absolute?: boolean;
}

interface PendingFolder {
  path: string;
  depth: number;
  scopes: IgnoreScope[];
}

const PROGRESS_EVERY = 500;

/** List the files of the repository that a scan should consider. */
export async function walk(host: FileHost, options: WalkOptions): Promise<WalkResult> {
  const files: FileFact[] = [];
  const warnings: ScanWarning[] = [];
  let hasGit = false;
  const userScope: IgnoreScope = { base: '', rules: ignore().add([...options.excludes]), absolute: true };
  // Depth-first with an explicit stack: a 1,000-level tree must not blow the call stack.
  const pending: PendingFolder[] = [{ path: '', depth: 0, scopes: [userScope] }];
  let tooDeepReported = false;

  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: DirEntry[];
    try {
      entries = await host.readDirectory(folder.path);
    } catch (err) {
      // Without the root there is nothing to assess: that is a failed scan, not a warning.
      if (folder.path === '') throw err;
      warnings.push({ code: 'unreadable', path: folder.path, message: `folder cannot be read (${errorCode(err)})` });
      continue;
    }
    if (folder.path !== '' && entries.some((e) => e.name === VIRTUALENV_MARKER)) continue;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (folder.path === '' && (entries.some((e) => e.name === '.git') || (await host.insideEnclosingGit?.()))) {
      hasGit = true;
      // Listed (never read) so file rules can see the repository is under version control.
      files.push({ path: '.git' });
    }

    const scopes = await withIgnoreFile(host, folder, entries, options, warnings);
    const subfolders: PendingFolder[] = [];
    for (const entry of entries) {
      const path = folder.path === '' ? entry.name : `${folder.path}/${entry.name}`;
      let type = entry.type;
      if (type === 'symlink') {
        const target = await host.resolveLink(path);
        if (target.type !== 'file') {
          if (target.type === 'outside' || target.type === 'directory') {
            warnings.push({
              code: 'symlink-skipped',
              path,
              message: target.type === 'outside'
                ? 'symbolic link points outside the repository; not followed'
                : 'symbolic link to a folder; not followed (avoids loops)',
            });
          }
          continue;
        }
        type = 'file';
      }
      if (type === 'directory') {
        if (SKIPPED_FOLDER_NAMES.has(entry.name) || SKIPPED_PATHS.has(path) || isIgnored(scopes, path, true)) continue;
        if (folder.depth + 1 > options.maxDepth) {
          if (!tooDeepReported) {
            warnings.push({ code: 'too-deep', path, message: `folders nested deeper than ${options.maxDepth} levels were not scanned` });
            tooDeepReported = true;
          }
          continue;
        }
        subfolders.push({ path, depth: folder.depth + 1, scopes });
      } else if (type === 'file') {
        if (isIgnored(scopes, path, false)) continue;
        if (files.length >= options.maxFiles) {
          warnings.push({ code: 'too-many-files', message: `stopped after ${options.maxFiles} files; raise limits.maxFiles or add excludes` });
          return { files, hasGit, warnings };
        }
        files.push({ path });
        if (files.length % PROGRESS_EVERY === 0) options.onProgress?.(files.length);
      }
    }
    // Reverse so the stack pops folders in name order: a deterministic file list.
    for (let i = subfolders.length - 1; i >= 0; i--) pending.push(subfolders[i]);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, hasGit, warnings };
}

async function withIgnoreFile(
  host: FileHost,
  folder: PendingFolder,
  entries: DirEntry[],
  options: WalkOptions,
  warnings: ScanWarning[],
): Promise<IgnoreScope[]> {
  if (!entries.some((e) => e.name === '.gitignore' && e.type === 'file')) return folder.scopes;
  const path = folder.path === '' ? '.gitignore' : `${folder.path}/.gitignore`;
  try {
    const { bytes } = await host.readFile(path, options.maxIgnoreFileBytes);
    if (!bytes) {
      warnings.push({ code: 'too-large', path, message: 'ignore file is over the size limit; not applied' });
      return folder.scopes;
    }
    return [...folder.scopes, { base: folder.path, rules: ignore().add(new TextDecoder().decode(bytes)) }];
  } catch (err) {
    warnings.push({ code: 'unreadable', path, message: `ignore file cannot be read (${errorCode(err)})` });
    return folder.scopes;
  }
}

/**
 * Git's precedence: the deepest .gitignore with a pattern matching the path decides (its
 * `!negation` re-includes what a shallower one ignores), and within one file the last
 * matching pattern wins (the `ignore` library's test()).
 */
function isIgnored(scopes: IgnoreScope[], path: string, isFolder: boolean): boolean {
  const verdict = (scope: IgnoreScope) => {
    const rel = scope.base === '' ? path : path.slice(scope.base.length + 1);
    try {
      return scope.rules.test(isFolder ? `${rel}/` : rel);
    } catch {
      // `ignore` rejects names it cannot express as relative paths; such a name is kept.
      return { ignored: false, unignored: false };
    }
  };
  if (scopes.some((scope) => scope.absolute && verdict(scope).ignored)) return true;
  for (let i = scopes.length - 1; i >= 0; i--) {
    if (scopes[i].absolute) continue;
    const { ignored, unignored } = verdict(scopes[i]);
    if (ignored || unignored) return ignored;
  }
  return false;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err as Error)?.message ?? String(err);
}
