/** General-purpose orchestrators count as ML pipelines and retraining schedules only where they do ML work. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditTree, evidenceOf, notebook } from './detect';

const airflowTraining = [
  'from datetime import datetime',
  'from airflow import DAG',
  'from airflow.operators.bash import BashOperator',
  'with DAG("churn", start_date=datetime(2024, 1, 1), schedule="@weekly") as dag:',
  '    prepare = BashOperator(task_id="prepare", bash_command="python prepare.py")',
  '    train = BashOperator(task_id="train", bash_command="python src/train.py")',
  '    prepare >> train',
].join('\n');

// The training script the DAG runs: the repository holds ML code (see knowledge/scope.yaml).
const TRAIN_SCRIPT = { 'src/train.py': 'from sklearn.linear_model import LogisticRegression\nLogisticRegression().fit(X, y)\n' };

const airflowChores = [
  'from datetime import datetime',
  'from airflow import DAG',
  'from airflow.operators.bash import BashOperator',
  'with DAG("cleanup", start_date=datetime(2024, 1, 1), schedule="@daily") as dag:',
  '    BashOperator(task_id="vacuum", bash_command="psql -c vacuum")',
].join('\n');

test('an Airflow DAG that trains is a pipeline, and with a schedule it is scheduled retraining', async () => {
  const tree = { 'dags/churn.py': airflowTraining, ...TRAIN_SCRIPT };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['airflow-ml-dag']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree), ['airflow-scheduled-dag']);
  const report = await auditTree(tree);
  assert.equal(report.practices.find((p) => p.id === 'scheduled-retraining')?.status, 'present', 'an orchestrator schedule runs training without a person');
});

test('near miss: a scheduled DAG of chores is only mentioned, and is no retraining', async () => {
  const tree = { 'dags/cleanup.py': airflowChores, ...TRAIN_SCRIPT };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), []);
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree), []);
  const report = await auditTree(tree);
  const signals = report.practices.find((p) => p.id === 'pipeline-definition')!.signals;
  assert.deepEqual(signals.map((s) => `${s.rule} ${s.strength}`), ['pipeline-definition/airflow-dag mentioned']);
});

test('near miss: a DAG whose schedule is None does not retrain on its own', async () => {
  const tree = { 'dags/churn.py': airflowTraining.replace('schedule="@weekly"', 'schedule=None'), ...TRAIN_SCRIPT };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['airflow-ml-dag']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree), []);
});

test('Prefect: a training flow deployed on a schedule; near misses: a scoring flow, a commented-out schedule, a flow that only logs', async () => {
  const training = {
    'flows/train.py': [
      'import mlflow',
      'from prefect import flow, task',
      'from prefect.deployments import Deployment',
      'from prefect.orion.schemas.schedules import CronSchedule',
      '@task',
      'def train_model(x, y):',
      '    return model.fit(x, y)',
      '@flow',
      'def main():',
      '    train_model(x, y)',
      'Deployment.build_from_flow(flow=main, name="weekly", schedule=CronSchedule(cron="0 3 * * 1"))',
    ].join('\n'),
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', training), ['prefect-ml-flow']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', training), ['prefect-schedule']);

  const scoring = {
    'flows/score.py': 'from prefect import flow\nfrom prefect.orion.schemas.schedules import CronSchedule\n@flow\ndef score():\n    write_predictions(load(), table)\nDeployment.build_from_flow(flow=score, schedule=CronSchedule(cron="0 3 * * *"))\n',
  };
  assert.deepEqual(await evidenceOf('scheduled-retraining', scoring), []);

  const commented = { 'flows/train.py': training['flows/train.py'].replace('Deployment.build_from_flow', '# Deployment.build_from_flow') };
  assert.deepEqual(await evidenceOf('scheduled-retraining', commented), []);

  const onlyLogs = { 'flows/demo.py': 'from prefect import flow, get_run_logger\n@flow(name="train-model-1")\ndef model_flow():\n    get_run_logger().info("Running training job...")\n' };
  assert.deepEqual(await evidenceOf('pipeline-definition', onlyLogs), []);
});

test('prefect.yaml deployments count when the scheduled entrypoint trains', async () => {
  const deployment = (entrypoint: string) => ({
    'prefect.yaml': `deployments:\n  - name: weekly\n    entrypoint: ${entrypoint}\n    schedules:\n      - cron: "0 3 * * 1"\n`,
    ...TRAIN_SCRIPT,
  });
  assert.deepEqual(await evidenceOf('scheduled-retraining', deployment('flows/train.py:train_flow')), ['prefect-deployment-schedule']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', deployment('flows/sync.py:sync_tables')), []);
});

test('Flyte and Metaflow schedules count on training workflows only', async () => {
  const flyteToy = { 'lp.py': 'from flytekit import CronSchedule, LaunchPlan, workflow\n@workflow\ndef date_wf(): ...\nLaunchPlan.get_or_create(date_wf, schedule=CronSchedule(schedule="*/1 * * * *"))\n' };
  assert.deepEqual(await evidenceOf('scheduled-retraining', flyteToy), []);
  const metaflowTraining = { 'flow.py': 'from metaflow import FlowSpec, schedule, step\n@schedule(weekly=True)\nclass TrainFlow(FlowSpec):\n    @step\n    def start(self):\n        self.model = clf.fit(x, y)\n' };
  assert.deepEqual(await evidenceOf('scheduled-retraining', metaflowTraining), ['metaflow-schedule']);
});

