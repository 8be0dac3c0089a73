/**
 * An in-memory FileHost, for rule examples (tiny repositories written beside a rule) and
 * for tests that need many repositories fast: a map of repository-relative POSIX paths to
 * file bytes or symlinks. Folders are
 * implied by the paths under them (there are no empty folders), and the root always
 * exists. It keeps the contract of the Node host (src/core/host/nodeFileHost.ts):
 *
 * - Paths resolve through symlinks as the OS does; errors carry the OS's `code`
 *   (ENOENT, ENOTDIR, ELOOP).
 * - `readDirectory` lists one level, reporting symlinks as `symlink`; it throws for a
 *   missing folder (ENOENT) or a file (ENOTDIR).
 * - `readFile` over `maxBytes` returns `{ size }` without bytes; it throws ENOENT for a
 *   missing or dangling path and EISDIR for a folder (the Node host's answer for a
 *   folder depends on its size on disk; the scanner never reads folders).
 * - `resolveLink` resolves like realpath(3), through links at any component: `outside`
 *   when the target leaves the root (or is the root itself) or is absolute, `missing`
 *   when dangling or looping, else `file` or `directory`. Unlike a disk, nothing exists
 *   outside the root, so a target leaving it is `outside` even where the Node host
 *   would find nothing there and answer `missing`.
 */
import type { DirEntry, FileHost, LinkTarget } from './fileHost';

/** A symbolic link; `link` is its target, resolved relative to the link's folder (absolute targets are outside). */
export interface MemoryLink {
  link: string;
}

/** A file's bytes (strings are UTF-8 encoded) or a symlink. */
export type MemoryEntry = Uint8Array | string | MemoryLink;

export interface MemoryHostOptions {
  /** What `insideEnclosingGit` answers (default false). */
  enclosingGit?: boolean;
}

/** Symlink hops before a chain counts as a loop (Linux's limit is 40). */
const MAX_LINK_HOPS = 40;

function fsError(code: string, op: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${op} '${path}'`), { code });
}

/** Whether a path is a valid repository-relative path: non-empty segments, no `.`/`..`, no NUL. */
export function isValidMemoryPath(path: string): boolean {
  return path !== '' && !path.includes('\0') && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/**
 * Create a host over `entries`. Throws when a path is invalid or is both a file and a
 * folder (e.g. `a` and `a/b`), which no real file system allows.
 */
export function createMemoryHost(entries: Record<string, MemoryEntry> | Map<string, MemoryEntry>, options: MemoryHostOptions = {}): FileHost {
  const nodes = new Map<string, Uint8Array | MemoryLink>();
  /** Folder path → child name → type. */
  const folders = new Map<string, Map<string, DirEntry['type']>>([['', new Map()]]);
  const list = entries instanceof Map ? [...entries] : Object.entries(entries);

  for (const [path, entry] of list) {
    if (!isValidMemoryPath(path)) throw new Error(`memory host: invalid path ${JSON.stringify(path)}`);
    nodes.set(path, typeof entry === 'string' ? new TextEncoder().encode(entry) : entry);
  }
  for (const [path, node] of nodes) {
    const segments = path.split('/');
    for (let i = 0; i < segments.length; i++) {
      const parent = segments.slice(0, i).join('/');
      const self = segments.slice(0, i + 1).join('/');
      const isLeaf = i === segments.length - 1;
      if (!isLeaf && nodes.has(self)) throw new Error(`memory host: ${JSON.stringify(self)} is both a file and a folder`);
      if (!folders.has(parent)) folders.set(parent, new Map());
      folders.get(parent)!.set(segments[i], isLeaf ? (node instanceof Uint8Array ? 'file' : 'symlink') : 'directory');
    }
  }

  /**
   * Resolve `path` through symlinks, component by component like realpath(3): the real
   * path (a file or folder), or why not, with the error code the OS would give. Nothing
   * exists outside the root here, so a path leaving it is 'outside' whether or not its
   * target would exist.
   */
  const realPath = (path: string): { path: string } | { type: 'outside' } | { type: 'missing'; code: string } => {
    const resolved: string[] = [];
    const pending = path.split('/');
    let hops = 0;
    while (pending.length > 0) {
      const segment = pending.shift()!;
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (resolved.length === 0) return { type: 'outside' };
        resolved.pop();
        continue;
      }
      const parent = resolved.join('/');
      if (!folders.has(parent)) return { type: 'missing', code: nodes.has(parent) ? 'ENOTDIR' : 'ENOENT' };
      resolved.push(segment);
      const node = nodes.get(resolved.join('/'));
      if (node !== undefined && !(node instanceof Uint8Array)) {
        if (++hops > MAX_LINK_HOPS) return { type: 'missing', code: 'ELOOP' };
        if (node.link.startsWith('/')) return { type: 'outside' };
        resolved.pop();
        pending.unshift(...node.link.split('/'));
      } else if (node === undefined && !folders.has(resolved.join('/'))) {
        return { type: 'missing', code: 'ENOENT' };
      }
    }
    return resolved.length === 0 ? { type: 'outside' } : { path: resolved.join('/') };
  };

  return {
    async readDirectory(path) {
      const real = path === '' ? { path: '' } : realPath(path);
      if (!('path' in real)) throw fsError(real.type === 'missing' ? real.code : 'ENOENT', 'scandir', path);
      const children = folders.get(real.path);
      if (!children) throw fsError('ENOTDIR', 'scandir', path);
      return [...children].map(([name, type]) => ({ name, type }));
    },

    async resolveLink(path): Promise<LinkTarget> {
      const real = realPath(path);
      if (!('path' in real)) return { type: real.type };
      return { type: folders.has(real.path) ? 'directory' : 'file' };
    },

    async readFile(path, maxBytes) {
      const real = realPath(path);
      if (!('path' in real)) throw fsError(real.type === 'missing' ? real.code : 'ENOENT', 'open', path);
      const bytes = nodes.get(real.path);
      if (!(bytes instanceof Uint8Array)) throw fsError('EISDIR', 'read', path);
      return bytes.length > maxBytes ? { size: bytes.length } : { size: bytes.length, bytes };
    },

    async insideEnclosingGit() {
      return options.enclosingGit ?? false;
    },
  };
}
