/** Collections of separate projects are judged by their most mature project, through the real pipeline. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { auditFolder } from '../../helpers/auditFixture';
import { tempDir } from '../../helpers/paths';

const PIPELINE = 'stages:\n  train:\n    cmd: python train.py\n    deps: [train.py]\n    outs: [model.pkl]\n';
const TRACKING = 'import mlflow\n\nwith mlflow.start_run():\n    mlflow.log_metric("acc", 0.9)\n    mlflow.sklearn.log_model(model, "model", registered_model_name="churn")\n';
const TESTS_AND_DEPLOY = 'on: [push]\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n      - run: kubectl apply -f k8s/\n';

async function levelOf(files: Record<string, string>) {
  const dir = tempDir();
  try {
    mkdirSync(join(dir.path, '.git'));
    writeFileSync(join(dir.path, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir.path, path)), { recursive: true });
      writeFileSync(join(dir.path, path), text);
    }
    return (await auditFolder(dir.path, 'course')).level;
  } finally {
    dir.dispose();
  }
}

// A course: one module has a tracked pipeline that registers its model, another CI that tests and deploys, a third a notebook.
const COURSE = {
  'README.md': '# A course in three modules\n',
  'module-1/requirements.txt': 'pandas\n',
  'module-1/explore.ipynb': '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
  'module-2/requirements.txt': 'mlflow\n',
  'module-2/dvc.yaml': PIPELINE,
  'module-2/train.py': TRACKING,
  'module-3/requirements.txt': 'fastapi\n',
  'module-3/tests/test_app.py': 'def test_ok():\n    assert 1 + 1 == 2\n',
  '.github/workflows/ci.yml': TESTS_AND_DEPLOY,
};

test('a collection is as mature as its most mature project: capabilities of different modules do not add up', async () => {
  const level = await levelOf(COURSE);
  assert.equal(level.current, 2, level.decidedBy);
  assert.deepEqual(level.collection, { folder: 'module-2', folders: 3 });
  assert.match(level.decidedBy, /^A collection of 3 top-level folders, judged by its most mature one, module-2\/: Level 2 \(Reproducible pipelines\)/);
});

test('the same files as one project (a root manifest) combine into level 3', async () => {
  const level = await levelOf({ ...COURSE, 'requirements.txt': 'mlflow==2.12.1\n' });
  assert.equal(level.current, 3, level.decidedBy);
  assert.equal(level.collection, undefined);
});

test('two project folders are not yet a collection (a one-system monorepo with components is more common)', async () => {
  const { 'module-3/requirements.txt': _dropped, ...twoProjects } = COURSE;
  const level = await levelOf(twoProjects);
  assert.equal(level.collection, undefined);
  assert.equal(level.current, 3, level.decidedBy);
});

test('.mlops-lens.yaml overrides the recognition either way', async () => {
  const single = await levelOf({ ...COURSE, '.mlops-lens.yaml': 'collection: false\n' });
  assert.equal(single.current, 3);
  assert.equal(single.collection, undefined);
  const forced = await levelOf({ ...COURSE, 'requirements.txt': 'mlflow==2.12.1\n', '.mlops-lens.yaml': 'collection: true\n' });
  assert.deepEqual(forced.collection, { folder: 'module-2', folders: 3 });
  assert.equal(forced.current, 2);
});
