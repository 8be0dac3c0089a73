/**
 * A re-audit after content edits (the scan splices the edited files' facts into the last
 * scan's, the index and rule hits are carried over) must give exactly the report a fresh
 * audit gives, on every fixture repository and the sample, for edits that add facts, shift
 * lines, break a file and empty it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { audit } from '../../../src/core/audit';
import { readRepoConfig } from '../../../src/core/config/readConfig';
import { createNodeFileHost } from '../../../src/core/host/nodeFileHost';
import type { Report } from '../../../src/core/model/report';
import { ScanCache } from '../../../src/core/scan/scanner';
import { knowledge, TEST_TOOL } from '../../helpers/auditFixture';
import { FIXTURES, REPO_ROOT, tempDir } from '../../helpers/paths';

/** Lines many rules look for: ML imports, tracking and seed calls, a test run, a script named. */
const SIGNAL_LINES = [
  'import mlflow',
  'import numpy as np',
  'import great_expectations as gx',
  'mlflow.log_metric("accuracy", 0.9)',
  'np.random.seed(42)',
  'pytest tests/',
  'bash scripts/train.sh',
].join('\n');

/** Edits in turn: signals added at the end, then lines shifted, then a broken file, then an empty one, then the original. */
function edits(original: string): string[] {
  return [`${original}\n${SIGNAL_LINES}\n`, `\n\n${original}`, `${original}\n{[ "unclosed: (\n`, '', original];
}

/** Up to `count` files of a repository that rules read, spread over kinds of file. */
function editableFiles(root: string, count: number): string[] {
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else all.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  const byKind = new Map<string, string[]>();
  for (const path of all) {
    const kind = path.includes('.') ? path.slice(path.lastIndexOf('.')) : path;
    byKind.set(kind, [...(byKind.get(kind) ?? []), path]);
  }
  const picked: string[] = [];
  for (let round = 0; picked.length < count && round < all.length; round++) {
    for (const paths of byKind.values()) if (round < paths.length && picked.length < count) picked.push(paths[round]);
  }
  return picked;
}

/** A report with what differs between any two runs left out: how much each scan read. */
function comparable(report: Report): Omit<Report, 'stats'> {
  const { stats: _stats, ...rest } = report;
  return rest;
}

/**
 * A rule's hits come in the order of its modules (`lakefs` before `lakefs_sdk`), not of
 * files: a re-audit that replaced a file's hits in that order would put them in the wrong place.
 */
const MODULE_ORDER: Record<string, string> = {
  'a_ingest.py': 'import lakefs_sdk\nimport pachyderm_sdk\n',
  'b_ingest.py': 'import lakefs\nimport python_pachyderm\n',
  'c_ingest.py': 'import lakefs_spec\n',
};

const REPOSITORIES: { name: string; source?: string; files?: Record<string, string> }[] = [
  ...readdirSync(join(FIXTURES, 'repos')).sort().map((name) => ({ name, source: join(FIXTURES, 'repos', name) })),
  { name: 'sample', source: join(REPO_ROOT, 'examples', 'churn-prediction') },
  { name: 'module-order', files: MODULE_ORDER },
];

test('a re-audit after each edit gives the report a fresh audit gives (fixtures and the sample)', async () => {
  let spliced = 0;
  let edited = 0;
  for (const repository of REPOSITORIES) {
    const dir = tempDir();
    try {
      if (repository.source) cpSync(repository.source, dir.path, { recursive: true });
      for (const [path, text] of Object.entries(repository.files ?? {})) writeFileSync(join(dir.path, path), text);
      mkdirSync(join(dir.path, '.git'));
      const files = editableFiles(dir.path, 4);
      const host = createNodeFileHost(dir.path);
      const config = await readRepoConfig(host, knowledge());
      const cache = new ScanCache();
      const run = (withCache: boolean) => audit(createNodeFileHost(dir.path), {
        knowledge: knowledge(), config, rootName: repository.name, tool: TEST_TOOL, ...(withCache ? { cache } : {}),
      });
      await run(true);
      for (const path of files) {
        const original = readFileSync(join(dir.path, path), 'utf8');
        for (const [step, text] of edits(original).entries()) {
          writeFileSync(join(dir.path, path), text);
          cache.contentChanged([path]);
          const again = await run(true);
          if (cache.lastScan === 'edits') spliced++;
          edited++;
          assert.deepEqual(comparable(again), comparable(await run(false)), `${repository.name}: ${path}, edit ${step + 1}`);
        }
      }
    } finally {
      dir.dispose();
    }
  }
  // Most edits touch only their own file's facts; if none were spliced, this test proved nothing.
  assert.ok(spliced > edited / 3, `${spliced} of ${edited} re-audits spliced the edits`);
});
