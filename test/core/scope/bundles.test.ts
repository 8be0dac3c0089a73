/**
 * A Databricks asset bundle deploys only the resource files its databricks.yml includes:
 * the others (often commented out until a prerequisite exists) are not the team's practice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditFiles, statusOf } from './scopeAudit';

const ML = { 'src/train.py': 'import mlflow\nfrom sklearn.linear_model import LogisticRegression\n' };
const MONITOR = 'resources:\n  quality_monitors:\n    churn_monitor:\n      table_name: main.churn.inference\n      output_schema_name: main.churn\n';
const bundle = (include: string) => `bundle:\n  name: churn\n${include}\ntargets:\n  dev:\n    default: true\n`;

test('a resource file the bundle does not include is not counted, and the scope note says so', async () => {
  const report = await auditFiles({
    ...ML,
    'churn/databricks.yml': bundle('include:\n  - ./resources/training.yml\n  # TODO: uncomment once the inference table exists\n  # - ./resources/monitoring.yml'),
    'churn/resources/training.yml': 'resources:\n  jobs:\n    train:\n      tasks:\n        - task_key: train\n',
    'churn/resources/monitoring.yml': MONITOR,
  });
  assert.equal(statusOf(report, 'drift-monitoring'), 'absent');
  const note = report.scope.find((n) => n.kind === 'bundle');
  assert.ok(note, 'a bundle note');
  assert.deepEqual(note.paths, ['churn/databricks.yml']);
  assert.deepEqual(note.excluded, ['churn/resources/monitoring.yml']);
  assert.match(note.message, /resources\/monitoring\.yml is not included/);
});

test('near miss: a resource file the bundle includes, by name or by glob, counts', async () => {
  for (const include of ['include:\n  - ./resources/monitoring.yml', 'include:\n  - resources/*.yml']) {
    const report = await auditFiles({ ...ML, 'databricks.yml': bundle(include), 'resources/monitoring.yml': MONITOR });
    assert.equal(statusOf(report, 'drift-monitoring'), 'present', include);
    assert.deepEqual(report.scope.filter((n) => n.kind === 'bundle'), []);
  }
});

test('near miss: a bundle whose databricks.yml cannot be parsed leaves its resource files counted', async () => {
  const report = await auditFiles({ ...ML, 'databricks.yml': 'bundle: [name: churn\ninclude: ]]\n', 'resources/monitoring.yml': MONITOR });
  assert.equal(statusOf(report, 'drift-monitoring'), 'present');
  assert.deepEqual(report.scope.filter((n) => n.kind === 'bundle'), []);
});

test('each resource file belongs to its nearest bundle; files outside any bundle are untouched', async () => {
  const report = await auditFiles({
    ...ML,
    'databricks.yml': bundle('include:\n  - resources/*.yml'),
    'resources/monitoring.yml': MONITOR,
    'inner/databricks.yml': bundle('include: []'),
    'inner/resources/monitoring.yml': MONITOR,
  });
  assert.deepEqual(report.scope.filter((n) => n.kind === 'bundle').map((n) => n.excluded), [['inner/resources/']]);
  assert.equal(statusOf(report, 'drift-monitoring'), 'present');
});
