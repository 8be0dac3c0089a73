/**
 * A published library (its root declares a distribution and its CI publishes it): its
 * examples/ and docs/ are not the team's practice, and its package source and tests,
 * which implement and test features for users, are not evidence of ML practices; its
 * development practices (tests, CI) still count. An installable package nothing publishes
 * loses only its examples, docs and tutorials.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditFiles, signalPaths, statusOf } from './scopeAudit';

const PUBLISH = [
  'on:',
  '  push:',
  '    tags: ["v*"]',
  'jobs:',
  '  release:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: python -m build',
  '      - run: twine upload dist/*',
  '',
].join('\n');
const TESTS = 'on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n';

/** A tiny tracker library: its package wraps mlflow for users, its example seeds a training run. */
const library: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "tinytrack"\nversion = "0.1.0"\n',
  '.github/workflows/release.yml': PUBLISH,
  '.github/workflows/tests.yml': TESTS,
  'src/tinytrack/__init__.py': '',
  'src/tinytrack/integrations/mlflow.py': 'import mlflow\n\ndef forward(value):\n    mlflow.log_metric("value", value)\n',
  'tests/test_forward.py': 'import mlflow\nfrom tinytrack.integrations.mlflow import forward\n\ndef test_forward():\n    mlflow.start_run()\n    assert forward(1) is None\n',
  'examples/train.py': 'import numpy as np\nimport mlflow\nnp.random.seed(0)\nmlflow.log_metric("acc", 0.9)\n',
  'docs-site/quickstart.py': 'import random\nrandom.seed(1)\n',
};

test('a published library: examples/ not counted, package source and tests not evidence of tracking', async () => {
  const report = await auditFiles(library);
  assert.equal(statusOf(report, 'experiment-tracking'), 'absent');
  assert.equal(statusOf(report, 'random-seeds'), 'absent', 'seeds are only in examples/ and docs-site/');
  assert.equal(statusOf(report, 'unit-tests'), 'present', 'its own tests still count');
  assert.equal(statusOf(report, 'ci'), 'present');
  const note = report.scope.find((n) => n.kind === 'library');
  assert.ok(note, 'a library scope note');
  assert.match(note.message, /pyproject\.toml declares 'tinytrack'/);
  assert.match(note.message, /release\.yml:\d+ \(twine upload dist\/\*\)/);
  assert.deepEqual(note.paths, ['src/tinytrack', 'tests']);
  assert.deepEqual(note.excluded, ['docs-site/', 'examples/']);
  assert.ok(note.practices.includes('experiment-tracking'));
  assert.ok(!note.practices.includes('unit-tests'));
});

test('a training script of the library team at the root still counts', async () => {
  const report = await auditFiles({ ...library, 'train.py': 'import mlflow\nmlflow.log_metric("acc", 0.9)\n' });
  assert.deepEqual(signalPaths(report, 'experiment-tracking'), ['train.py']);
});

