/** test/fixtures/hostile/README.md lists every hostile case, static and generated. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../helpers/paths';
import { GENERATED_CASES } from './generated';

/** The cases in cli.test.ts (named in their test titles). */
const CLI_CASES = ['git-config-exec', 'config-catastrophic-pattern', 'config-overlap-pattern'];

test('the hostile README lists every case', () => {
  const dir = join(FIXTURES, 'hostile');
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const statics = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const all = [...statics, ...GENERATED_CASES.map((c) => c.name), ...CLI_CASES];
  for (const name of all) assert.ok(readme.includes(`| \`${name}\` |`), `README.md has a row for ${name}`);
  assert.ok(all.length >= 30, `at least 30 cases (${all.length})`);
  const rows = readme.match(/^\| `[a-z0-9-]+` \|/gm) ?? [];
  assert.equal(rows.length, all.length, 'no README row for a case that does not exist');
});
