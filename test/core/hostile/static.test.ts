/**
 * The committed hostile repositories (test/fixtures/hostile/<case>/, each with an
 * expected.json): every audit completes, its report is schema-valid, the scan warnings
 * are exactly the expected ones, and no output format lets the repository's strings
 * through as markup, links or terminal controls.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FIXTURES, tempDir } from '../../helpers/paths';
import { auditTimed, checkReport, type HostileExpected } from './harness';

export const HOSTILE_FIXTURES = join(FIXTURES, 'hostile');

const cases = readdirSync(HOSTILE_FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

for (const name of cases) {
  const expected = JSON.parse(readFileSync(join(HOSTILE_FIXTURES, name, 'expected.json'), 'utf8')) as HostileExpected;
  test(`hostile ${name}: ${expected.description}`, { timeout: 60_000 }, async () => {
    // A copy outside this repository's git tree, without the expectations file.
    const dir = tempDir('mlops-lens-hostile-');
    try {
      cpSync(join(HOSTILE_FIXTURES, name), dir.path, { recursive: true, filter: (src) => basename(src) !== 'expected.json' });
      // Committed as `_gitignore`: a real .gitignore would hide fixture files from `git add`.
      for (const path of readdirSync(dir.path, { recursive: true, encoding: 'utf8' })) {
        if (basename(path) === '_gitignore') renameSync(join(dir.path, path), join(dir.path, dirname(path), '.gitignore'));
      }
      for (const marker of expected.mustNotExist ?? []) rmSync(marker, { force: true });
      const { report, ms } = await auditTimed(dir.path);
      checkReport(report, expected, ms);
    } finally {
      dir.dispose();
    }
  });
}

test('there are hostile fixtures', () => {
  assert.ok(cases.length > 0);
});
