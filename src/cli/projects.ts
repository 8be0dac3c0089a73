/**
 * The ML projects inside a repository (`--projects`): folders with their own project files
 * (requirements, pyproject, dvc.yaml, MLproject, a Dockerfile: the knowledge base's
 * collection markers) and Python or notebook code of their own. The search stops at a
 * project (its sub-folders belong to it) and skips vendored, virtual-env and hidden folders.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { KnowledgeBase } from '../core/model/knowledge';
import { globMatcher } from '../core/scan/globs';

/** How deep projects are looked for: monorepos nest them a few folders down (services/x/api). */
const MAX_DEPTH = 4;
const SKIPPED = new Set(['node_modules', 'venv', 'site-packages', '__pycache__', 'dist', 'build']);

/** Project folders under `root` (not `root` itself), as paths relative to it, sorted. */
export async function findProjects(root: string, knowledge: KnowledgeBase): Promise<string[]> {
  const isMarker = globMatcher(knowledge.collections?.projectMarkers ?? []);
  const found: string[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    const entries = await list(dir);
    if (depth > 0 && entries.some((e) => e.isFile() && isMarker(e.name)) && await hasCode(dir, entries)) {
      found.push(relative(root, dir).split('\\').join('/'));
      return;
    }
    if (depth >= MAX_DEPTH) return;
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && !SKIPPED.has(e.name)) await visit(join(dir, e.name), depth + 1);
    }
  };
  await visit(root, 0);
  return found.sort();
}

/** Whether a folder holds Python or notebook files, directly or a few levels down. */
async function hasCode(dir: string, entries: Dirent[], depth = 0): Promise<boolean> {
  if (entries.some((e) => e.isFile() && /\.(py|ipynb)$/.test(e.name))) return true;
  if (depth >= 3) return false;
  for (const e of entries) {
    if (e.isDirectory() && !e.name.startsWith('.') && !SKIPPED.has(e.name) && await hasCode(join(dir, e.name), await list(join(dir, e.name)), depth + 1)) return true;
  }
  return false;
}

/** A folder's entries; an unreadable folder holds none (the audit reports it). */
async function list(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
