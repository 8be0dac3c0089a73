/**
 * Property: the in-memory host the other properties use answers like the Node host over
 * the same tree written to disk (listings, reads, size limits, symlinks, errors), so
 * what the properties find holds for real folders too.
 */
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import type { FileHost } from '../../../src/core/host/fileHost';
import { createNodeFileHost } from '../../../src/core/host/nodeFileHost';
import { createMemoryHost, type MemoryEntry } from '../../helpers/memoryHost';
import { tempDir } from '../../helpers/paths';
import { params, SEED, treeArb } from './arbitraries';

const NUM_RUNS = 150;
let cases = 0;

after(() => console.log(`property cases: ${cases} (seed ${SEED})`));

function writeTree(root: string, tree: Map<string, MemoryEntry>): void {
  for (const [path, entry] of tree) {
    const abs = join(root, ...path.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof entry === 'object' && 'link' in entry) symlinkSync(entry.link, abs);
    else writeFileSync(abs, entry);
  }
}

/** What a host answers for one call: the value, or the error code. */
async function answer<T>(call: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await call();
  } catch (err) {
    return { error: (err as NodeJS.ErrnoException).code ?? 'no code' };
  }
}

async function listing(host: FileHost, path: string) {
  const entries = await answer(() => host.readDirectory(path));
  return Array.isArray(entries) ? [...entries].sort((a, b) => (a.name < b.name ? -1 : 1)) : entries;
}

async function read(host: FileHost, path: string, maxBytes: number) {
  const content = await answer(() => host.readFile(path, maxBytes));
  return 'error' in content ? content : { size: content.size, bytes: content.bytes && Buffer.from(content.bytes).toString('base64') };
}

test('the memory host answers like the Node host over the same tree on disk', async () => {
  await fc.assert(
    fc.asyncProperty(treeArb, fc.constantFrom(0, 100, 4096), async (tree, maxBytes) => {
      cases++;
      const dir = tempDir('mlops-lens-prop-');
      try {
        writeTree(dir.path, tree);
        const memory = createMemoryHost(tree);
        const disk = createNodeFileHost(dir.path);
        const paths = new Set<string>(['', 'no-such-folder', 'README.md/x']);
        for (const path of tree.keys()) {
          const segments = path.split('/');
          for (let i = 1; i <= segments.length; i++) paths.add(segments.slice(0, i).join('/'));
        }
        for (const path of paths) {
          // Nothing exists outside the memory root: paths through links leaving it are not compared.
          const target = await memory.resolveLink(path);
          const entry = tree.get(path);
          const isLink = typeof entry === 'object' && 'link' in entry;
          if (path !== '' && target.type === 'outside') {
            if (isLink) assert.ok(['outside', 'missing'].includes((await disk.resolveLink(path)).type), `resolveLink(${JSON.stringify(path)})`);
            continue;
          }
          assert.deepEqual(await listing(memory, path), await listing(disk, path), `readDirectory(${JSON.stringify(path)})`);
          if (isLink) assert.deepEqual(target, await disk.resolveLink(path), `resolveLink(${JSON.stringify(path)})`);
          // Reading a folder is not compared: the Node host's answer depends on its size on disk.
          if (path !== '' && (tree.has(path) || path === 'README.md/x') && target.type !== 'directory') {
            assert.deepEqual(await read(memory, path, maxBytes), await read(disk, path, maxBytes), `readFile(${JSON.stringify(path)}, ${maxBytes})`);
          }
        }
      } finally {
        dir.dispose();
      }
    }),
    params(NUM_RUNS),
  );
});
