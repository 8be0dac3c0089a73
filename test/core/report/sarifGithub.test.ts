/**
 * SARIF that GitHub code scanning accepts: Microsoft's SARIF Multitool with its GitHub
 * rules (`validate --rule-kind "Gh;Sarif"`), run on the bundled CLI's output for every
 * fixture repository and the sample. The Multitool is a devDependency (a self-contained
 * .NET binary, run directly); a machine without it fails here loudly rather than passing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, REPO_ROOT, tempDir } from '../../helpers/paths';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function multitool(): string {
  // The package's own entry resolves the platform package's binary.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@microsoft/sarif-multitool') as string;
}

test('the SARIF Multitool\'s GitHub rules accept the SARIF of every fixture repository and the sample', () => {
  const binary = multitool();
  assert.ok(existsSync(binary), `the SARIF Multitool is missing at ${binary}: run npm ci (devDependency @microsoft/sarif-multitool)`);
  const dir = tempDir();
  try {
    const repos = [
      ...readdirSync(join(FIXTURES, 'repos')).map((name) => join(FIXTURES, 'repos', name)),
      join(REPO_ROOT, 'examples', 'churn-prediction'),
    ];
    const logs = repos.map((repo, i) => {
      const out = join(dir.path, `${i}.sarif`);
      const run = spawnSync(process.execPath, [CLI, repo, '--format', 'sarif', '--output', out, '--category', `fixture-${i}`], { encoding: 'utf8' });
      assert.ok(run.status === 0 || run.status === 1, `${repo}: ${run.stderr}`);
      return out;
    });
    const report = join(dir.path, 'validation.sarif');
    const validation = spawnSync(binary, ['validate', ...logs, '--rule-kind', 'Gh;Sarif', '--output', report], {
      encoding: 'utf8',
      // No ICU needed: the validator's messages are English.
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      timeout: 180_000,
    });
    assert.equal(validation.status, 0, `the Multitool did not run: ${validation.stderr || validation.stdout}`);
    const results = (JSON.parse(readFileSync(report, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string } }[] }[] })
      .runs.flatMap((r) => r.results ?? []);
    const problems = results.filter((r) => r.level === 'error' || r.level === 'warning').map((r) => `${r.ruleId}: ${r.message.text ?? ''}`);
    console.log(`SARIF MULTITOOL (GitHub rules): ${logs.length} logs validated, ${problems.length} errors or warnings`);
    assert.deepEqual(problems, []);
  } finally {
    dir.dispose();
  }
});
