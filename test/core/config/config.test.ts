import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/config/config';
import { DataError, formatIssue } from '../../../src/core/knowledge/errors';
import { parseKnowledge } from '../../../src/core/knowledge/load';
import { DEFAULT_LIMITS } from '../../../src/core/scan/scanner';
import { DEFAULT_SCOPE_OPTIONS } from '../../../src/core/scope/options';
import { miniKnowledgeFiles } from '../knowledge/miniKnowledge';
import { customPracticeConfig } from '../../helpers/customPractice';
import { knowledge as shippedKnowledge } from '../../helpers/auditFixture';

const knowledge = parseKnowledge(miniKnowledgeFiles());

function configIssues(text: string): string[] {
  try {
    parseConfig('.mlops-lens.yaml', text, knowledge);
  } catch (err) {
    assert.ok(err instanceof DataError);
    assert.equal(err.kind, 'config');
    return err.issues.map(formatIssue);
  }
  assert.fail('expected the config to be rejected');
}

test('a full config parses: stage, excludes, suppressions with reasons, limits, custom practice', () => {
  const config = parseConfig('.mlops-lens.yaml', [
    'stage: pilot',
    'excludes: ["data/", "*.parquet"]',
    'suppress:',
    '  - id: no-ci',
    '    reason: CI runs in the platform monorepo',
    'limits:',
    '  maxFileBytes: 2048',
    'practices:',
    '  - id: team-runbook',
    '    title: Team runbook',
    '    dimension: automation',
    '    level: 2',
    '    why: On-call needs a runbook.',
    '    evidence: [{ref: study#benefit, supports: need}]',
    '    benefits: [fewer-errors]',
    '    effort: low',
    '    detect:',
    '      - {id: runbook, kind: file, glob: ["RUNBOOK.md"]}',
    '    remediation: {firstStep: Write RUNBOOK.md, path: Keep it current}',
  ].join('\n'), knowledge);
  assert.equal(config.stage, 'pilot');
  assert.deepEqual(config.excludes, ['data/', '*.parquet']);
  assert.deepEqual([...config.suppressions], [['no-ci', 'CI runs in the platform monorepo']]);
  assert.deepEqual(config.limits, { ...DEFAULT_LIMITS, maxFileBytes: 2048 });
  assert.equal(config.practices[0].id, 'team-runbook');
  assert.equal(config.practices[0].detect[0].strength, 'configured');
});

test('an empty config file means the defaults', () => {
  const config = parseConfig('.mlops-lens.yaml', '', knowledge);
  assert.deepEqual(config.excludes, []);
  assert.equal(config.stage, undefined);
});

test('scope options: defaults, overrides, and a wrong value named with its place', () => {
  assert.deepEqual(parseConfig('.mlops-lens.yaml', 'stage: pilot\n', knowledge).scope, DEFAULT_SCOPE_OPTIONS);
  assert.deepEqual(
    parseConfig('.mlops-lens.yaml', 'scope:\n  library: always\n  requireMlCode: false\n  retired: false\n', knowledge).scope,
    { templates: true, library: 'always', requireMlCode: false, retired: false },
  );
  const issues = configIssues('scope:\n  library: maybe\n');
  assert.equal(issues.length, 1);
  assert.match(issues[0], /^\.mlops-lens\.yaml:2:\d+: scope\.library: /);
});

test('errors give file, line, column and what is expected', () => {
  assert.deepEqual(configIssues('stage: staging\nexcludes: data/\n'), [
    '.mlops-lens.yaml:1:8: stage: expected one of prototype, pilot, production',
    '.mlops-lens.yaml:2:11: excludes: expected a list',
  ]);
});

test('a suppression needs a reason and a known id', () => {
  assert.deepEqual(configIssues('suppress:\n  - id: ci\n  - id: typo-id\n    reason: because\n'), [
    ".mlops-lens.yaml:2:5: suppress[0].reason: missing required field 'reason'",
  ]);
  assert.deepEqual(configIssues('suppress:\n  - id: typo-id\n    reason: because\n'), [
    ".mlops-lens.yaml:2:9: suppress[0].id: unknown practice, trade-off or check id 'typo-id'",
  ]);
});

