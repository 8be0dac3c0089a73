/** The CLI end to end: the built bundle as a user runs it, and `run()` for failures a real disk cannot stage. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { createNodeFileHost } from '../../src/core/host/nodeFileHost';
import { run, type CliIo } from '../../src/cli/run';
import { FIXTURES, KNOWLEDGE_DIR, REPO_ROOT, tempDir } from '../helpers/paths';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fixture copied outside this repository's git tree, with a `.git` folder. */
function fixtureCopy(name: string) {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'repos', name), dir.path, { recursive: true });
  mkdirSync(join(dir.path, '.git'));
  return dir;
}

test('the CLI bundle is built', () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run the build first (npm test does)`);
});

test('--help and --version', () => {
  const help = cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: mlops-lens \[path\] \[options\]/);
  assert.match(help.stdout, /--fail-under N/);
  const version = cli(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);
});

test('usage errors exit 2 and say what is wrong', () => {
  for (const [args, message] of [
    [['--format', 'pdf'], /--format must be one of text, json, markdown, sarif, html, github, codequality; got 'pdf'/],
    [['--fail-under', '7'], /--fail-under must be a level from 0 to 4; got '7'/],
    [['--stage', 'beta'], /--stage must be one of prototype, pilot, production; got 'beta'/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['a', 'b'], /expected at most one path/],
    [['/no/such/folder'], /\/no\/such\/folder: no such folder/],
  ] as const) {
    const result = cli([...args]);
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
  }
});

test('text output on a pipe has no colour; FORCE_COLOR adds it; NO_COLOR wins', () => {
  const dir = fixtureCopy('level-2-pipelines');
  try {
    const plain = cli([dir.path]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.doesNotMatch(plain.stdout, /\x1b\[/);
    assert.match(plain.stdout, /Level 2/);
    assert.match(cli([dir.path], { FORCE_COLOR: '1' }).stdout, /\x1b\[/);
    assert.doesNotMatch(cli([dir.path], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, /\x1b\[/);
  } finally {
    dir.dispose();
  }
});

test('--fail-under exits 1 below the level and 0 at it; the report is still written', () => {
  const dir = fixtureCopy('level-2-pipelines');
  try {
    const below = cli([dir.path, '--fail-under', '3', '--format', 'json']);
    assert.equal(below.code, 1);
    assert.equal(JSON.parse(below.stdout).level.current, 2);
    assert.match(below.stderr, /level 2 is below --fail-under 3/);
    assert.equal(cli([dir.path, '--fail-under', '2']).code, 0);
  } finally {
    dir.dispose();
  }
});

test('--format json is valid against the published schema; --output writes the file', () => {
  const dir = fixtureCopy('level-3-delivery');
  try {
    const out = join(dir.path, 'report.json');
    const result = cli([dir.path, '--format', 'json', '--output', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /Report written to .*report\.json \(json; level 3, target \d\)/);
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'report.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { schemaVersion: string };
    assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
    assert.equal(report.schemaVersion.split('.')[0], '1');
  } finally {
    dir.dispose();
  }
});

test('--stage overrides the inferred stage and so the target', () => {
  const dir = fixtureCopy('level-2-pipelines');
  try {
    const report = JSON.parse(cli([dir.path, '--format', 'json', '--stage', 'production']).stdout);
    assert.deepEqual([report.stage.id, report.stage.inferred, report.level.target], ['production', false, 3]);
  } finally {
    dir.dispose();
  }
});

test('an invalid config exits 2 naming file, line and column', () => {
  const dir = fixtureCopy('level-1-tracked');
  try {
    writeFileSync(join(dir.path, '.mlops-lens.yaml'), 'stage: pilot\nsuppress:\n  - id: drift-monitoring\n');
    const result = cli([dir.path]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /\.mlops-lens\.yaml:3:5: suppress\[0\]\.reason: missing required field 'reason'/);
    const explicit = cli([dir.path, '--config', join(dir.path, 'missing.yaml')]);
    assert.equal(explicit.code, 2);
    assert.match(explicit.stderr, /cannot read config file .*missing\.yaml: ENOENT/);
  } finally {
    dir.dispose();
  }
});

test('a scan that cannot list the repository exits 3', async () => {
  const dir = tempDir();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    env: {},
    cwd: dir.path,
    knowledgeDir: KNOWLEDGE_DIR,
    version: '0.0.0-test',
    createHost: (root) => ({ ...createNodeFileHost(root), readDirectory: () => Promise.reject(new Error('EIO: i/o error')) }),
  };
  try {
    assert.equal(await run(['.'], io), 3);
    assert.match(err.join(''), /the scan of \. failed: EIO: i\/o error/);
    assert.deepEqual(out, []);
  } finally {
    dir.dispose();
  }
});

test('--check-rules runs the custom practices\' examples: passes, a failing example exits 1 and says what the rule did', () => {
  const dir = tempDir();
  try {
    const config = (nearMissText: string) => [
      'practices:',
      '  - id: team-runbook',
      '    title: On-call runbook',
      '    dimension: governance',
      '    level: 2',
      '    why: The team keeps a runbook for the model service.',
      '    evidence: [{ref: mlops-principles-2024#manual-steps, supports: need}]',
      '    benefits: [fewer-errors]',
      '    effort: low',
      '    detect:',
      '      - id: runbook-file',
      '        kind: file',
      '        glob: [docs/runbook.md]',
      '        examples:',
      '          - expect: configured',
      '            files: [{path: docs/runbook.md, text: "# Runbook\\n"}]',
      '          - expect: none',
      '            note: another document',
      `            files: [{path: ${nearMissText}, text: "# Notes\\n"}]`,
      '    remediation: {firstStep: Write docs/runbook.md., path: Review it each quarter.}',
    ].join('\n');
    writeFileSync(join(dir.path, '.mlops-lens.yaml'), config('docs/notes.md'));
    const ok = cli([dir.path, '--check-rules']);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /✓ team-runbook\/runbook-file #1 fires \(configured\)/);
    assert.match(ok.stdout, /✓ team-runbook\/runbook-file #2 does not fire — another document/);
    assert.match(ok.stdout, /2 passed, 0 failed\./);
    // A near miss that is in fact the runbook: the rule fires, so the example fails.
    writeFileSync(join(dir.path, '.mlops-lens.yaml'), config('docs/runbook.md'));
    const failing = cli([dir.path, '--check-rules']);
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /✗ team-runbook\/runbook-file #2 does not fire — another document: got configured signal at docs\/runbook\.md/);
    assert.match(failing.stdout, /1 passed, 1 failed\./);
  } finally {
    dir.dispose();
  }
});

test('one audit, several reports: --sarif, --markdown and --json beside the main output; same verdict in each', () => {
  const dir = fixtureCopy('level-2-pipelines');
  const out = tempDir();
  try {
    const result = cli([dir.path, '--format', 'text', '--sarif', join(out.path, 'r.sarif'), '--markdown', join(out.path, 'r.md'), '--json', join(out.path, 'r.json')]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Level 2/, 'the main report still goes to standard output');
    const json = JSON.parse(readFileSync(join(out.path, 'r.json'), 'utf8'));
    assert.equal(json.level.current, 2);
    assert.equal(JSON.parse(readFileSync(join(out.path, 'r.sarif'), 'utf8')).version, '2.1.0');
    assert.match(readFileSync(join(out.path, 'r.md'), 'utf8'), /^## MLOps Lens: /);
    for (const f of ['r.sarif', 'r.md', 'r.json']) assert.match(result.stderr, new RegExp(`Report written to .*${f.replace('.', '\\.')}`));
    const twice = cli([dir.path, '--json', join(out.path, 'x'), '--sarif', join(out.path, 'x')]);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /two reports would be written to /);
  } finally {
    dir.dispose();
    out.dispose();
  }
});

test('a report that cannot be written exits 3 and leaves no partial file', () => {
  const dir = fixtureCopy('level-1-tracked');
  const out = tempDir();
  try {
    const missing = join(out.path, 'no-such-folder', 'r.json');
    const result = cli([dir.path, '--format', 'json', '--output', missing]);
    assert.equal(result.code, 3);
    assert.match(result.stderr, /cannot write .*r\.json: ENOENT/);
    assert.deepEqual(readdirSync(out.path), []);
  } finally {
    dir.dispose();
    out.dispose();
  }
});

test('a reader that stops early (| head) ends the CLI quietly with 0, no stack trace', () => {
  const dir = fixtureCopy('level-3-delivery');
  try {
    // The JSON report is larger than a pipe's buffer, so the CLI is still writing when head exits.
    const script = `set -o pipefail; node ${JSON.stringify(CLI)} ${JSON.stringify(dir.path)} --format json | head -c 1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    assert.match(result.stdout, /status=0/, result.stderr);
    assert.doesNotMatch(result.stderr, /EPIPE|Error/);
  } finally {
    dir.dispose();
  }
});

