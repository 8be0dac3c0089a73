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
/** The team's shared reference files, beside the repository in the team's set-up. */
export const SHARED_DIR = join(REPO_ROOT, '..', 'shared');
/** Copies of the shared files the tests need, for clones without `../shared` (see its README). */
export const REFERENCE_DIR = join(REPO_ROOT, 'test', 'reference');
/** The reference files the tests compare with (a path relative to `../shared`). */
export const REFERENCE_FILES = ['practice-taxonomy.yaml', 'evidence-notes.md', 'schemas/sarif-schema-2.1.0.json'] as const;

/** A shared reference file: from `../shared` when it is there, else the repository's copy. */
export function referenceFile(name: (typeof REFERENCE_FILES)[number]): string {
  const shared = join(SHARED_DIR, name);
  return existsSync(shared) ? shared : join(REFERENCE_DIR, name);
}

/** The official SARIF 2.1.0 schema (draft-04); MLOPS_LENS_SARIF_SCHEMA points elsewhere. */
export const SARIF_SCHEMA = process.env.MLOPS_LENS_SARIF_SCHEMA ?? referenceFile('schemas/sarif-schema-2.1.0.json');

/** A fresh temporary folder, removed when the returned disposer runs. */
export function tempDir(prefix = 'mlops-lens-'): { path: string; dispose(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}
