/** Paths tests need, found from the compiled test's location (out/test/...) upwards. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'knowledge'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the repository root above ${start}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const KNOWLEDGE_DIR = join(REPO_ROOT, 'knowledge');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const SHARED_DIR = join(REPO_ROOT, '..', 'shared');

/** A fresh temporary folder, removed when the returned disposer runs. */
export function tempDir(prefix = 'mlops-lens-'): { path: string; dispose(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}
