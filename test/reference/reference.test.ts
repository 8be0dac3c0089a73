/** The repository's copies of the shared reference files are the files the team shares. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR, REFERENCE_FILES, SHARED_DIR } from '../helpers/paths';

test('test/reference holds the shared reference files, identical to ../shared where it exists', (t) => {
  for (const name of REFERENCE_FILES) assert.ok(existsSync(join(REFERENCE_DIR, name)), `test/reference/${name} is missing`);
  if (!existsSync(SHARED_DIR)) {
    console.warn(`\n*** ${SHARED_DIR} IS ABSENT: test/reference was NOT compared with the shared originals ***\n`);
    t.skip('../shared is absent: the copies were not compared');
    return;
  }
  for (const name of REFERENCE_FILES) {
    const original = join(SHARED_DIR, name);
    if (!existsSync(original)) continue;
    assert.equal(readFileSync(join(REFERENCE_DIR, name), 'utf8'), readFileSync(original, 'utf8'), `test/reference/${name} differs from ../shared/${name}: copy it over`);
  }
});
