/**
 * The hostile repositories built at test time (./generated.ts): each audit completes, its
 * report is schema-valid, the scan warnings are exactly the expected ones, and no output
 * format lets the repository's strings through as markup, links or terminal controls.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/paths';
import { GENERATED_CASES } from './generated';
import { auditTimed, checkReport } from './harness';

for (const hostile of GENERATED_CASES) {
  const skip = hostile.skip?.();
  test(`hostile ${hostile.name} (generated): ${hostile.expected.description}`, { timeout: 90_000, skip }, async () => {
    const dir = tempDir('mlops-lens-hostile-');
    try {
      const root = join(dir.path, 'repo');
      const outside = join(dir.path, 'outside');
      mkdirSync(root);
      mkdirSync(outside);
      hostile.build(root, outside);
      const { report, ms } = await auditTimed(root, hostile.wrapHost);
      checkReport(report, hostile.expected, ms);
    } finally {
      dir.dispose();
    }
  });
}

test('generated case names are unique', () => {
  const names = GENERATED_CASES.map((c) => c.name);
  assert.equal(new Set(names).size, names.length);
});
