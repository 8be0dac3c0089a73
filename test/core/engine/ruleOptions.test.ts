/** Rule options that narrow a match to its context: `importing`, `alongside`, `unless`, yaml `where` and `unless`, comment lines. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allExtractors } from '../../../src/core/facts';
import { evaluateRule } from '../../../src/core/engine/rules';
import { readsOf } from '../../../src/core/engine/kinds';
import { DEFAULT_LIMITS, scan } from '../../../src/core/scan/scanner';
import type { DetectionRule } from '../../../src/core/model/knowledge';
import { createMemoryHost } from '../../helpers/memoryHost';
import { knowledge } from '../../helpers/auditFixture';
import { parseConfig } from '../../../src/core/config/config';
import { DEFAULT_SCOPE_OPTIONS } from '../../../src/core/scope/options';
import { customPracticeConfig } from '../../helpers/customPractice';

/** Paths (with lines) where one rule matches in a tiny in-memory repository. */
async function hits(rule: DetectionRule, tree: Record<string, string>): Promise<string[]> {
  const { facts } = await scan(createMemoryHost(tree), {
    extractors: allExtractors,
    yamlRules: rule.kind === 'yaml' ? [{ files: rule.files, key: rule.key }] : [],
    content: readsOf([rule]).content.map((c) => ({ ...c, engine: 'native' as const })),
    excludes: [],
    limits: DEFAULT_LIMITS,
    scope: { rules: knowledge().scope, options: DEFAULT_SCOPE_OPTIONS },
  });
  return evaluateRule(rule, facts, 'p').map((s) => `${s.path}:${s.line ?? ''}`);
}

