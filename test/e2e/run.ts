/**
 * Runner of the real-editor specs: every `*.e2e.js` next to this file (out/test/e2e),
 * one file at a time, with `node --test`. Arguments filter the files by substring:
 *   node out/test/e2e/run.js            # all
 *   node out/test/e2e/run.js smoke      # only files whose name contains "smoke"
 *
 * When code-server/Chromium are missing it prints "E2E NOT RUN: <reason>" and exits
 * 0 locally, but exits 1 when CI=true (or E2E_REQUIRED=1): CI must run them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { e2eAvailable } from './harness';

const required = process.env.CI === 'true' || process.env.CI === '1' || process.env.E2E_REQUIRED === '1';
const reason = e2eAvailable();
if (reason) {
  const bar = '!'.repeat(78);
  console.error(`${bar}\nE2E NOT RUN: ${reason}${required ? "\n(CI=true or E2E_REQUIRED=1: this is a failure)" : ""}\n${bar}`);
  process.exit(required ? 1 : 0);
}

const filters = process.argv.slice(2);
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.e2e.js'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()
  .map((f) => join(__dirname, f));
if (files.length === 0) {
  console.error(`E2E: no *.e2e.js in ${__dirname}${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
  process.exit(1);
}

const started = Date.now();
const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
  { stdio: 'inherit' },
);
console.log(`E2E: ${files.length} file(s) in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-artifacts/e2e/`);
process.exit(result.status ?? 1);