test('Kubeflow Pipelines: a deploy step inside dsl.Condition on a metric is an evaluation gate', async () => {
  const tree = {
    'pipeline.py': [
      'from kfp import dsl',
      '@dsl.pipeline(name="train-deploy")',
      'def pipeline():',
      '    train = train_op()',
      '    with dsl.Condition(train.outputs["accuracy"] > 0.8):',
      '        deploy_op(model=train.outputs["model"])',
    ].join('\n'),
    'v2_pipeline.py': 'from kfp import dsl\n@dsl.pipeline\ndef p():\n    ev = evaluate()\n    with dsl.If(ev.outputs["val_auc"] >= 0.9):\n        register_model(ev.outputs["model"])\n',
  };
  assert.deepEqual(await evidenceOf('model-evaluation-gate', tree), ['kubeflow-metric-condition']);
});

test('near miss: dsl.Condition on a string flag or a non-metric number, or a metric condition with nothing to deploy', async () => {
  const tree = {
    'flag.py': 'from kfp import dsl\nwith dsl.Condition(train.outputs["launch_server"] == "true"):\n    deploy_op()\n',
    'coin.py': 'from kfp import dsl\nwith dsl.Condition(flip.output > 5):\n    deploy_op()\n',
    'report.py': 'from kfp import dsl\nwith dsl.Condition(train.outputs["accuracy"] > 0.8):\n    print_op("good")\n',
    'commented.py': 'from kfp import dsl\n# with dsl.Condition(train.outputs["accuracy"] > 0.8):\ndeploy_op()\n',
  };
  assert.deepEqual(await evidenceOf('model-evaluation-gate', tree), []);
});

test('Pachyderm pipeline specs (JSON or YAML) are pipelines over versioned data; one that trains retrains on new commits', async () => {
  const tree = {
    'model.py': 'import sklearn\n',
    'pachyderm/train.json': JSON.stringify({
      pipeline: { name: 'train' },
      transform: { image: 'team/trainer:1.2', cmd: ['python3', '/code/train.py', '--in', '/pfs/features'] },
      input: { pfs: { repo: 'features', glob: '/' } },
    }, null, 2),
    'specs/features.yaml': 'pipeline:\n  name: features\ntransform:\n  cmd: [python3, /code/featurize.py]\ninput:\n  cross:\n    - pfs: {repo: raw, glob: "/*"}\n    - pfs: {repo: params, glob: "/"}\n',
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['pachyderm-combined-input-pipeline', 'pachyderm-pipeline']);
  assert.deepEqual(await evidenceOf('data-versioning', tree), ['pachyderm-combined-input-spec', 'pachyderm-pipeline-spec']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree), ['pachyderm-retrains-on-new-data']);
});

test('near miss: a Pachyderm spec that only transforms data does not retrain; a JSON with a pipeline name but no PFS input is no spec', async () => {
  const tree = {
    'model.py': 'import sklearn\n',
    'split.json': JSON.stringify({ pipeline: { name: 'split' }, transform: { cmd: ['python', 'split.py', '--out', '/pfs/out/train.csv'] }, input: { pfs: { repo: 'raw', glob: '/' } } }),
    'ci/settings.json': JSON.stringify({ pipeline: { name: 'nightly' }, input: { path: 'data/' } }),
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['pachyderm-pipeline']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree), []);
});

test('a KFP metric condition in a notebook cell counts; the same condition in a markdown cell does not', async () => {
  const cell = 'from kfp import dsl\n@dsl.pipeline(name="p")\ndef p():\n    t = train_op()\n    with dsl.Condition(t.outputs["accuracy"] > 0.8):\n        deploy_op()\n';
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { 'pipeline.ipynb': notebook(cell) }), ['kubeflow-metric-condition']);
  const prose = JSON.stringify({
    cells: [
      { cell_type: 'code', metadata: {}, outputs: [], source: ['from kfp import dsl\n', 'deploy_op()\n'] },
      { cell_type: 'markdown', metadata: {}, source: ['Gate with `with dsl.Condition(t.outputs["accuracy"] > 0.8):`\n'] },
    ],
    metadata: {}, nbformat: 4, nbformat_minor: 5,
  }, null, 1);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { 'guide.ipynb': prose }), []);
});

