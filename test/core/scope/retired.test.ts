/** Folders of retired code (`archive/`) are not the team's current practice; the configuration can count them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditFiles, statusOf } from './scopeAudit';

const ML = { 'src/train.py': 'from sklearn.linear_model import LogisticRegression\nLogisticRegression().fit(X, y)\n' };
const CRON = 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: retrain\nspec:\n  schedule: "0 3 * * 1"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: train\n              command: ["python", "train.py"]\n';

test('a retraining CronJob under archive/ is not counted, and the scope note names the folder', async () => {
  const report = await auditFiles({ ...ML, 'services/archive/k8s/retrain-cron.yaml': CRON, 'services/api/app.py': 'import fastapi\n' });
  assert.equal(statusOf(report, 'scheduled-retraining'), 'absent');
  const note = report.scope.find((n) => n.kind === 'retired');
  assert.ok(note, 'a retired-code note');
  assert.deepEqual(note.excluded, ['services/archive/']);
  assert.match(note.message, /services\/archive\/ is a folder of archived code/);
});

test('near miss: the same CronJob outside an archive folder, or with `scope: {retired: false}`, counts', async () => {
  const live = await auditFiles({ ...ML, 'k8s/retrain-cron.yaml': CRON, 'k8s/archive.yaml': 'kind: ConfigMap\n' });
  assert.notEqual(statusOf(live, 'scheduled-retraining'), 'absent');
  assert.deepEqual(live.scope.filter((n) => n.kind === 'retired'), [], 'a file named archive.yaml is no retired folder');
  const configured = await auditFiles({ ...ML, 'archive/k8s/retrain-cron.yaml': CRON }, 'scope:\n  retired: false\n');
  assert.notEqual(statusOf(configured, 'scheduled-retraining'), 'absent');
});
