/**
 * A `suppress` entry naming a check (and a path) suppresses those findings alone: they leave
 * the findings list and Problems but stay in the report with their reason, SARIF marks them
 * suppressed, and a suppressed finding no longer makes a practice mixed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSarif } from '../../../src/core/report/sarif';
import { auditFiles } from '../../helpers/auditFixture';

const SEEDLESS = 'import sklearn\nfrom sklearn.linear_model import LogisticRegression\nLogisticRegression().fit([[0]], [0])\n';
const CHECK = 'random-seeds/training-script-without-seed';

test('a check suppressed in one path: that finding moves to suppressedFindings with its reason, the others stay', async () => {
  const report = await auditFiles({
    'train.py': SEEDLESS,
    'tools/bench_train.py': SEEDLESS,
    '.mlops-lens.yaml': `suppress:\n  - id: ${CHECK}\n    path: tools/**\n    reason: benchmarks only time the kernels\n`,
  });
  assert.deepEqual(report.findings.filter((f) => f.id === CHECK).map((f) => f.path), ['train.py']);
  assert.deepEqual(report.suppressedFindings?.map((f) => [f.id, f.path, f.suppressedReason]), [[CHECK, 'tools/bench_train.py', 'benchmarks only time the kernels']]);
  assert.notEqual(report.practices.find((p) => p.id === 'random-seeds')?.status, 'suppressed', 'the practice itself is not suppressed');

  const sarif = JSON.parse(renderSarif(report)) as { runs: { results: { properties?: { check?: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; suppressions?: { kind: string; justification: string }[] }[] }[] };
  const seedResults = sarif.runs[0].results.filter((r) => r.properties?.check === CHECK);
  assert.deepEqual(seedResults.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.suppressions]), [
    ['train.py', undefined],
    ['tools/bench_train.py', [{ kind: 'external', justification: 'benchmarks only time the kernels' }]],
  ]);
});

test('without a path the check is suppressed everywhere', async () => {
  const report = await auditFiles({
    'train.py': SEEDLESS,
    'train_small.py': SEEDLESS,
    '.mlops-lens.yaml': `suppress:\n  - id: ${CHECK}\n    reason: results are averaged over many runs\n`,
  });
  assert.deepEqual(report.findings.filter((f) => f.id === CHECK), []);
  assert.equal(report.suppressedFindings?.length, 2);
});

test('suppressing the loose requirements of one folder leaves pinning present, not mixed', async () => {
  const files = {
    'train.py': 'import sklearn\n',
    'poetry.lock': '[[package]]\nname = "numpy"\nversion = "1.26.4"\n',
    'airflow/requirements.txt': 'apache-airflow-providers-amazon\n',
  };
  const mixed = await auditFiles(files);
  assert.equal(mixed.practices.find((p) => p.id === 'dependency-pinning')?.status, 'partial');
  const suppressed = await auditFiles({
    ...files,
    '.mlops-lens.yaml': 'suppress:\n  - id: dependency-pinning/unpinned-requirement\n    path: airflow/requirements.txt\n    reason: the Airflow image applies its own constraints file\n',
  });
  const practice = suppressed.practices.find((p) => p.id === 'dependency-pinning')!;
  assert.equal(practice.status, 'present');
  assert.equal(practice.mixed, undefined);
  assert.equal(suppressed.suppressedFindings?.length, 1);
});
