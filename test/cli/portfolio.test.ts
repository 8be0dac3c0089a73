/** `mlops-lens portfolio`: the built CLI over fixture copies, a missing path and hostile folder names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvField, type PortfolioDocument } from '../../src/cli/portfolioReport';
import { parseListFile } from '../../src/cli/portfolio';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/paths';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding copies of fixtures under the given names, each with a `.git` folder. */
function workspace(copies: Record<string, string>) {
  const dir = tempDir();
  for (const [name, fixture] of Object.entries(copies)) {
    cpSync(join(FIXTURES, 'repos', fixture), join(dir.path, name), { recursive: true });
    mkdirSync(join(dir.path, name, '.git'));
  }
  return dir;
}

const TWO = { 'level-1-tracked': 'level-1-tracked', 'level-2-pipelines': 'level-2-pipelines' };

test('portfolio: two repositories and a missing path — rows, levels, an error row, exit 2', () => {
  const dir = workspace(TWO);
  try {
    const json = cli(['portfolio', 'level-1-tracked', 'level-2-pipelines', 'no-such-repo', '--format', 'json'], dir.path);
    assert.equal(json.code, 2, json.stderr);
    assert.match(json.stderr, /1 of 3 repositories could not be audited/);
    const doc = JSON.parse(json.stdout) as PortfolioDocument;
    assert.match(doc.schemaVersion, /^1\.\d+\.\d+$/);
    assert.deepEqual(doc.repositories.map((r) => [r.repository, r.level, r.error]), [
      ['level-1-tracked', 1, null],
      ['level-2-pipelines', 2, null],
      ['no-such-repo', null, 'no such folder'],
    ]);
    assert.deepEqual(doc.summary, { repositories: 3, audited: 2, failed: 1, byLevel: { 0: 0, 1: 1, 2: 1, 3: 0, 4: 0 } });
    for (const row of doc.repositories.slice(0, 2)) {
      assert.equal(typeof row.target, 'number');
      assert.equal(typeof row.score, 'number');
      assert.equal(row.missing.count, row.missing.practices.length);
    }

    const text = cli(['portfolio', 'level-1-tracked', 'level-2-pipelines', 'no-such-repo'], dir.path);
    assert.equal(text.code, 2);
    const lines = text.stdout.split('\n');
    assert.match(lines[0], /^REPOSITORY\s+PATH\s+LEVEL\s+TARGET\s+SCORE\s+MISSING\s+TOP TRADE-OFF\s+ERROR$/);
    assert.match(lines[1], /^level-1-tracked\s+level-1-tracked\s+1 Tracked\s/);
    assert.match(lines[2], /^level-2-pipelines\s+level-2-pipelines\s+2 /);
    assert.match(lines[3], /^no-such-repo\s+no-such-repo\s+no such folder$/);
    assert.match(text.stdout, /3 repositories — level 1: 1, level 2: 1; 1 failed\./);

    const ok = cli(['portfolio', 'level-1-tracked', 'level-2-pipelines'], dir.path);
    assert.equal(ok.code, 0, ok.stderr);
    assert.doesNotMatch(ok.stdout.split('\n')[0], /ERROR/);
  } finally {
    dir.dispose();
  }
});

test('portfolio: a broken config is an error row; the others are audited', () => {
  const dir = workspace({ ...TWO, broken: 'level-1-tracked' });
  try {
    writeFileSync(join(dir.path, 'broken', '.mlops-lens.yaml'), 'stage: [unclosed\n');
    const result = cli(['portfolio', 'broken', 'level-2-pipelines', '--format', 'json'], dir.path);
    assert.equal(result.code, 2, result.stderr);
    const doc = JSON.parse(result.stdout) as PortfolioDocument;
    assert.match(doc.repositories[0].error ?? '', /^invalid configuration:\s+\.mlops-lens\.yaml:2: YAML syntax error/);
    assert.equal(doc.repositories[1].level, 2);
  } finally {
    dir.dispose();
  }
});

test('portfolio --format csv quotes a repository name with a comma (RFC 4180)', () => {
  const dir = workspace({ 'churn, v2': 'level-1-tracked' });
  try {
    const result = cli(['portfolio', 'churn, v2', '--format', 'csv'], dir.path);
    assert.equal(result.code, 0, result.stderr);
    const records = result.stdout.split('\r\n');
    assert.equal(records[0], 'repository,path,level,level_name,target,stage,score,missing_count,missing,top_tradeoff,error');
    assert.ok(records[1].startsWith('"churn, v2","churn, v2",1,Tracked,'), records[1]);
    assert.equal(records[2], '');
    assert.equal(csvField('say "hi"\nthere'), '"say ""hi""\nthere"');
    assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvField(3), '3');
  } finally {
    dir.dispose();
  }
});

