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
