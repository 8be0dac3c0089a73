/** Re-audits read only what changed: the cache keeps unchanged files' results. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../../src/core/audit';
import { EMPTY_CONFIG } from '../../../src/core/config/config';
import { createNodeFileHost } from '../../../src/core/host/nodeFileHost';
import { DEFAULT_LIMITS, ScanCache, scan } from '../../../src/core/scan/scanner';
import { allExtractors } from '../../../src/core/facts';
import { DEFAULT_SCOPE_OPTIONS } from '../../../src/core/scope/options';
import { knowledge, TEST_TOOL } from '../../helpers/auditFixture';
import { tempDir } from '../../helpers/paths';

test('a second audit reads only invalidated files and sees their changes, creations and deletions', async () => {
  const dir = tempDir();
  try {
    mkdirSync(join(dir.path, 'src'));
    writeFileSync(join(dir.path, 'src', 'train.py'), 'import numpy as np\n');
    writeFileSync(join(dir.path, 'src', 'data.py'), 'import pandas as pd\n');
    writeFileSync(join(dir.path, 'requirements.txt'), 'numpy==1.26.4\n');
    const cache = new ScanCache();
    const run = () => audit(createNodeFileHost(dir.path), { knowledge: knowledge(), config: EMPTY_CONFIG, rootName: 'r', tool: TEST_TOOL, cache });
    const status = (r: Awaited<ReturnType<typeof run>>, id: string) => r.practices.find((p) => p.id === id)?.status;

    const first = await run();
    assert.equal(first.stats.filesRead, 3);
    assert.equal(status(first, 'random-seeds'), 'absent');

    writeFileSync(join(dir.path, 'src', 'train.py'), 'import numpy as np\nnp.random.seed(1)\n');
    cache.invalidate(['src/train.py']);
    const second = await run();
    assert.equal(second.stats.filesRead, 1, 'only the changed file is read again');
    assert.equal(status(second, 'random-seeds'), 'present');

    const third = await run();
    assert.equal(third.stats.filesRead, 0, 'nothing changed, nothing read');
    assert.deepEqual(third.practices, second.practices);

    rmSync(join(dir.path, 'src', 'train.py'));
    writeFileSync(join(dir.path, 'Dockerfile'), 'FROM python:3.11-slim\n');
    cache.invalidate(['src/train.py', 'Dockerfile']);
    const fourth = await run();
    assert.equal(fourth.stats.filesRead, 1);
    assert.equal(status(fourth, 'random-seeds'), 'absent', 'the deleted file no longer counts');
    assert.equal(status(fourth, 'containerization'), 'present', 'the created file counts');
  } finally {
    dir.dispose();
  }
});

test('an edit is re-audited without listing the tree again; a created file lists it again', async () => {
  const dir = tempDir();
  try {
    mkdirSync(join(dir.path, 'src'));
    writeFileSync(join(dir.path, 'src', 'train.py'), 'import numpy as np\n');
    const node = createNodeFileHost(dir.path);
    let listed = 0;
    const host = { ...node, readDirectory: (path: string) => { listed++; return node.readDirectory(path); } };
    const cache = new ScanCache();
    const run = () => audit(host, { knowledge: knowledge(), config: EMPTY_CONFIG, rootName: 'r', tool: TEST_TOOL, cache });
    await run();
    const afterFirst = listed;
    assert.ok(afterFirst >= 2, 'the first audit lists the root and src/');

    writeFileSync(join(dir.path, 'src', 'train.py'), 'import numpy as np\nnp.random.seed(1)\n');
    cache.contentChanged(['src/train.py']);
    const edited = await run();
    assert.equal(listed, afterFirst, 'no folder is listed again for an edit');
    assert.equal(edited.stats.filesRead, 1);
    assert.equal(edited.practices.find((p) => p.id === 'random-seeds')?.status, 'present');

    writeFileSync(join(dir.path, 'Dockerfile'), 'FROM python:3.11-slim\n');
    cache.invalidate(['Dockerfile']);
    const created = await run();
    assert.ok(listed > afterFirst, 'a created file means listing again');
    assert.equal(created.practices.find((p) => p.id === 'containerization')?.status, 'present');
  } finally {
    dir.dispose();
  }
});

test('a cache used for other rules (a workspace trusted since, a new custom practice) starts afresh', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'train.py'), 'import mlflow\nmlflow.autolog()\n');
    const cache = new ScanCache();
    const scanFor = (pattern: string) => scan(createNodeFileHost(dir.path), {
      extractors: allExtractors, yamlRules: [], excludes: [], limits: DEFAULT_LIMITS, cache,
      content: [{ files: ['**/*.py'], patterns: [pattern], engine: 'linear' }],
      scope: { rules: knowledge().scope, options: DEFAULT_SCOPE_OPTIONS },
    });
    const first = await scanFor('never_there');
    assert.equal(first.facts.texts.get('train.py')?.first.size ?? 0, 0);
    const second = await scanFor('autolog');
    assert.equal(second.stats.filesRead, 1, 'read again for the new rules');
    assert.equal(second.facts.texts.get('train.py')?.first.get('linear:autolog')?.line, 2);
  } finally {
    dir.dispose();
  }
});