test('a check id suppresses its findings, everywhere or in one path; a path on a practice is an error', () => {
  const shipped = shippedKnowledge();
  const config = parseConfig('.mlops-lens.yaml', [
    'suppress:',
    '  - id: random-seeds/training-script-without-seed',
    '    path: tools/bench_*.py',
    '    reason: benchmarks time the kernels, results are not compared',
    '  - id: containerization/unpinned-base-image',
    '    reason: the base image is pinned by the platform team',
    '  - id: random-seeds/training-script-without-seed',
    '    path: "odd [name].py"',
    '    reason: exploratory',
  ].join('\n'), shipped);
  assert.deepEqual(config.findingSuppressions, [
    { check: 'random-seeds/training-script-without-seed', path: 'tools/bench_*.py', reason: 'benchmarks time the kernels, results are not compared' },
    { check: 'containerization/unpinned-base-image', reason: 'the base image is pinned by the platform team' },
    { check: 'random-seeds/training-script-without-seed', path: 'odd [name].py', reason: 'exploratory' },
  ]);
  assert.equal(config.suppressions.size, 0, 'a check suppression does not suppress its practice');
  assert.throws(() => parseConfig('.mlops-lens.yaml', 'suppress:\n  - id: random-seeds\n    path: train.py\n    reason: no\n', shipped),
    (err: unknown) => err instanceof DataError && /suppress\[0\]\.path: 'path' applies to a check's findings \(practice\/check\), not to the random-seeds practice/.test(err.issues.map(formatIssue).join('\n')));
});

test('unknown fields are named, so typos do not pass silently', () => {
  assert.deepEqual(configIssues('stages: pilot\n'), [
    ".mlops-lens.yaml:1:1: stages: unknown field 'stages'; expected stage, collection, excludes, suppress, practices, scope, gates, limits",
  ]);
});

/** A config holding one custom practice for the mini knowledge base. */
function customPractice(id: string, detect: string): string {
  return customPracticeConfig(detect, { id, dimension: 'automation', evidence: 'study#benefit' });
}

test('a custom practice with a dangerous pattern or a built-in id is refused', () => {
  const practice = (id: string, pattern: string) =>
    customPractice(id, `[{id: r, kind: content, files: ["**/*.py"], pattern: "${pattern}"}]`);
  assert.deepEqual(configIssues(practice('mine', '(\\\\w*)*x')), [
    '.mlops-lens.yaml:10:66: practices[0].detect[0].pattern: a repeated group that contains a repetition (like (a+)+) can take exponential time; simplify the pattern',
  ]);
  assert.deepEqual(configIssues(practice('ci', 'ok')), [
    ".mlops-lens.yaml:2:9: practices[0].id: practice 'ci' is built in; give a custom practice a new id",
  ]);
});

test('malformed YAML in the config is a located error, not a crash', () => {
  const issues = configIssues('stage: [pilot\n');
  assert.equal(issues.length, 1);
  assert.match(issues[0], /^\.mlops-lens\.yaml:\d+: YAML syntax error: /);
});

test('a custom pattern the linear-time engine cannot run is refused where it is written', () => {
  const text = customPractice('mine', '\n      - {id: r, kind: ci-command, patterns: ["pytest", "tox(?!-ini)"]}');
  assert.deepEqual(configIssues(text).map((i) => i.replace(/: error parsing regexp.*/, '')), [
    '.mlops-lens.yaml:11:56: practices[0].detect[0].patterns[1]: not supported in .mlops-lens.yaml patterns, which run on a linear-time engine',
  ]);
});

test('a key repeated in the same mapping is an error, not a silently lost setting', () => {
  const problems = (text: string) => {
    try {
      parseConfig('.mlops-lens.yaml', text, knowledge);
      return [];
    } catch (err) {
      assert.ok(err instanceof DataError);
      return err.issues.map(formatIssue);
    }
  };
  assert.deepEqual(problems('stage: pilot\nexcludes: [data/]\nstage: production\n'), [
    '.mlops-lens.yaml:3: a key is repeated in the same mapping; the later value would silently replace the earlier one',
  ]);
  assert.deepEqual(problems('scope:\n  templates: true\n  library: auto\n'), []);
});
