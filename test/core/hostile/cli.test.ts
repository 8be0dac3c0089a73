/**
 * Hostile repositories that need the CLI bundle as a user runs it (a child process, so a
 * hang is cut off by a time limit instead of blocking the test runner): a `.git` folder
 * whose configuration and hooks would run commands, and `.mlops-lens.yaml` files with
 * catastrophic-backtracking patterns. The same repositories are audited through the core.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataError } from '../../../src/core/knowledge/errors';
import { auditFolder } from '../../helpers/auditFixture';
import { REPO_ROOT, tempDir } from '../../helpers/paths';
import { checkReport, type HostileExpected } from './harness';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function cli(args: string[], timeoutMs = 60_000) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

function put(root: string, path: string, content: string, mode?: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  if (mode !== undefined) chmodSync(full, mode);
}

/** A custom practice with one `content` rule using `pattern`, as in the README's example. */
function configWithPattern(pattern: string): string {
  return [
    'practices:',
    '  - id: team-runbook',
    '    title: On-call runbook',
    '    dimension: governance',
    '    level: 3',
    '    why: The on-call engineer needs to know how to roll back a model.',
    '    evidence: [{ref: mlops-principles-2024#restore-previous-state, supports: need}]',
    '    benefits: [rollback]',
    '    effort: low',
    '    detect:',
    '      - id: runbook',
    '        kind: content',
    '        files: ["**/*.txt"]',
    `        pattern: '${pattern}'`,
    '    remediation:',
    '      firstStep: Write RUNBOOK.md with the rollback steps.',
    '      path: Rehearse a rollback once a quarter.',
    '',
  ].join('\n');
}

test('the CLI bundle is built', () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run the build first (npm test does)`);
});

test('hostile git-config-exec (generated): a .git whose config, aliases, filters and hooks would run commands is never executed', { timeout: 120_000 }, async () => {
  const dir = tempDir('mlops-lens-hostile-');
  try {
    const root = join(dir.path, 'repo');
    const marker = join(dir.path, 'PWNED');
    const touch = `touch ${marker}`;
    put(root, '.git/HEAD', 'ref: refs/heads/main\n');
    put(root, '.git/config', [
      '[core]',
      `\tfsmonitor = ${touch}`,
      `\tpager = ${touch}`,
      `\teditor = ${touch}`,
      `\tsshCommand = ${touch}`,
      '\thooksPath = .githooks',
      '[alias]',
      `\tstatus = !${touch}`,
      `\tlog = !${touch}`,
      '[diff "evil"]',
      `\ttextconv = ${touch}`,
      '[filter "evil"]',
      `\tprocess = ${touch}`,
      `\tsmudge = ${touch}`,
      `\tclean = ${touch}`,
      '[credential]',
      `\thelper = !${touch}`,
      '',
    ].join('\n'));
    for (const hook of ['post-checkout', 'pre-commit', 'post-merge', 'fsmonitor-watchman', 'pre-push']) {
      put(root, `.git/hooks/${hook}`, `#!/bin/sh\n${touch}\n`, 0o755);
      put(root, `.githooks/${hook}`, `#!/bin/sh\n${touch}\n`, 0o755);
    }
    put(root, '.gitattributes', '* filter=evil diff=evil\n');
    put(root, 'train.py', 'import mlflow\nmlflow.log_metric("a", 1)\n');

    const expected: HostileExpected = {
      description: 'git-config-exec',
      warnings: [],
      present: ['vcs', 'experiment-tracking'],
      mustNotExist: [marker],
    };
    const report = await auditFolder(root, 'repo');
    checkReport(report, expected, 0);

    for (const format of ['json', 'text', 'sarif']) {
      const result = cli([root, '--format', format]);
      assert.equal(result.code, 0, `--format ${format}: ${result.stderr}`);
      assert.ok(!existsSync(marker), `--format ${format}: nothing in .git may run`);
      if (format === 'json') {
        const json = JSON.parse(result.stdout) as { practices: { id: string; status: string }[] };
        assert.equal(json.practices.find((p) => p.id === 'vcs')?.status, 'present');
      }
    }
  } finally {
    dir.dispose();
  }
});

test('hostile config-catastrophic-pattern (generated): `(a+)+$` in .mlops-lens.yaml is refused with file:line:column and the field', { timeout: 60_000 }, async () => {
  const dir = tempDir('mlops-lens-hostile-');
  try {
    put(dir.path, '.mlops-lens.yaml', configWithPattern('(a+)+$'));
    put(dir.path, 'notes.txt', `${'a'.repeat(50_000)}b\n`);
    const result = cli([dir.path]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /\.mlops-lens\.yaml:14:\d+: practices\[0\]\.detect\[0\]\.pattern: .*\(a\+\)\+/);
    assert.equal(result.stdout, '');
    // The core refuses it the same way (the editor shows the message instead of auditing).
    await assert.rejects(auditFolder(dir.path, 'repo'), (err: unknown) => {
      assert.ok(err instanceof DataError);
      assert.match(err.message, /\.mlops-lens\.yaml:14:\d+: practices\[0\]\.detect\[0\]\.pattern/);
      return true;
    });
  } finally {
    dir.dispose();
  }
});

test('hostile config-overlap-pattern (generated): `(a|aa)+$` against a 50,000-character line of a\'s ending in b completes in < 5 s', { timeout: 60_000 }, async () => {
  const dir = tempDir('mlops-lens-hostile-');
  try {
    put(dir.path, '.mlops-lens.yaml', configWithPattern('(a|aa)+$'));
    // The long line is cut to the first 2,000 characters before matching; the second line
    // fits within the cut, so a backtracking engine would take exponential time on it.
    put(dir.path, 'notes.txt', `${'a'.repeat(50_000)}b\n${'a'.repeat(1_990)}b\n`);
    put(dir.path, 'other.txt', `${'a'.repeat(1_990)}b\n`);
    const result = cli([dir.path, '--format', 'json'], 30_000);
    assert.notEqual(result.signal, 'SIGTERM', `the CLI was still running after 30 s: catastrophic backtracking (${Math.round(result.ms)} ms)`);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.ms < 5_000, `the audit took ${Math.round(result.ms)} ms`);
    const json = JSON.parse(result.stdout) as { practices: { id: string; status: string; signals: { path: string }[] }[] };
    const runbook = json.practices.find((p) => p.id === 'team-runbook');
    assert.ok(runbook, 'the custom practice is assessed');
    assert.ok(!runbook.signals.some((s) => s.path === 'other.txt'), 'a line of a\'s ending in b does not match');

    // Through the core in this process too: the linear-time engine must make it quick.
    const started = performance.now();
    const report = await auditFolder(dir.path, 'repo');
    assert.ok(performance.now() - started < 5_000);
    checkReport(report, { description: 'config-overlap-pattern', warnings: [] }, 0);
  } finally {
    dir.dispose();
  }
});
