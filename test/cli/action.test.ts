/**
 * The GitHub Action (action.yml) as a runner executes it: its audit step's script run with
 * the environment a runner gives it. It must write the job summary, annotations, SARIF and
 * the outputs, and fail the step below fail-under.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/paths';

interface Step { id?: string; run: string; env?: Record<string, string> }
const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] }; inputs: Record<string, { default: string }> };

function runAudit(inputs: Record<string, string>, prepare?: (repo: string) => void) {
  const work = tempDir();
  cpSync(join(FIXTURES, 'repos', 'level-2-pipelines'), join(work.path, 'repo'), { recursive: true });
  // The checkout a runner makes: a git repository (fixtures cannot hold a .git folder).
  if (prepare) prepare(join(work.path, 'repo'));
  else mkdirSync(join(work.path, 'repo', '.git'));
  const summary = join(work.path, 'summary.md');
  const output = join(work.path, 'output.txt');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const step = action.runs.steps.find((s) => s.id === 'audit')!;
  const value = (name: string) => inputs[name] ?? action.inputs[name].default;
  const env = {
    PATH: process.env.PATH ?? '', RUNNER_TEMP: work.path, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output,
    LENS_CLI: join(REPO_ROOT, 'dist', 'cli.js'), LENS_PATH: 'repo', LENS_STAGE: value('stage'), LENS_CONFIG: value('config'),
    LENS_FAIL_UNDER: value('fail-under'), LENS_CATEGORY: value('category'), LENS_SARIF: value('sarif'),
    LENS_FORMATS: value('formats'), LENS_BASELINE: value('baseline'), LENS_BASELINE_REF: value('baseline-ref'), LENS_FAIL_ON_REGRESSION: value('fail-on-regression'),
    HOME: work.path, GIT_CONFIG_NOSYSTEM: '1',
  };
  // Every input reaches the script through the environment the step declares.
  assert.deepEqual(Object.keys(step.env ?? {}).sort(), Object.keys(env).filter((k) => k.startsWith('LENS_')).sort());
  const run = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', step.run], { cwd: work.path, env, encoding: 'utf8' });
  return { work, run, summary: readFileSync(summary, 'utf8'), output: readFileSync(output, 'utf8') };
}

test('the action writes the job summary, annotations, SARIF and its outputs', () => {
  assert.equal(action.runs.using, 'composite');
  const { work, run, summary, output } = runAudit({});
  try {
    assert.equal(run.status, 0, run.stderr);
    assert.match(summary, /^## MLOps Lens: repo/);
    assert.match(output, /^level=2$/m);
    assert.match(output, /^target=\d$/m);
    assert.match(run.stdout, /^::(warning|notice) file=[^,]+(,line=\d+)?,title=MLOps/m, 'annotations for the runner');
    const sarif = JSON.parse(readFileSync(join(work.path, 'mlops-lens.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].automationDetails.id, 'mlops-lens/');
  } finally {
    work.dispose();
  }
});

test('the action writes more reports when asked (formats)', () => {
  const { work, run } = runAudit({ formats: 'json, codequality' });
  try {
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(readFileSync(join(work.path, 'mlops-lens-report.json'), 'utf8')).level.current, 2);
    assert.ok(Array.isArray(JSON.parse(readFileSync(join(work.path, 'mlops-lens-report.codequality'), 'utf8'))));
  } finally {
    work.dispose();
  }
});

test('the action fails the step below fail-under, and still writes the summary', () => {
  const { work, run, summary } = runAudit({ 'fail-under': '3' });
  try {
    assert.equal(run.status, 1);
    assert.match(run.stderr, /level 2 is below --fail-under 3/);
    assert.match(summary, /^## MLOps Lens: /);
  } finally {
    work.dispose();
  }
});

test('on a pull request: the base ref is audited as the baseline, and a regression fails the step', () => {
  const git = (repo: string, ...args: string[]) => {
    const r = spawnSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: repo } });
    assert.equal(r.status, 0, r.stderr);
  };
  const { work, run, summary } = runAudit({ 'baseline-ref': 'HEAD', 'fail-on-regression': 'true' }, (repo) => {
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    // The change under review removes the pipeline.
    rmSync(join(repo, 'dvc.yaml'));
  });
  try {
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /regression: the level dropped from 2 to 1/);
    assert.match(summary, /### Since the baseline\n\nLevel 2 → 1/);
  } finally {
    work.dispose();
  }
});
