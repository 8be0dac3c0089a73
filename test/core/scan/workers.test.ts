/** Reading in worker threads gives the same report as reading on one thread. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../../src/core/audit';
import { EMPTY_CONFIG } from '../../../src/core/config/config';
import { createNodeFileHost } from '../../../src/core/host/nodeFileHost';
import { PARALLEL_MIN_JOBS, workerScript } from '../../../src/core/scan/workerPool';
import { knowledge, TEST_TOOL } from '../../helpers/auditFixture';
import { tempDir } from '../../helpers/paths';

/** A tree over the parallel threshold: scripts, notebooks, workflows, DVC stages, a broken YAML file. */
function writeTree(root: string): void {
  const files = PARALLEL_MIN_JOBS + 500;
  for (let i = 0; i < files; i++) {
    const dir = join(root, `pkg${i % 23}`);
    mkdirSync(dir, { recursive: true });
    if (i % 5 === 0) writeFileSync(join(dir, `nb${i}.ipynb`), JSON.stringify({ cells: [{ cell_type: 'code', source: ['import mlflow\n', `mlflow.log_metric("m", ${i})\n`] }], metadata: { kernelspec: { language: 'python' } } }));
    else if (i % 7 === 0) writeFileSync(join(dir, `params${i}.yaml`), `seed: ${i}\nmodel:\n  depth: 3\n`);
    else writeFileSync(join(dir, `mod${i}.py`), `import numpy as np\nfrom sklearn.linear_model import LogisticRegression\n\nnp.random.seed(${i})\nmodel = LogisticRegression().fit(x, y)\n`);
  }
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n      - run: dvc repro\n');
  writeFileSync(join(root, 'dvc.yaml'), 'stages:\n  train:\n    cmd: python pkg0/mod1.py\n');
  writeFileSync(join(root, '.github', 'workflows', 'broken.yml'), 'on: [push\njobs: {\n');
  writeFileSync(join(root, 'requirements.txt'), 'numpy==1.26.4\nmlflow\n');
}

test('1 worker, 2 workers or none: the same report, facts in the same order', async (t) => {
  if (!workerScript()) {
    t.skip('NOT RUN: the worker script was not built beside the scanner (node esbuild.mjs --tests)');
    return;
  }
  const dir = tempDir();
  try {
    writeTree(dir.path);
    const run = (workers: number) => audit(createNodeFileHost(dir.path), { knowledge: knowledge(), config: EMPTY_CONFIG, rootName: 'r', tool: TEST_TOOL, workers });
    const [inline, one, two] = [await run(0), await run(1), await run(2)];
    assert.ok(inline.stats.filesRead > PARALLEL_MIN_JOBS, 'the tree is large enough for workers');
    assert.deepEqual(one, inline);
    assert.deepEqual(two, inline);
    assert.ok(inline.warnings.some((w) => w.path === '.github/workflows/broken.yml'), 'a parse error found in a worker is reported');
  } finally {
    dir.dispose();
  }
});
