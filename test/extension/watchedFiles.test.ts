/** The editor re-audits when a file the audit reads changes, including the files CI steps are followed into. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allExtractors } from '../../src/core/facts';
import { watchedNames } from '../../src/extension/watchedFiles';
import { knowledge } from '../helpers/auditFixture';

test('watched: the files rules and extractors read, the config, ignore files, and what CI steps are followed into', () => {
  const names = watchedNames(knowledge(), allExtractors);
  for (const name of ['*.yml', 'dvc.yaml', 'requirements*.txt', '.mlops-lens.yaml', '.gitignore', 'Makefile', 'tox.ini', 'noxfile.py', '*.sh']) {
    assert.ok(names.includes(name), `${name} is watched`);
  }
  assert.ok(!names.includes('**') && !names.includes('*'), 'never every file');
});
