/**
 * A FileHost over a folder on the local disk, for the CLI, tests and benchmarks. It uses
 * Node's synchronous file calls: for thousands of small files they cost a fraction of
 * the thread-pool round trips of the promise API, and a headless audit has nothing else
 * to do meanwhile. (The editor reads through `vscode.workspace.fs` instead.)
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DirEntry, FileHost, LinkTarget } from './fileHost';
import { escapesRoot } from './insideRoot';

/** Create a read-only host rooted at `rootDir`. */
export function createNodeFileHost(rootDir: string): FileHost {
  const root = resolve(rootDir);
  const abs = (path: string) => (path === '' ? root : join(root, ...path.split('/')));
  let realRoot: string | undefined;

  return {
    localRoot: root,

    async readDirectory(path) {
      return readdirSync(abs(path), { withFileTypes: true }).map((entry): DirEntry => ({
        name: entry.name,
        type: entry.isSymbolicLink() ? 'symlink'
          : entry.isDirectory() ? 'directory'
          : entry.isFile() ? 'file'
          : 'other',
      }));
    },

    async resolveLink(path): Promise<LinkTarget> {
      realRoot ??= realpathSync(root);
      let target: string;
      try {
        target = realpathSync(abs(path));
      } catch {
        return { type: 'missing' };
      }
      if (escapesRoot(realRoot, target)) return { type: 'outside' };
      const info = statSync(target);
      return { type: info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'other' };
    },

    async insideEnclosingGit() {
      for (let dir = dirname(root); ; dir = dirname(dir)) {
        try {
          statSync(join(dir, '.git'));
          return true;
        } catch {
          if (dirname(dir) === dir) return false;
        }
      }
    },

    async readFile(path, maxBytes) {
      const fd = openSync(abs(path), 'r');
      try {
        const { size } = fstatSync(fd);
        if (size > maxBytes) return { size };
        const buffer = Buffer.allocUnsafe(size);
        let filled = 0;
        while (filled < size) {
          const bytesRead = readSync(fd, buffer, filled, size - filled, filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return { size, bytes: buffer.subarray(0, filled) };
      } finally {
        closeSync(fd);
      }
    },
  };
}