test('--baseline compares with an earlier JSON report; --fail-on-regression exits 1 and says why', () => {
  const dir = fixtureCopy('level-2-pipelines');
  const out = tempDir();
  try {
    const baseline = join(out.path, 'baseline.json');
    assert.equal(cli([dir.path, '--format', 'json', '--output', baseline]).code, 0);
    const same = cli([dir.path, '--baseline', baseline, '--fail-on-regression', '--format', 'markdown']);
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stdout, /### Since the baseline\n\nLevel 2 · score \d+ · 0 new findings, 0 resolved · no regressions/);
    // The pipeline goes away: the level drops, and the gate fails.
    rmSync(join(dir.path, 'dvc.yaml'));
    const worse = cli([dir.path, '--baseline', baseline, '--fail-on-regression', '--json', join(out.path, 'now.json')]);
    assert.equal(worse.code, 1);
    assert.match(worse.stderr, /regression: the level dropped from 2 to 1/);
    assert.equal(JSON.parse(readFileSync(join(out.path, 'now.json'), 'utf8')).comparison.level.from, 2);
    assert.equal(cli([dir.path, '--fail-on-regression']).code, 2, 'needs --baseline');
    writeFileSync(join(out.path, 'bad.json'), '{"schemaVersion": "9"}');
    const bad = cli([dir.path, '--baseline', join(out.path, 'bad.json')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /is not an MLOps Lens JSON report/);
  } finally {
    dir.dispose();
    out.dispose();
  }
});

test('gates in .mlops-lens.yaml: a failed gate exits 1, says which, and the JSON report carries the result', () => {
  const dir = fixtureCopy('level-2-pipelines');
  try {
    writeFileSync(join(dir.path, '.mlops-lens.yaml'), 'stage: production\ngates:\n  failUnder: target\n  dimensions:\n    monitoring: 50\n');
    const failed = cli([dir.path, '--format', 'json']);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /gate failUnder failed: level 2 is below the target level 3 for the production stage/);
    assert.match(failed.stderr, /gate dimensions\.monitoring failed: Monitoring scores \d+, below 50/);
    assert.deepEqual(JSON.parse(failed.stdout).gate.failures.map((f: { gate: string }) => f.gate), ['failUnder', 'dimensions.monitoring']);
    writeFileSync(join(dir.path, '.mlops-lens.yaml'), 'gates:\n  failUnder: 1\n');
    const passed = cli([dir.path, '--format', 'json']);
    assert.equal(passed.code, 0, passed.stderr);
    assert.deepEqual(JSON.parse(passed.stdout).gate, { passed: true, failures: [] });
    writeFileSync(join(dir.path, '.mlops-lens.yaml'), 'gates:\n  failUnder: five\n  dimensions: {monitorng: 10}\n');
    const wrong = cli([dir.path]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /gates\.failUnder: expected a level from 0 to 4, or target/);
  } finally {
    dir.dispose();
  }
});

