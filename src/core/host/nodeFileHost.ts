/** A FileHost over a folder on the local disk (CLI, tests, benchmarks). */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import type { DirEntry, FileHost, LinkTarget } from './fileHost';

/** Create a read-only host rooted at `rootDir`. */
export function createNodeFileHost(rootDir: string): FileHost {
  const root = resolve(rootDir);
  const abs = (path: string) => (path === '' ? root : join(root, ...path.split('/')));
  let realRoot: Promise<string> | undefined;

  return {
    async readDirectory(path) {
      const entries = await readdir(abs(path), { withFileTypes: true });
      return entries.map((entry): DirEntry => ({
        name: entry.name,
        type: entry.isSymbolicLink() ? 'symlink'
          : entry.isDirectory() ? 'directory'
          : entry.isFile() ? 'file'
          : 'other',
      }));
    },

    async fileSize(path) {
      return (await stat(abs(path))).size;
    },

    async resolveLink(path): Promise<LinkTarget> {
      realRoot ??= realpath(root);
      let target: string;
      try {
        target = await realpath(abs(path));
      } catch {
        return { type: 'missing', size: 0 };
      }
      const rel = relative(await realRoot, target);
      if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
        return { type: 'outside', size: 0 };
      }
      const info = await stat(target);
      return {
        type: info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'other',
        size: info.size,
      };
    },

    async insideEnclosingGit() {
      for (let dir = dirname(root); ; dir = dirname(dir)) {
        if (await stat(join(dir, '.git')).then(() => true, () => false)) return true;
        if (dirname(dir) === dir) return false;
      }
    },

    async readFile(path, maxBytes) {
      const handle = await open(abs(path), 'r');
      try {
        const buffer = Buffer.alloc(maxBytes);
        let filled = 0;
        while (filled < maxBytes) {
          const { bytesRead } = await handle.read(buffer, filled, maxBytes - filled, filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return buffer.subarray(0, filled);
      } finally {
        await handle.close();
      }
    },
  };
}
