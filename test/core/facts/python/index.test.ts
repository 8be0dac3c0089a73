import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonExtractors } from '../../../../src/core/facts/python';

describe('pythonExtractors', () => {
  it('lists every Python-side extractor once', () => {
    assert.deepEqual(pythonExtractors.map((e) => e.id), [
      'requirements-txt', 'pyproject', 'setup-py', 'pipfile', 'conda-env', 'python-source', 'notebook',
    ]);
  });
});
