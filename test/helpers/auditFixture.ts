/** Run the real audit pipeline on a fixture repository copied to a temporary folder. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { audit } from '../../src/core/audit';
import { readRepoConfig } from '../../src/core/config/readConfig';
import { createNodeFileHost } from '../../src/core/host/nodeFileHost';
import { loadKnowledge } from '../../src/core/knowledge/load';
import type { KnowledgeBase, StageId } from '../../src/core/model/knowledge';
import type { Report } from '../../src/core/model/report';
import { FIXTURES, KNOWLEDGE_DIR, tempDir } from './paths';

let cached: KnowledgeBase | undefined;
/** The shipped knowledge base, loaded once per test process. */
export function knowledge(): KnowledgeBase {
  cached ??= loadKnowledge(KNOWLEDGE_DIR);
  return cached;
}

export const TEST_TOOL = { name: 'mlops-lens', version: '0.0.0-test' };

/**
 * Audit `test/fixtures/repos/<name>` from a temporary copy, outside any git work tree.
 * With `git`, an empty `.git` folder is created first (git folders cannot be committed
 * inside this repository).
 */
export async function auditFixture(name: string, options: { git?: boolean; stage?: StageId } = {}): Promise<Report> {
  const dir = tempDir();
  try {
    cpSync(join(FIXTURES, 'repos', name), dir.path, { recursive: true });
    if (options.git) {
      mkdirSync(join(dir.path, '.git'));
      writeFileSync(join(dir.path, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    }
    return await auditFolder(dir.path, name, options.stage);
  } finally {
    dir.dispose();
  }
}

/** Audit a folder in place; `rootName` makes reports independent of temporary paths. */
export async function auditFolder(path: string, rootName: string, stage?: StageId): Promise<Report> {
  const host = createNodeFileHost(path);
  const config = await readRepoConfig(host, knowledge());
  return audit(host, { knowledge: knowledge(), config, stage, rootName, tool: TEST_TOOL });
}

/** Audit a tiny repository of these files, written to a temporary folder for the test. */
export async function auditFiles(files: Record<string, string>, stage?: StageId): Promise<Report> {
  const dir = tempDir();
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir.path, path)), { recursive: true });
      writeFileSync(join(dir.path, path), text);
    }
    return await auditFolder(dir.path, 'repo', stage);
  } finally {
    dir.dispose();
  }
}
