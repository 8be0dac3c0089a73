import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ownPackages } from '../../../src/core/facts/ownPackages';

const files = (...paths: string[]) => paths.map((path) => ({ path }));

test('own packages are the outermost folders with an __init__.py', () => {
  assert.deepEqual(ownPackages(files(
    'src/evidently/__init__.py', 'src/evidently/metrics/__init__.py', 'src/evidently/metrics/drift.py',
    'tools/__init__.py', 'tests/test_x.py', '__init__.py', 'setup.py',
  )), ['evidently', 'tools']);
  assert.deepEqual(ownPackages(files('train.py', 'notebooks/eda.ipynb')), []);
});

test('a package folder is own only where Python imports it from: the root, src/, or a sub-project root', () => {
  assert.deepEqual(ownPackages(files(
    'integrations/fastapi/__init__.py', 'integrations/fastapi/scripts/main.py',
    'services/tracker/pyproject.toml', 'services/tracker/tracker/__init__.py',
    'apps/api/src/api_core/__init__.py',
  )), ['api_core', 'tracker']);
});
