/** ML platform SDKs (Azure ML, SageMaker, Vertex AI, Databricks, ZenML, MLflow Recipes, ...): positive cases and near misses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceOf, notebook } from './detect';

test('Azure ML v1: run.log, versioned datasets, pipelines and registration, in scripts and notebooks', async () => {
  const tree = {
    'train.py': [
      'from azureml.core import Run, Dataset',
      'run = Run.get_context()',
      'ds = Dataset.Tabular.from_delimited_files(path)',
      'ds = ds.register(workspace=ws, name="diabetes", create_new_version=True)',
      'run.log("mse", mse)',
      'run.parent.log("mse", mse)',
    ].join('\n'),
    'build_pipeline.py': [
      'from azureml.pipeline.core import Pipeline',
      'from azureml.pipeline.steps import PythonScriptStep',
      'train = PythonScriptStep(script_name="train.py")',
      'pipeline = Pipeline(workspace=ws, steps=[train])',
    ].join('\n'),
    'register.ipynb': notebook('from azureml.core import Run\nrun = Run.get_context()\n', 'run.register_model(model_name="m", model_path="outputs/m.pkl")\n'),
  };
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), ['azureml-run-logging']);
  assert.deepEqual(await evidenceOf('data-versioning', tree), ['azureml-dataset-new-version']);
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['azureml-v1-pipeline']);
  assert.deepEqual(await evidenceOf('model-registry', tree), ['azureml-run-register-model']);
});

test('near miss: run.log and .register in a file without the Azure ML SDK are not Azure ML', async () => {
  const tree = {
    'job.py': 'import logging\nrun = Runner()\nrun.log("x", 1)\nplugins.register(name="a", create_new_version=True)\nrun.register_model("m")\n',
  };
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), []);
  assert.deepEqual(await evidenceOf('data-versioning', tree), []);
  assert.deepEqual(await evidenceOf('model-registry', tree), []);
});

test('Azure ML v2: ml_client.models.create_or_update, data assets, pipeline and monitoring specs', async () => {
  const tree = {
    'register.py': 'from azure.ai.ml import MLClient\nfrom azure.ai.ml.entities import Model, Data\nml_client = MLClient(cred)\nml_client.models.create_or_update(m)\nml_client.data.create_or_update(Data(name="taxi", path="data/", version="3"))\n',
    'pipelines/train-job.yml': '$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json\ntype: pipeline\njobs: {}\n',
    'monitoring/drift.yml': '$schema: https://azuremlschemas.azureedge.net/latest/schedule.schema.json\nname: drift\ntrigger: {type: recurrence, frequency: day, interval: 1}\ncreate_monitor:\n  monitoring_signals:\n    drift: {type: data_drift}\n',
  };
  assert.deepEqual(await evidenceOf('model-registry', tree), ['azureml-ml-client-models']);
  assert.deepEqual(await evidenceOf('data-versioning', tree), ['azureml-data-asset']);
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['azureml-pipeline-job']);
  assert.deepEqual(await evidenceOf('drift-monitoring', tree), ['azureml-monitor-schedule-spec']);
  // A monitoring schedule is not a training schedule.
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree), []);
});

test('Azure ML interpretability: TabularExplainer is explainability', async () => {
  const tree = { 'explain.py': 'from azureml.interpret import ExplanationClient\nfrom interpret.ext.blackbox import TabularExplainer\nexplainer = TabularExplainer(model, x_train)\n' };
  assert.deepEqual(await evidenceOf('explainability', tree), ['azureml-interpret', 'interpret']);
});

test('Azure Responsible AI: the explanation component is explainability, the scorecard\'s fairness section fairness', async () => {
  const tree = {
    'pipeline.yml': [
      '$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json',
      'type: pipeline',
      'jobs:',
      '  create_rai: {type: command, component: azureml:rai_tabular_insight_constructor@latest}',
      '  explain: {type: command, component: azureml:rai_tabular_explanation@latest}',
      '  scorecard: {type: command, component: azureml:rai_tabular_score_card@latest}',
    ].join('\n'),
    'scorecard_config.json': JSON.stringify({ Model: { ModelName: 'churn' }, Fairness: { metric: ['accuracy_score'], sensitive_features: ['gender'] } }),
    'rai.ipynb': notebook('from responsibleai import RAIInsights\nfrom raiwidgets import FairnessDashboard\n', 'rai = RAIInsights(model, train, test, "y", "classification")\nrai.explainer.add()\nrai.compute()\n', 'FairnessDashboard(sensitive_features=a, y_true=y, y_pred=p)\n'),
    'build.py': 'from azure.ai.ml import MLClient\nreg = MLClient(cred, registry_name="azureml")\nexplain = reg.components.get(name="rai_tabular_explanation", version="1")\n',
  };
  assert.deepEqual(await evidenceOf('explainability', tree), ['azureml-rai-explanation-component', 'azureml-rai-explanation-component-sdk', 'responsible-ai-explanations']);
  assert.deepEqual(await evidenceOf('fairness', tree), ['azureml-rai-scorecard-fairness', 'responsible-ai-fairness-dashboard']);
});

test('near miss: RAI insights without an explanation or fairness tool, sensitive columns only named', async () => {
  const tree = {
    'pipeline.yml': 'type: pipeline\njobs:\n  create_rai: {type: command, component: azureml:rai_tabular_insight_constructor@latest}\n  errors: {type: command, component: azureml:rai_tabular_erroranalysis@latest}\n',
    'evaluate.ipynb': notebook('from responsibleai import RAIInsights\nSENSITIVE_COLS = ["gender"]  # for the fairlearn dashboard\nrai = RAIInsights(model, train, test, "y", "classification")\nrai.error_analysis.add()\n'),
  };
  assert.deepEqual(await evidenceOf('explainability', tree), []);
  assert.deepEqual(await evidenceOf('fairness', tree), []);
});

test('SageMaker: pipelines with a ConditionStep gate, registration, experiments, Model Monitor and Clarify', async () => {
  const tree = {
    'pipeline.ipynb': notebook(
      'from sagemaker.workflow.pipeline import Pipeline\nfrom sagemaker.workflow.condition_step import ConditionStep\nfrom sagemaker.workflow.step_collections import RegisterModel\n',
      'register = RegisterModel(name="m", estimator=est, model_package_group_name="churn")\ncond = ConditionStep(name="AccuracyCheck", conditions=[c], if_steps=[register], else_steps=[])\n',
      'pipeline = Pipeline(name="p", steps=[train, evaluate, cond])\n',
    ),
    'track.py': 'from sagemaker.experiments.run import Run\nwith Run(experiment_name="churn") as run:\n    run.log_metric("auc", auc)\n',
    'monitor.py': 'from sagemaker.model_monitor import DefaultModelMonitor, DataCaptureConfig\nmonitor = DefaultModelMonitor(role=role)\n',
    'clarify.py': 'from sagemaker import clarify\nshap = clarify.SHAPConfig(baseline=[row])\nbias = clarify.BiasConfig(label_values_or_threshold=[1], facet_name="age")\n',
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['sagemaker-pipeline']);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', tree), ['sagemaker-condition-step']);
  // The notebook imports the SageMaker SDK: its model package group counts as in a script.
  assert.deepEqual(await evidenceOf('model-registry', tree), ['sagemaker-model-package-notebook', 'sagemaker-register-step']);
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), ['sagemaker-experiments']);
  assert.deepEqual(await evidenceOf('drift-monitoring', tree), ['sagemaker-model-monitor', 'sagemaker-model-monitors']);
  assert.deepEqual(await evidenceOf('explainability', tree), ['sagemaker-clarify-shap']);
  assert.deepEqual(await evidenceOf('fairness', tree), ['sagemaker-clarify-bias']);
});

test('SageMaker @step pipelines: the function steps are a pipeline, model.register into a group is the registry', async () => {
  const tree = {
    'pipeline.ipynb': notebook(
      'from sagemaker.workflow.function_step import step\nfrom sagemaker.workflow.pipeline import Pipeline\nfrom sagemaker.sklearn import SKLearnModel\n',
      '@step(name="train", instance_type="ml.m5.xlarge")\ndef train(df):\n    return fit(df)\n',
      '@step(name="register")\ndef register(model_uri):\n    model = SKLearnModel(model_data=model_uri, role=role)\n'
        + '    model.register(model_package_group_name="churn", content_types=["text/csv"], response_types=["text/csv"])\n',
    ),
    'create_group.py': 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_model_package_group(ModelPackageGroupName="churn")\n',
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['sagemaker-function-steps']);
  assert.deepEqual(await evidenceOf('model-registry', tree), ['sagemaker-model-package', 'sagemaker-model-package-api', 'sagemaker-model-package-notebook', 'sagemaker-model-register']);
});

test('near miss: register(model_package_group_name=...) and a @step decorator without the SageMaker SDK', async () => {
  const tree = {
    'plugins.ipynb': notebook('from myapp.steps import step\n@step(name="train")\ndef train(df):\n    pass\n', 'catalog.register(model_package_group_name="churn")\n'),
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), []);
  assert.deepEqual(await evidenceOf('model-registry', tree), []);
});

test('Step Functions Data Science SDK: a workflow is a pipeline, a numeric choice on a metric a gate, experiment_config tracking', async () => {
  const tree = {
    'run_pipeline.py': [
      'from stepfunctions import steps',
      'from stepfunctions.workflow import Workflow',
      'training = steps.TrainingStep("Train", estimator=est, experiment_config={"ExperimentName": name})',
      'rule = steps.choice_rule.ChoiceRule.NumericLessThan(variable=query.output()["rmse"], value=10)',
      'workflow = Workflow("train", steps.states.Chain([training, check]), role)',
    ].join('\n'),
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['sagemaker-step-functions-workflow']);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', tree), ['step-functions-metric-choice']);
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), ['sagemaker-experiment-config']);
});

test('near miss: experiment_config outside SageMaker code, a string choice rule', async () => {
  const tree = {
    'app.py': 'def run(experiment_config=None):\n    pass\nrun(experiment_config={"a": 1})\n',
    'flow.py': 'from stepfunctions import steps\nrule = steps.choice_rule.ChoiceRule.StringEquals(variable=v, value="Completed")\n',
  };
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), []);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', tree), []);
});

test('Vertex AI: pipeline jobs, experiments, model upload, explanation metadata, deployment monitoring', async () => {
  const tree = {
    'vertex.ipynb': notebook(
      'from google.cloud import aiplatform as vertex_ai\nfrom google.cloud import aiplatform_v1beta1 as vertex_ai_beta\n',
      'vertex_ai.init(project=p, experiment="churn")\nvertex_ai.start_run("run-1")\nvertex_ai.log_metrics({"auc": auc})\n',
      'meta = vertex_ai.explain.ExplanationMetadata(inputs=i, outputs=o)\nmodel = vertex_ai.Model.upload(display_name="m", explanation_metadata=meta)\n',
      'job = vertex_ai_beta.ModelDeploymentMonitoringJob(display_name="drift")\n',
      'vertex_ai.PipelineJob(display_name="train", template_path="pipeline.json").submit()\n',
    ),
  };
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), ['vertex-experiments']);
  assert.deepEqual(await evidenceOf('model-registry', tree), ['vertex-model-upload']);
  assert.deepEqual(await evidenceOf('explainability', tree), ['vertex-explanation-metadata']);
  assert.deepEqual(await evidenceOf('drift-monitoring', tree), ['vertex-model-deployment-monitoring']);
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['vertex-pipeline-job']);
});

test('Databricks asset bundles: multi-task training job, schedule, experiment and registered model resources', async () => {
  const tree = {
    'databricks.yml': 'bundle: {name: churn}\ninclude: [resources/*.yml]\n',
    'resources/training.yml': [
      'resources:',
      '  jobs:',
      '    training_job:',
      '      tasks:',
      '        - task_key: Train',
      '          notebook_task: {notebook_path: ../training/Train.py}',
      '        - task_key: Validate',
      '          depends_on: [{task_key: Train}]',
      '          notebook_task: {notebook_path: ../validation/Validate.py}',
      '      schedule:',
      '        quartz_cron_expression: "0 0 9 * * ?"',
      '        timezone_id: UTC',
    ].join('\n'),
    'resources/artifacts.yml': 'resources:\n  experiments:\n    experiment: {name: /Shared/churn}\n  registered_models:\n    model: {name: churn, catalog_name: main, schema_name: ml}\n',
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['databricks-bundle-multitask-job', 'databricks-bundle-task-dependencies']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree), ['databricks-bundle-scheduled-training', 'databricks-bundle-training-cron']);
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), ['databricks-bundle-experiment']);
  assert.deepEqual(await evidenceOf('model-registry', tree), ['databricks-bundle-registered-model']);
});

test('near miss: a one-task scheduled bundle job that does not train', async () => {
  const tree = {
    'resources/report.yml': 'resources:\n  jobs:\n    nightly_report:\n      tasks:\n        - task_key: refresh_dashboard\n          notebook_task: {notebook_path: ../Report.py}\n      schedule: {quartz_cron_expression: "0 0 1 * * ?", timezone_id: UTC}\n',
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), []);
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree), []);
});

test('Databricks: mlflow.evaluate thresholds gate, client promotion, Lakehouse monitoring', async () => {
  const tree = {
    'validate.ipynb': notebook('import mlflow\n', 'mlflow.evaluate(model_uri, data, targets="y", model_type="regressor", validation_thresholds=thresholds)\n'),
    'deploy.py': 'from mlflow.tracking import MlflowClient\nclient = MlflowClient()\nclient.set_registered_model_alias(name, "champion", version)\n',
    'monitor.py': 'from databricks import lakehouse_monitoring as lm\nlm.create_monitor(table_name=t, profile_type=lm.InferenceLog(problem_type="regression"))\n',
  };
  assert.deepEqual(await evidenceOf('model-evaluation-gate', tree), ['mlflow-evaluate-thresholds', 'mlflow-validation-thresholds']);
  assert.deepEqual(await evidenceOf('model-registry', tree), ['mlflow-client-stages']);
  assert.deepEqual(await evidenceOf('drift-monitoring', tree), ['databricks-lakehouse-monitoring']);
});

test('champion/challenger: a comparison with the production model next to a promotion is a gate', async () => {
  const gate = {
    'steps/promote.py': [
      'from zenml.client import Client',
      'prod_accuracy = Client().get_model_version(name, "production").run_metadata["accuracy"]',
      'if accuracy > prod_accuracy:',
      '    current.set_stage("production", force=True)',
    ].join('\n'),
  };
  assert.deepEqual(await evidenceOf('model-evaluation-gate', gate), ['champion-challenger-promotion']);
  const noPromotion = { 'steps/report.py': 'if accuracy > prod_accuracy:\n    print("better")\n' };
  assert.deepEqual(await evidenceOf('model-evaluation-gate', noPromotion), []);
  const earlyStopping = { 'train.py': 'if val_loss < best_loss:\n    best_loss = val_loss\nmlflow.register_model(uri, "m")\n' };
  assert.deepEqual(await evidenceOf('model-evaluation-gate', earlyStopping), []);
});

test('ZenML: Model Control Plane, artifact versions, experiment tracker, Evidently data quality', async () => {
  const tree = {
    'pipelines/training.py': [
      'from zenml import Model, pipeline, step',
      'from zenml.client import Client',
      'from zenml.integrations.evidently.steps import evidently_report_step',
      'from zenml.integrations.evidently.metrics import EvidentlyMetricConfig',
      'report = evidently_report_step.with_options(parameters=dict(metrics=[EvidentlyMetricConfig.metric("DataQualityPreset")]))',
      '@step(experiment_tracker="mlflow")',
      'def train(x): ...',
      '@pipeline(model=Model(name="churn"))',
      'def training():',
      '    data = Client().get_artifact_version("dataset", version="3")',
    ].join('\n'),
  };
  assert.deepEqual(await evidenceOf('model-registry', tree), ['zenml-model-control-plane']);
  assert.deepEqual(await evidenceOf('data-versioning', tree), ['zenml-artifact-version']);
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), ['zenml-experiment-tracker']);
  assert.deepEqual(await evidenceOf('data-validation', tree), ['zenml-evidently-data-quality']);
});

test('MLflow Recipes: recipe.yaml is a pipeline that tracks runs and registers the model', async () => {
  const tree = { 'recipe.yaml': 'recipe: "regression/v1"\ntarget_col: fare\nsteps:\n  ingest: {using: parquet}\n  train: {using: custom}\n  register:\n    allow_non_validated_model: false\n' };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['mlflow-recipe']);
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), ['mlflow-recipe']);
  assert.deepEqual(await evidenceOf('model-registry', tree), ['mlflow-recipe-register-step']);
  const otherRecipe = { 'recipe.yaml': 'recipe: pancakes\nsteps:\n  register: {}\n' };
  assert.deepEqual(await evidenceOf('pipeline-definition', otherRecipe), []);
});

test('Kedro catalog versioned datasets, W&B dataset artifacts; near misses: unversioned entries, model artifacts', async () => {
  const versioned = {
    'conf/base/catalog.yml': 'companies:\n  type: pandas.CSVDataset\n  filepath: data/01_raw/companies.csv\nregressor:\n  type: pickle.PickleDataset\n  filepath: data/06_models/regressor.pickle\n  versioned: true\n',
    'prep.py': 'import wandb\nrun = wandb.init()\nartifact = wandb.Artifact("taxi", type="preprocessed_dataset")\nrun.log_artifact(artifact)\n',
  };
  assert.deepEqual(await evidenceOf('data-versioning', versioned), ['kedro-versioned-dataset', 'wandb-dataset-artifact']);
  const unversioned = {
    'conf/base/catalog.yml': 'companies:\n  type: pandas.CSVDataset\n  filepath: data/01_raw/companies.csv\n  versioned: false\n',
    'save.py': 'import wandb\nartifact = wandb.Artifact("clf", type="model")\n',
  };
  assert.deepEqual(await evidenceOf('data-versioning', unversioned), []);
});

test('spaCy project workflows are pipelines; a project.yml without workflows is not', async () => {
  const spacy = { 'project.yml': 'title: NER\nworkflows:\n  all: [convert, train, evaluate]\ncommands:\n  - name: train\n    script: ["python -m spacy train configs/config.cfg"]\n' };
  assert.deepEqual(await evidenceOf('pipeline-definition', spacy), ['spacy-project-workflow']);
  const other = { 'project.yml': 'title: Site\nauthors: [a]\n' };
  assert.deepEqual(await evidenceOf('pipeline-definition', other), []);
});

test('Metaflow counts as experiment tracking when past runs are read back through the Client API', async () => {
  const flowOnly = { 'flow.py': 'from metaflow import FlowSpec, step, Parameter\nclass Train(FlowSpec):\n    @step\n    def start(self):\n        self.next(self.end)\n' };
  assert.deepEqual(await evidenceOf('experiment-tracking', flowOnly), []);
  const queried = { ...flowOnly, 'analyze.py': 'from metaflow import Flow\nfor run in Flow("Train").runs():\n    print(run.data.accuracy)\n' };
  assert.deepEqual(await evidenceOf('experiment-tracking', queried), ['metaflow-client-runs']);
});

test('Databricks bundle templates with `{{ }}` directives are still read line by line', async () => {
  const tree = {
    'resources/training.yml': [
      'resources:',
      '  jobs:',
      '    training_job:',
      '      tasks:',
      '        - task_key: Train',
      '          {{ if .use_feature_store }}notebook_task:',
      '            notebook_path: ../training/Train.py{{ end }}',
      '        - task_key: Deploy',
      '          depends_on:',
      '            - task_key: Train',
      '      schedule:',
      '        quartz_cron_expression: "0 0 9 * * ?"',
    ].join('\n'),
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['databricks-bundle-task-dependencies']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree), ['databricks-bundle-training-cron']);
  const scoring = { 'resources/scoring.yml': tree['resources/training.yml'].replaceAll('Train', 'Score') };
  assert.deepEqual(await evidenceOf('scheduled-retraining', scoring), []);
});
