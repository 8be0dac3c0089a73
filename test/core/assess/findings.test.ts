/** Every check kind through the real pipeline on small repositories written for the test. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StageId } from '../../../src/core/model/knowledge';
import { severityFor } from '../../../src/core/assess/findings';
import { auditFolder } from '../../helpers/auditFixture';
import { tempDir } from '../../helpers/paths';

async function findingsOf(files: Record<string, string>, stage: StageId = 'production') {
  const dir = tempDir();
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir.path, path)), { recursive: true });
      writeFileSync(join(dir.path, path), text);
    }
    const report = await auditFolder(dir.path, 'repo', stage);
    return report.findings.map((f) => `${f.severity} ${f.path}:${f.line ?? '-'} ${f.id}${f.detail ? ` (${f.detail})` : ''}`);
  } finally {
    dir.dispose();
  }
}

test('unpinned base images and requirements are found where they are written', async () => {
  assert.deepEqual(await findingsOf({
    Dockerfile: 'FROM python:latest\nRUN pip install -r requirements.txt\nFROM nginx@sha256:' + 'a'.repeat(64) + '\n',
    'docker/Dockerfile.gpu': 'FROM nvidia/cuda\n',
    'requirements.txt': 'numpy==1.26.4\npandas>=2\n',
  }), [
    'warning Dockerfile:1 containerization/unpinned-base-image (python:latest)',
    'warning docker/Dockerfile.gpu:1 containerization/unpinned-base-image (nvidia/cuda)',
    'warning requirements.txt:2 dependency-pinning/unpinned-requirement (pandas>=2)',
  ]);
});

test('DVC stages without deps or outs, pointing at the stage', async () => {
  assert.deepEqual(await findingsOf({
    'dvc.yaml': 'stages:\n  prepare:\n    cmd: python prepare.py\n    deps: [data/raw]\n    outs: [data/clean]\n  report:\n    cmd: python report.py\n',
  }), [
    'warning dvc.yaml:6 pipeline-definition/dvc-stage-without-deps (report)',
    'warning dvc.yaml:6 pipeline-definition/dvc-stage-without-outs (report)',
  ]);
});

test('an MLproject without an environment', async () => {
  assert.deepEqual(await findingsOf({ MLproject: 'name: churn\nentry_points:\n  main:\n    command: python train.py\n' }), [
    'warning MLproject:1 environment-as-code/mlproject-without-environment',
  ]);
  assert.deepEqual(await findingsOf({ MLproject: 'name: churn\npython_env: python_env.yaml\nentry_points:\n  main:\n    command: python train.py\n' }), []);
});

test('a CI pipeline that runs no tests is reported only while no pipeline runs them', async () => {
  const lint = '.github/workflows/lint.yml';
  const lintFlow = 'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ruff check .\n';
  assert.deepEqual(await findingsOf({ [lint]: lintFlow }), ['warning .github/workflows/lint.yml:- ci-runs-tests/ci-pipeline-without-tests']);
  assert.deepEqual(await findingsOf({
    [lint]: lintFlow,
    '.github/workflows/test.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m pytest\n',
    'tests/test_scale.py': 'def test_scale():\n    assert scale([2]) == [1]\n',
  }), []);
});

test('a training script without a seed, next to one with a seed', async () => {
  assert.deepEqual(await findingsOf({
    'src/train.py': 'import numpy as np\nnp.random.seed(0)\n',
    'src/models/train_lstm.py': 'import torch\nmodel = torch.nn.LSTM(4, 4)\n',
  }), ['warning src/models/train_lstm.py:- random-seeds/training-script-without-seed']);
});

test('a seed set by the project\'s own helper counts; tests and config modules are no training scripts', async () => {
  assert.deepEqual(await findingsOf({
    // The helper seeds; the script only calls it (yolov5's init_seeds, Made-With-ML's set_seeds).
    'utils/general.py': 'import random\nimport numpy as np\n\n\ndef init_seeds(seed=0):\n    random.seed(seed)\n    np.random.seed(seed)\n',
    'train.py': 'import torch\nfrom utils.general import init_seeds\n\ninit_seeds(1)\nmodel = torch.nn.Linear(2, 2)\n',
    'tests/test_train.py': 'import torch\n\n\ndef test_train():\n    assert torch.ones(1).sum() == 1\n',
    'config/train_gpt2.py': 'batch_size = 12\nlearning_rate = 6e-4\n',
    'src/models/train_lstm.py': 'import torch\nmodel = torch.nn.LSTM(4, 4)\n',
  }), ['warning src/models/train_lstm.py:- random-seeds/training-script-without-seed']);
});

test('a CI pipeline that never runs the tests is reported only when it runs commands, not for a bot that only uses an action', async () => {
  assert.deepEqual(await findingsOf({
    '.github/workflows/build.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -e .\n',
    '.github/workflows/stale.yml': 'on:\n  schedule:\n    - cron: "0 0 * * *"\njobs:\n  stale:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/stale@v9\n',
    'src/model.py': 'import sklearn\n',
  }), ['warning .github/workflows/build.yml:- ci-runs-tests/ci-pipeline-without-tests']);
});

test('severity follows the stage: expected level warns, the next informs, beyond only hints', async () => {
  assert.equal(severityFor(2, 2), 'warning');
  assert.equal(severityFor(3, 2), 'info');
  assert.equal(severityFor(4, 2), 'hint');
  const dvc = { 'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n    deps: [train.py]\n' };
  assert.deepEqual(await findingsOf(dvc, 'prototype'), ['info dvc.yaml:2 pipeline-definition/dvc-stage-without-outs (train)']);
});
