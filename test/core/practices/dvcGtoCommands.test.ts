/** DVC pipelines and GTO model registries defined by commands in scripts, Makefiles and CI: positive cases and near misses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceOf } from './detect';

test('a script that adds DVC stages (or uses the older `dvc run`) defines a pipeline', async () => {
  const script = [
    '#!/bin/bash',
    'set -eu',
    'dvc stage add -n prepare -d src/prepare.py -o data/prepared python src/prepare.py',
    'dvc stage add -n train \\',
    '  -d data/prepared -o model.pkl python src/train.py',
    'dvc repro',
  ].join('\n');
  assert.deepEqual(await evidenceOf('pipeline-definition', { 'generate.sh': script }), ['dvc-stages-by-command']);
  assert.deepEqual(await evidenceOf('pipeline-definition', { Makefile: 'pipeline:\n\tdvc run -n featurize -d data -o features python featurize.py\n' }), ['dvc-stages-by-command']);
});

test('near miss: running, echoing, commenting or documenting DVC commands defines no pipeline', async () => {
  const tree = {
    'run.sh': ['dvc exp run --set-param train.lr=0.1', 'dvc repro', '# dvc stage add -n train python train.py', 'echo "dvc stage add -n train python train.py"'].join('\n'),
    'README.md': 'Create the stages with `dvc stage add -n train python train.py`.\n',
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), []);
});

test('GTO registrations and promotions in a script or in CI, and a .gto config, are a model registry', async () => {
  const script = 'gto register churn-model --version v1.0.0\ngto assign churn-model --version v1.0.0 --stage prod\n';
  assert.deepEqual(await evidenceOf('model-registry', { 'scripts/release.sh': script }), ['gto-registry-commands']);
  const workflow = 'on: push\njobs:\n  promote:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gto assign model --stage dev\n';
  assert.deepEqual(await evidenceOf('model-registry', { '.github/workflows/promote.yml': workflow }), ['gto-registry-in-ci']);
  assert.deepEqual(await evidenceOf('model-registry', { '.gto': 'types: [model]\nstages: [dev, prod]\n' }), ['gto-config']);
});

test('near miss: GTO only shown, commented out, or listing the registry is no registration', async () => {
  const tree = {
    'show.sh': 'gto show\ngto history churn-model\n# gto register churn-model\nprintf "gto assign churn-model --stage prod\\n"\n',
    'docs/registry.md': 'Register with `gto register churn-model`.\n',
  };
  assert.deepEqual(await evidenceOf('model-registry', tree), []);
});