test('a sub-folder of a repository is annotated from the repository root (SARIF, GitHub, Code Quality)', () => {
  const dir = tempDir();
  try {
    mkdirSync(join(dir.path, '.git'));
    cpSync(join(FIXTURES, 'repos', 'level-3-delivery'), join(dir.path, 'services', 'churn'), { recursive: true });
    const sub = join(dir.path, 'services', 'churn');
    const sarif = JSON.parse(cli([sub, '--format', 'sarif']).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0 && uris.every((u) => u.startsWith('services/churn/')), uris.join(', '));
    const github = cli([sub, '--format', 'github']).stdout.trim().split('\n');
    assert.ok(github.every((l) => l.includes('file=services/churn/')), github[0]);
    const quality = JSON.parse(cli([sub, '--format', 'codequality']).stdout) as { location: { path: string } }[];
    assert.ok(quality.every((e) => e.location.path.startsWith('services/churn/')));
    // A folder that is itself the repository root keeps its paths as they are.
    mkdirSync(join(sub, '.git'));
    const own = JSON.parse(cli([sub, '--format', 'codequality']).stdout) as { location: { path: string } }[];
    assert.ok(own.length > 0 && own.every((e) => !e.location.path.startsWith('services/')));
  } finally {
    dir.dispose();
  }
});

test('--summary prints the verdict and the next steps only; a pipe gets whole lines', () => {
  const dir = fixtureCopy('level-2-pipelines');
  try {
    const result = cli([dir.path, '--summary']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^MLOps Lens — /);
    assert.match(result.stdout, /Level 2 — Reproducible pipelines/);
    assert.doesNotMatch(result.stdout, /\nDimensions\n|\nSources\n/);
    assert.ok(cli([dir.path]).stdout.length > result.stdout.length);
  } finally {
    dir.dispose();
  }
});