const notebook = (...cells: string[]) => JSON.stringify({
  cells: cells.map((source) => ({ cell_type: 'code', metadata: {}, outputs: [], source })),
  metadata: { kernelspec: { language: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
});

test('call rules with `importing` count only in files (scripts or notebooks) importing the module', async () => {
  const rule: DetectionRule = { id: 'r', kind: 'call', names: ['run.log'], importing: ['azureml'] };
  const found = await hits(rule, {
    'train.py': 'from azureml.core import Run\nrun = Run.get_context()\nrun.log("mse", 1.0)\n',
    'explore.ipynb': notebook('import azureml.core\n', 'run.log("a", 1)\n'),
    'other.py': 'import logging\nrun = make_run()\nrun.log("x")\n',
  });
  assert.deepEqual(found.map((h) => h.split(':')[0]).sort(), ['explore.ipynb', 'train.py']);
});

test('content rules with `alongside` need a second line matching in the same file', async () => {
  const rule: DetectionRule = { id: 'r', kind: 'content', files: ['**/*.py'], pattern: '@flow', alongside: '\\.fit\\(' };
  const found = await hits(rule, {
    'ml.py': 'from prefect import flow\n@flow\ndef main():\n    model.fit(x, y)\n',
    'etl.py': 'from prefect import flow\n@flow\ndef main():\n    copy_tables()\n',
  });
  assert.deepEqual(found, ['ml.py:2']);
});

test('commented-out lines match neither the pattern nor `alongside`', async () => {
  const rule: DetectionRule = { id: 'r', kind: 'content', files: ['**/*.py'], pattern: 'CronSchedule\\(', alongside: 'train' };
  assert.deepEqual(await hits(rule, { 'a.py': '# schedule=CronSchedule("0 1 * * *")\ntrain()\n' }), []);
  assert.deepEqual(await hits(rule, { 'b.py': 'schedule=CronSchedule("0 1 * * *")\n# train()\n' }), []);
  assert.deepEqual(await hits(rule, { 'c.py': 'schedule=CronSchedule("0 1 * * *")\ntrain()\n' }), ['c.py:1']);
});

test('yaml rules with `where` need every relative key path (and value) under the node found', async () => {
  const rule: DetectionRule = {
    id: 'r', kind: 'yaml', files: ['**/*.yml'], key: 'Resources.*',
    where: [{ key: 'Type', value: '^AWS::Events::Rule$' }, { key: 'Properties.ScheduleExpression' }],
  };
  const template = (type: string, props: string) => `Resources:\n  Nightly:\n    Type: ${type}\n    Properties:\n${props}`;
  assert.deepEqual(await hits(rule, { 't.yml': template('AWS::Events::Rule', '      ScheduleExpression: rate(1 day)\n') }), ['t.yml:2']);
  assert.deepEqual(await hits(rule, { 't.yml': template('AWS::Events::Rule', '      EventPattern: {source: [aws.s3]}\n') }), []);
  assert.deepEqual(await hits(rule, { 't.yml': template('AWS::Lambda::Function', '      ScheduleExpression: rate(1 day)\n') }), []);
});

test('content rules with `unless` never count in a file where some line matches it', async () => {
  const rule: DetectionRule = { id: 'r', kind: 'content', files: ['**/*.yml'], pattern: 'quartz_cron_expression:', unless: 'pause_status:\\s*PAUSED\\b' };
  const job = (pause: string) => `schedule:\n  quartz_cron_expression: "0 0 3 * * ?"\n${pause}`;
  assert.deepEqual(await hits(rule, { 'paused.yml': job('  pause_status: PAUSED\n') }), []);
  assert.deepEqual(await hits(rule, { 'active.yml': job('  pause_status: UNPAUSED\n') }), ['active.yml:2']);
  assert.deepEqual(await hits(rule, { 'default.yml': job('') }), ['default.yml:2']);
  // A commented-out line does not count for `unless` either.
  assert.deepEqual(await hits(rule, { 'commented.yml': job('  # pause_status: PAUSED\n') }), ['commented.yml:2']);
});

test('yaml rules with `unless` drop a node found that holds one of those key paths (and values)', async () => {
  const rule: DetectionRule = {
    id: 'r', kind: 'yaml', files: ['**/*.yml'], key: 'jobs.*',
    where: [{ key: 'schedule.cron' }], unless: [{ key: 'schedule.pause_status', value: '^PAUSED$' }],
  };
  const jobs = 'jobs:\n  retrain:\n    schedule: {cron: "0 3 * * 1", pause_status: PAUSED}\n  score:\n    schedule: {cron: "0 1 * * *", pause_status: UNPAUSED}\n  refresh:\n    schedule: {cron: "0 2 * * *"}\n';
  assert.deepEqual(await hits(rule, { 'j.yml': jobs }), ['j.yml:4', 'j.yml:6']);
});

test('a repository config may not use lookaround in `alongside` or yaml `where` values (linear engine)', () => {
  const practice = (detect: string) => customPracticeConfig(`[${detect}]`);
  assert.throws(
    () => parseConfig('.mlops-lens.yaml', practice('{id: r, kind: content, files: ["**/*.py"], pattern: "x", alongside: "a(?!b)"}'), knowledge()),
    /alongside[\s\S]*linear-time engine/,
  );
  assert.throws(
    () => parseConfig('.mlops-lens.yaml', practice('{id: r, kind: yaml, files: ["**/*.yml"], key: a, where: [{key: b, value: "c(?=d)"}]}'), knowledge()),
    /where[\s\S]*linear-time engine/,
  );
  assert.throws(
    () => parseConfig('.mlops-lens.yaml', practice('{id: r, kind: yaml, files: ["**/*.yml"], key: a, unless: [{key: b, value: "c(?=d)"}]}'), knowledge()),
    /unless[\s\S]*linear-time engine/,
  );
  assert.throws(
    () => parseConfig('.mlops-lens.yaml', practice('{id: r, kind: content, files: ["**/*.py"], pattern: "x", unless: "a(?!b)"}'), knowledge()),
    /unless[\s\S]*linear-time engine/,
  );
});
