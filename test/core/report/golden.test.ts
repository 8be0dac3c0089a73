/**
 * Golden files: every output format for real fixture audits, byte for byte. After an
 * intended change, regenerate with `UPDATE_GOLDEN=1 npm test` and review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReport, type ReportFormat } from '../../../src/core/report';
import { auditFixture } from '../../helpers/auditFixture';
import { REPO_ROOT } from '../../helpers/paths';

const GOLDEN = join(REPO_ROOT, 'test', 'golden');
const CASES: { fixture: string; git: boolean }[] = [
  { fixture: 'level-3-delivery', git: true },
  { fixture: 'level-0-notebooks', git: false },
];
const OUTPUTS: { format: ReportFormat; color?: boolean; ext: string }[] = [
  { format: 'text', ext: 'txt' },
  { format: 'text', color: true, ext: 'ansi.txt' },
  { format: 'json', ext: 'json' },
  { format: 'markdown', ext: 'md' },
  { format: 'html', ext: 'html' },
  { format: 'sarif', ext: 'sarif' },
];

for (const { fixture, git } of CASES) {
  test(`golden outputs for ${fixture}`, async () => {
    const report = await auditFixture(fixture, { git });
    for (const { format, color, ext } of OUTPUTS) {
      const actual = renderReport(report, format, { color: color ?? false });
      const file = join(GOLDEN, `${fixture}.${ext}`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
      assert.ok(existsSync(file), `${file} is missing; run UPDATE_GOLDEN=1 npm test to create it`);
      assert.equal(actual, readFileSync(file, 'utf8'), `${format}${color ? ' (colour)' : ''} output differs from ${file}`);
    }
  });
}
