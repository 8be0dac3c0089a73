import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globMatcher, PathIndex } from '../../../src/core/scan/globs';

const PATHS = [
  'Dockerfile', 'deploy/Dockerfile.gpu', 'deploy/api.dockerfile', 'src/train.py', 'src/Train.PY',
  '.github/workflows/ci.yml', 'data/raw.csv.dvc', 'docs/README.md', 'Containerfile',
];

test('indexed lookups give exactly what testing every glob against every path gives', () => {
  const index = new PathIndex(PATHS);
  for (const globs of [
    ['**/Dockerfile', '**/Dockerfile.*', '**/*.dockerfile'],
    ['**/*.py'],
    ['**/*.dvc', '.github/workflows/*.yml'],
    ['**/containerfile'],
    ['src/**'],
  ]) {
    const match = globMatcher(globs);
    assert.deepEqual(index.matching(globs), PATHS.filter((p) => match(p)), globs.join(' '));
  }
});