test('a scheduled master DAG that triggers the training DAG retrains; one that triggers a report DAG does not', async () => {
  const master = (target: string) => [
    'from datetime import datetime',
    'from airflow import DAG',
    'from airflow.operators.trigger_dagrun import TriggerDagRunOperator',
    'with DAG("master", start_date=datetime(2024, 1, 1), schedule_interval="@weekly") as dag:',
    `    TriggerDagRunOperator(task_id="run_${target}", trigger_dag_id="${target}")`,
  ].join('\n');
  assert.deepEqual(await evidenceOf('scheduled-retraining', { 'dags/master.py': master('model_train_evaluate'), ...TRAIN_SCRIPT }), ['airflow-scheduled-dag']);
  assert.deepEqual(await evidenceOf('pipeline-definition', { 'dags/master.py': master('model_train_evaluate'), ...TRAIN_SCRIPT }), ['airflow-ml-dag']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', { 'dags/master.py': master('export_reports'), ...TRAIN_SCRIPT }), []);
});

test('near miss: a monitoring DAG whose task is named for the retraining it may trigger, the DAG id in a variable, is no pipeline and no retraining', async () => {
  // The triggered DAG, if the repository had it, would be evidence of its own; a task's name is not.
  const monitoring = [
    'from datetime import datetime',
    'from airflow import DAG',
    'from airflow.operators.trigger_dagrun import TriggerDagRunOperator',
    'RETRAIN_DAG_ID = CONFIG["retrain_dag_id"]',
    'with DAG("churn_monitoring", start_date=datetime(2024, 1, 1), schedule_interval="*/15 * * * *") as dag:',
    '    TriggerDagRunOperator(task_id="trigger_retrain", trigger_dag_id=RETRAIN_DAG_ID)',
  ].join('\n');
  assert.deepEqual(await evidenceOf('pipeline-definition', { 'dags/monitoring.py': monitoring, ...TRAIN_SCRIPT }), []);
  assert.deepEqual(await evidenceOf('scheduled-retraining', { 'dags/monitoring.py': monitoring, ...TRAIN_SCRIPT }), []);
});

test('a DAG task that runs a shell script which trains does ML work; near misses: a script that only copies files, a script named in a comment', async () => {
  const dag = (command: string) => [
    'from datetime import datetime',
    'from airflow import DAG',
    'from airflow.providers.amazon.aws.operators.batch import BatchOperator',
    'with DAG("weekly_scores", start_date=datetime(2024, 1, 1), schedule_interval="0 12 * * SUN") as dag:',
    `    BatchOperator(task_id="submit", job_name="scores", job_definition="scores", overrides={"command": [${command}]})`,
  ].join('\n');
  // The script is copied into the job's image, so the DAG names it by its path there.
  const job = (body: string) => ({ 'docker/scripts/run-scores.sh': `#!/usr/bin/env bash\nset -e\n${body}\n` });
  const trains = { 'dags/scores.py': dag('"/usr/local/bin/run-scores.sh"'), ...job('python churn_train.py\npython churn_score.py'), ...TRAIN_SCRIPT };
  assert.deepEqual(await evidenceOf('pipeline-definition', trains), ['airflow-ml-dag']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', trains), ['airflow-scheduled-dag']);

  const copies = { 'dags/scores.py': dag('"/usr/local/bin/run-scores.sh"'), ...job('aws s3 cp s3://bucket/in /data --recursive'), ...TRAIN_SCRIPT };
  assert.deepEqual(await evidenceOf('scheduled-retraining', copies), []);

  const commented = {
    'dags/scores.py': `${dag('"/usr/local/bin/export.sh"')}\n# previously: /usr/local/bin/run-scores.sh`,
    ...job('python churn_train.py'),
    ...TRAIN_SCRIPT,
  };
  assert.deepEqual(await evidenceOf('scheduled-retraining', commented), []);
});

test('an Airflow check operator on a model metric gates the tasks after it; near misses: a row-count check, a commented-out metric check', async () => {
  const dag = (check: string) => [
    'from airflow import DAG',
    'from airflow.providers.google.cloud.operators.bigquery import BigQueryValueCheckOperator',
    'with DAG("retrain", schedule_interval="@weekly") as dag:',
    `    ${check}`,
    '    check >> create_version',
  ].join('\n');
  const metric = 'check = BigQueryValueCheckOperator(task_id="check_rmse", sql="SELECT IF(rmse > 10.0, 1, 0) FROM eval", pass_value=0)';
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { 'dags/retrain.py': dag(metric), ...TRAIN_SCRIPT }), ['airflow-metric-check']);
  const rows = 'check = BigQueryValueCheckOperator(task_id="check_rows", sql="SELECT COUNT(*) > 0 FROM features", pass_value=True)';
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { 'dags/retrain.py': dag(rows), ...TRAIN_SCRIPT }), []);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { 'dags/retrain.py': dag(`# ${metric}`), ...TRAIN_SCRIPT }), []);
});