test('portfolio --format html escapes a hostile folder name under a strict CSP', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const dir = workspace({ [hostile]: 'level-1-tracked' });
  try {
    const out = join(dir.path, 'portfolio.html');
    const result = cli(['portfolio', hostile, 'gone', '--format', 'html', '--output', out], dir.path);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /Portfolio written to/);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">`));
    assert.ok(!html.includes('<img'), 'the folder name must not become markup');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.doesNotMatch(html, /<script/i);
  } finally {
    dir.dispose();
  }
});

test('portfolio --list reads paths, skipping comments and blank lines', () => {
  const dir = workspace(TWO);
  try {
    writeFileSync(join(dir.path, 'repos.txt'), '# the team\'s repositories\n\nlevel-1-tracked\n  # retired: old-repo\r\nlevel-2-pipelines\r\n\n');
    const result = cli(['portfolio', '--list', 'repos.txt', 'level-1-tracked', '--format', 'json'], dir.path);
    assert.equal(result.code, 0, result.stderr);
    const doc = JSON.parse(result.stdout) as PortfolioDocument;
    // The folder given and the list's first line are the same repository: audited once.
    assert.deepEqual(doc.repositories.map((r) => r.repository), ['level-1-tracked', 'level-2-pipelines']);
    assert.deepEqual(parseListFile('a\n#b\n\n  c  \r\n'), ['a', 'c']);

    const missingList = cli(['portfolio', '--list', 'nope.txt'], dir.path);
    assert.equal(missingList.code, 2);
    assert.match(missingList.stderr, /cannot read list file nope\.txt: ENOENT/);
  } finally {
    dir.dispose();
  }
});

test('portfolio usage errors exit 2', () => {
  const dir = tempDir();
  try {
    for (const [args, message] of [
      [['portfolio'], /at least one folder, --list FILE or --projects DIR/],
      [['portfolio', '.', '--format', 'pdf'], /--format must be one of text, json, csv, html; got 'pdf'/],
      [['portfolio', '.', '--stage', 'beta'], /--stage must be one of prototype, pilot, production/],
      [['portfolio', '.', '--bogus'], /Unknown option '--bogus'/],
    ] as const) {
      const result = cli([...args], dir.path);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
    const help = cli(['portfolio', '--help'], dir.path);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: mlops-lens portfolio DIR\.\.\. \[--list FILE\]/);
  } finally {
    dir.dispose();
  }
});

test('--projects audits each ML project inside a monorepo: folders with project files and code, not docs or vendored folders', () => {
  const dir = tempDir();
  try {
    const put = (path: string, text: string) => {
      mkdirSync(join(dir.path, path, '..'), { recursive: true });
      writeFileSync(join(dir.path, path), text);
    };
    mkdirSync(join(dir.path, '.git'));
    put('services/churn/requirements.txt', 'scikit-learn==1.5.0\nmlflow==2.14.0\n');
    put('services/churn/src/train.py', 'import mlflow\nfrom sklearn.linear_model import LogisticRegression\nmlflow.log_metric("auc", 0.9)\n');
    put('services/churn/dvc.yaml', 'stages:\n  train:\n    cmd: python src/train.py\n    deps: [src/train.py]\n    outs: [model.pkl]\n');
    put('services/fraud/pyproject.toml', '[project]\nname = "fraud"\ndependencies = ["xgboost==2.0.3"]\n');
    put('services/fraud/fraud/model.py', 'import xgboost\n');
    put('docs/requirements.txt', 'mkdocs==1.6.0\n');
    put('node_modules/pkg/setup.py', 'import setuptools\n');
    const result = spawnSync(process.execPath, [CLI, dir.path, '--projects', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const doc = JSON.parse(result.stdout) as { repositories: { repository: string; path: string; level: number | null }[] };
    assert.deepEqual(doc.repositories.map((r) => r.repository), ['churn', 'fraud']);
    assert.ok(doc.repositories.every((r) => typeof r.level === 'number'));
    const viaPortfolio = spawnSync(process.execPath, [CLI, 'portfolio', '--projects', dir.path], { encoding: 'utf8' });
    assert.equal(viaPortfolio.status, 0, viaPortfolio.stderr);
    assert.match(viaPortfolio.stdout, /churn .*\n.*fraud/);
    const none = spawnSync(process.execPath, [CLI, join(dir.path, 'docs'), '--projects'], { encoding: 'utf8' });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no ML projects found inside/);
    const wrongFormat = spawnSync(process.execPath, [CLI, dir.path, '--projects', '--format', 'sarif'], { encoding: 'utf8' });
    assert.equal(wrongFormat.status, 2);
  } finally {
    dir.dispose();
  }
});
