/**
 * General-purpose workflow tools (Airflow, Prefect, ...) evidence ML practice only where
 * the repository holds ML code; ML-specific tools count regardless.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditFiles, statusOf } from './scopeAudit';

const DAG = 'from airflow import DAG\n\nwith DAG("nightly_export", schedule=None) as dag:\n    pass\n';
// A DAG whose task runs a training script: ML work in the DAG file itself.
const TRAINING_DAG = 'from airflow import DAG\nfrom airflow.operators.bash import BashOperator\n\nwith DAG("train", schedule=None) as dag:\n    BashOperator(task_id="t", bash_command="python train.py")\n';

test('an Airflow DAG in a repository without ML code is not an ML pipeline', async () => {
  const report = await auditFiles({ 'dags/export.py': DAG, 'etl/load.py': 'import pandas as pd\n' });
  assert.equal(statusOf(report, 'pipeline-definition'), 'absent');
  const note = report.scope.find((n) => n.kind === 'no-ml-code');
  assert.ok(note, 'a no-ml-code note');
  assert.deepEqual(note.practices, ['pipeline-definition']);
  assert.match(note.message, /airflow/);
});

test('near miss: a training DAG beside ML code is an ML pipeline', async () => {
  const report = await auditFiles({ 'dags/train.py': TRAINING_DAG, 'src/model.py': 'from sklearn.linear_model import LogisticRegression\n' });
  assert.equal(statusOf(report, 'pipeline-definition'), 'present');
  assert.deepEqual(report.scope, []);
});

test('near miss: an ML library only named in requirements or a README is no ML code', async () => {
  const report = await auditFiles({ 'dags/export.py': DAG, 'requirements.txt': 'scikit-learn\n', 'README.md': 'import sklearn\n' });
  assert.equal(statusOf(report, 'pipeline-definition'), 'absent');
});

test('an ML-specific pipeline tool counts without ML code in Python (a dvc.yaml running R)', async () => {
  const report = await auditFiles({ 'dvc.yaml': 'stages:\n  train:\n    cmd: Rscript train.R\n    deps: [train.R]\n    outs: [model.rds]\n' });
  assert.equal(statusOf(report, 'pipeline-definition'), 'present');
  assert.deepEqual(report.scope, []);
});

test('the configuration can turn the ML-code requirement off', async () => {
  // The training script is not Python here (or not in the repository): no ML imports to see.
  assert.equal(statusOf(await auditFiles({ 'dags/train.py': TRAINING_DAG }), 'pipeline-definition'), 'absent');
  const report = await auditFiles({ 'dags/train.py': TRAINING_DAG }, 'scope:\n  requireMlCode: false\n');
  assert.equal(statusOf(report, 'pipeline-definition'), 'present');
});

test('a DAG that trains through an ML platform operator is an ML pipeline', async () => {
  const report = await auditFiles({
    'dags/train.py': 'from airflow import DAG\nfrom airflow.providers.amazon.aws.operators.sagemaker import SageMakerTrainingOperator\n\nwith DAG("train", schedule=None) as dag:\n    SageMakerTrainingOperator(task_id="t", config={})\n',
  });
  assert.equal(statusOf(report, 'pipeline-definition'), 'present');
});

test('configuration read by code without ML code (an ETL job\'s run config) is not ML configuration', async () => {
  const job = 'import yaml\nconfig = yaml.safe_load(open("configs/run_config.yaml"))\n';
  const report = await auditFiles({ 'etl/jobs.py': job, 'etl/configs/run_config.yaml': 'ops: {load: {config: {path: data.csv}}}\n' });
  assert.equal(statusOf(report, 'config-management'), 'absent');
  const note = report.scope.find((n) => n.kind === 'no-ml-code');
  assert.deepEqual(note?.practices, ['config-management']);
  assert.match(note?.message ?? '', /config-management\/config-file-literal/);
});

test('near miss: the same configuration beside ML code, and a DVC params file without Python, count', async () => {
  const job = 'import yaml\nconfig = yaml.safe_load(open("configs/train.yaml"))\n';
  const withMl = await auditFiles({ 'train.py': `${job}from sklearn.linear_model import Ridge\n`, 'configs/train.yaml': 'alpha: 0.1\n' });
  assert.equal(statusOf(withMl, 'config-management'), 'present');
  const rProject = await auditFiles({ 'params.yaml': 'train: {alpha: 0.1}\n', 'dvc.yaml': 'stages:\n  train:\n    cmd: Rscript train.R\n    params: [train.alpha]\n' });
  assert.equal(statusOf(rProject, 'config-management'), 'present');
});