test('without a publishing step it is an installable package: examples/ and docs not counted, its source counts', async () => {
  const { '.github/workflows/release.yml': _release, ...files } = library;
  const report = await auditFiles(files);
  assert.equal(statusOf(report, 'random-seeds'), 'absent', 'seeds are only in examples/ and docs-site/');
  assert.deepEqual(signalPaths(report, 'experiment-tracking'), ['src/tinytrack/integrations/mlflow.py', 'tests/test_forward.py'], 'not a published library: its source is evidence');
  assert.equal(report.scope.length, 1);
  const [note] = report.scope;
  assert.equal(note.kind, 'library');
  assert.match(note.message, /^installable package \(pyproject\.toml declares 'tinytrack', package src\/tinytrack\/; not published/);
  assert.deepEqual(note.excluded, ['docs-site/', 'examples/']);
  assert.deepEqual(note.practices, []);
});

test('an installable package declared in setup.py by name, with its package at the root', async () => {
  const report = await auditFiles({
    'setup.py': 'from setuptools import setup, find_packages\nsetup(\n    name="tiny-serve",\n    packages=find_packages(),\n)\n',
    'tiny_serve/__init__.py': '',
    'examples/iris/handler.py': 'from ts.torch_handler.base_handler import BaseHandler\n',
    'examples/iris/MLproject': 'name: iris\nentry_points:\n  main:\n    command: python train.py\n',
  });
  assert.equal(statusOf(report, 'model-serving'), 'absent');
  assert.equal(statusOf(report, 'pipeline-definition'), 'absent');
  assert.match(report.scope[0]?.message ?? '', /setup\.py declares 'tiny-serve', package tiny_serve\//);
});

test('near miss: a project that names itself in pyproject.toml without that package keeps its examples', async () => {
  const report = await auditFiles({
    'pyproject.toml': '[project]\nname = "churn-service"\n',
    'app/__init__.py': '',
    'examples/train.py': 'import numpy as np\nnp.random.seed(0)\n',
  });
  assert.deepEqual(report.scope, []);
  assert.equal(statusOf(report, 'random-seeds'), 'present');
});

test('near miss: an installable research package keeps its notebooks and benchmarks', async () => {
  const report = await auditFiles({
    'pyproject.toml': '[project]\nname = "tinymodel"\n',
    'src/tinymodel/__init__.py': '',
    'notebooks/train.py': 'import torch\ntorch.manual_seed(0)\n',
    'benchmarks/eval.py': 'import mlflow\nmlflow.log_metric("acc", 0.9)\n',
    'docs/tutorial.py': 'import wandb\nwandb.log({"acc": 0.9})\n',
  });
  assert.equal(statusOf(report, 'random-seeds'), 'present');
  assert.deepEqual(signalPaths(report, 'experiment-tracking'), ['benchmarks/eval.py']);
});

test('near miss: CI that publishes a package from a sub-folder, with no distribution at the root', async () => {
  const { 'pyproject.toml': _root, ...files } = library;
  const report = await auditFiles({ ...files, 'packages/helpers/pyproject.toml': '[project]\nname = "helpers"\n' });
  assert.deepEqual(report.scope, []);
});

test('near miss: twine named in a README or a comment is no publishing step', async () => {
  const { '.github/workflows/release.yml': _release, ...files } = library;
  const report = await auditFiles({
    ...files,
    'README.md': 'Release with `twine upload dist/*`.\n',
    '.github/workflows/build.yml': 'on: [push]\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          # twine upload dist/* is done by hand\n          python -m build\n',
  });
  assert.deepEqual(report.scope.map((n) => n.message.split(' (')[0]), ['installable package']);
  assert.equal(statusOf(report, 'experiment-tracking'), 'present');
});

test('the publishing action and setup.cfg metadata are recognised too', async () => {
  const { 'pyproject.toml': _p, '.github/workflows/release.yml': _r, ...files } = library;
  const report = await auditFiles({
    ...files,
    'setup.cfg': '[metadata]\nname = tinytrack\nversion = 0.1\n',
    '.github/workflows/publish.yml': 'on: [release]\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n',
  });
  assert.match(report.scope[0]?.message ?? '', /setup\.cfg declares 'tinytrack'.*uses pypa\/gh-action-pypi-publish/);
});

test('the configuration can declare a library, or deny one', async () => {
  const { '.github/workflows/release.yml': _release, ...files } = library;
  const declared = await auditFiles(files, 'scope:\n  library: always\n');
  assert.equal(declared.scope[0]?.kind, 'library');
  assert.equal(statusOf(declared, 'random-seeds'), 'absent');
  const denied = await auditFiles(library, 'scope:\n  library: never\n');
  assert.deepEqual(denied.scope, []);
});

test('a library uploaded from a Makefile target is a published library too', async () => {
  const { '.github/workflows/release.yml': _release, ...files } = library;
  const report = await auditFiles({ ...files, Makefile: 'build:\n\tpython -m build\n\nrelease: build\n\ttwine upload dist/*\n' });
  assert.match(report.scope[0]?.message ?? '', /Makefile:5 \(twine upload dist\/\*\) publishes it/);
});

test('near miss: a Makefile upload in an application that declares no distribution', async () => {
  const { '.github/workflows/release.yml': _release, 'pyproject.toml': _p, ...files } = library;
  const report = await auditFiles({ ...files, Makefile: 'release:\n\ttwine upload dist/*\n' });
  assert.deepEqual(report.scope, []);
});
