/** MLRun: tracked runs, model artifacts, feature store, serving graphs, monitoring, workflows and images; positive cases and near misses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceOf, notebook } from './detect';

test('MLRun handlers: results and models logged through the run context, framework auto-logging', async () => {
  const tree = {
    'src/trainer.py': [
      'from sklearn.ensemble import RandomForestClassifier',
      'def train(context, dataset, n_estimators: int = 10):',
      '    model = RandomForestClassifier(n_estimators=n_estimators).fit(x, y)',
      '    context.log_result("accuracy", model.score(x_test, y_test))',
      '    context.log_model("clf", body=dumps(model), model_file="clf.pkl")',
    ].join('\n'),
    'src/auto.py': 'import mlrun.frameworks.sklearn as mlrun_sklearn\nmlrun_sklearn.apply_mlrun(model=model, model_name="clf", x_test=x_test, y_test=y_test)\n',
  };
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), ['mlrun-auto-logging', 'mlrun-handler-context']);
  assert.deepEqual(await evidenceOf('model-registry', tree), ['mlrun-model-artifact']);
});

test('MLRun project notebook: functions run, feature store, serving graph with monitoring, image build', async () => {
  const tree = {
    'project.ipynb': notebook(
      'import mlrun\nimport mlrun.feature_store as fstore\nproject = mlrun.get_or_create_project("churn", context="./")\n',
      'txns = fstore.FeatureSet("transactions", entities=[fstore.Entity("id")])\nfstore.ingest(txns, df)\n',
      'project.build_image(base_image="mlrun/mlrun", commands=["pip install lightgbm==4.1.0"])\n',
      'run = project.run_function("trainer", inputs={"dataset": uri})\nproject.log_model("clf", model_file="clf.pkl")\n',
      'serving = mlrun.code_to_function("serving", filename="serve.py", kind="serving", image="mlrun/mlrun")\n'
        + 'serving.add_model("clf", model_path=run.outputs["model"], class_name="ClassifierModel")\n'
        + 'serving.set_tracking()\nproject.deploy_function(serving)\n',
    ),
    'serve.py': 'from mlrun.serving import V2ModelServer\nclass ClassifierModel(V2ModelServer):\n    def predict(self, body):\n        return self.model.predict(body["inputs"]).tolist()\n',
  };
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), ['mlrun-run-logging']);
  assert.deepEqual(await evidenceOf('model-registry', tree), ['mlrun-log-model', 'mlrun-log-model-file']);
  assert.deepEqual(await evidenceOf('feature-store', tree), ['mlrun-feature-store', 'mlrun-feature-store-calls']);
  assert.deepEqual(await evidenceOf('model-serving', tree), ['mlrun-model-server-class', 'mlrun-serving-function', 'mlrun-serving-import', 'mlrun-serving-models']);
  assert.deepEqual(await evidenceOf('drift-monitoring', tree), ['mlrun-model-monitoring']);
  assert.deepEqual(await evidenceOf('environment-as-code', tree), ['mlrun-function-image']);
});

test('MLRun workflows: a workflow is a pipeline; scheduled, it retrains only when the file sets up a training function', async () => {
  const scheduled = {
    'pipeline.py': [
      'import mlrun',
      'project = mlrun.get_or_create_project("churn", context="./")',
      'project.set_function("src/trainer.py", name="trainer", kind="job", image="mlrun/mlrun")',
      'project.set_workflow("main", "src/workflow.py", schedule="0 3 * * *")',
    ].join('\n'),
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', scheduled), ['mlrun-project-workflow']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', scheduled), ['mlrun-scheduled-training-workflow']);

  const ingestOnly = {
    'pipeline.py': [
      'import mlrun',
      'project = mlrun.get_or_create_project("churn", context="./")',
      'project.set_function("src/ingest.py", name="ingest", kind="job", image="mlrun/mlrun")',
      'project.set_workflow("main", "src/workflow.py", schedule="0 3 * * *")',
      'invoker.run(params={"endpoint": url}, schedule="*/10 * * * *")',
    ].join('\n'),
  };
  assert.deepEqual(await evidenceOf('scheduled-retraining', ingestOnly), []);

  const unscheduled = {
    'pipeline.py': 'import mlrun\nproject = mlrun.get_or_create_project("churn")\nproject.set_function("src/trainer.py", name="trainer")\nproject.set_workflow("main", "src/workflow.py", schedule=None)\n',
  };
  assert.deepEqual(await evidenceOf('scheduled-retraining', unscheduled), []);

  const trainingJob = { 'jobs.py': 'import mlrun\ntrain_fn = mlrun.code_to_function("trainer", filename="trainer.py", kind="job")\ntrain_fn.run(handler="train", schedule="0 0 * * 0")\n' };
  assert.deepEqual(await evidenceOf('scheduled-retraining', trainingJob), ['mlrun-scheduled-training-function']);
});

test('MLRun project and function specs in YAML: workflows and image builds', async () => {
  const tree = {
    'project.yaml': 'kind: project\nmetadata: {name: churn}\nspec:\n  workflows:\n  - name: main\n    path: src/workflow.py\n    engine: kfp\n',
    'function.yaml': 'kind: job\nmetadata: {name: trainer}\nspec:\n  image: .trainer\n  build:\n    base_image: mlrun/mlrun\n    commands: [pip install lightgbm==4.1.0]\n',
  };
  assert.deepEqual(await evidenceOf('pipeline-definition', tree), ['mlrun-project-spec-workflow']);
  assert.deepEqual(await evidenceOf('environment-as-code', tree), ['mlrun-function-spec-base-image', 'mlrun-function-spec-build']);
});

test('near miss: the same method names without MLRun, and MLflow log_model beside MLRun, are no MLRun evidence', async () => {
  const tree = {
    'app.py': [
      'import logging',
      'ctx.log_result("rows", 10)',
      'registry.add_model("m", path)',
      'server.set_tracking()',
      'docker.build_image(base_image="python:3.11")',
      'builder.spec.build.commands = ["make"]',
      'class MyServer(ModelServer):',
      '    pass',
    ].join('\n'),
    'train.py': 'import mlflow\nimport mlrun\nmlflow.sklearn.log_model(model, "model")\n',
  };
  assert.deepEqual(await evidenceOf('experiment-tracking', tree), ['mlflow-logging']);
  assert.deepEqual(await evidenceOf('model-registry', tree), []);
  assert.deepEqual(await evidenceOf('model-serving', tree), []);
  assert.deepEqual(await evidenceOf('drift-monitoring', tree), []);
  assert.deepEqual(await evidenceOf('environment-as-code', tree), []);
  assert.deepEqual(await evidenceOf('feature-store', tree), []);
});

test('MLRun notebooks: build commands set on a function spec, a model server class defined in a cell', async () => {
  const tree = {
    'serving.ipynb': notebook(
      'import mlrun\nfrom mlrun.frameworks.sklearn import SklearnModelServer\n',
      'class ChurnServer(SklearnModelServer):\n    def preprocess(self, body, op):\n        return body\n',
      'fn = mlrun.code_to_function("churn", filename="serving.ipynb", image="mlrun/mlrun")\nfn.spec.build.commands = ["pip install lightgbm==4.1.0"]\n',
    ),
  };
  assert.deepEqual(await evidenceOf('environment-as-code', tree), ['mlrun-build-spec']);
  assert.deepEqual(await evidenceOf('model-serving', tree), ['mlrun-model-server-class']);
});
