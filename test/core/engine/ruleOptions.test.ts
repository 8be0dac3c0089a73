/** Rule options that narrow a match to its context: `importing`, `alongside`, yaml `where`, comment lines. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allExtractors } from '../../../src/core/facts';
import { evaluateRule } from '../../../src/core/engine/rules';
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
    contentGlobs: rule.kind === 'content' ? rule.files : [],
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
});
