/**
 * Layouts of automated delivery seen in real team projects: Mage pipelines and their
 * triggers, promotion of the best model, behavioural model tests, deploy scripts and azd
 * in CI, LLM SDKs as ML code. Positive cases and near misses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditTree, evidenceOf } from './detect';

const ML = { 'train.py': 'import sklearn\n' };

const mageBlock = (uuid: string, up: string[]) =>
  [`- uuid: ${uuid}`, `  name: ${uuid}`, '  type: custom', `  upstream_blocks: [${up.join(', ')}]`, '  downstream_blocks: []'].join('\n');
const MAGE_PIPELINE = `blocks:\n${mageBlock('load_data', [])}\n${mageBlock('train_evaluate', ['load_data'])}\nname: training_workflow\ntype: python\n`;
const trigger = (status: string, type = 'time') =>
  `triggers:\n- name: weekly_training\n  pipeline_uuid: training_workflow\n  schedule_interval: '@weekly'\n  schedule_type: ${type}\n  status: ${status}\n`;

test('a Mage pipeline with wired blocks is pipeline as code; one block alone, or no ML code, is not', async () => {
  assert.deepEqual(await evidenceOf('pipeline-definition', { ...ML, 'mage/pipelines/training_workflow/metadata.yaml': MAGE_PIPELINE }), ['mage-pipeline']);
  const single = `blocks:\n${mageBlock('load_data', [])}\nname: export\n`;
  assert.deepEqual(await evidenceOf('pipeline-definition', { ...ML, 'mage/pipelines/export/metadata.yaml': single }), []);
  assert.deepEqual(await evidenceOf('pipeline-definition', { 'mage/pipelines/training_workflow/metadata.yaml': MAGE_PIPELINE }), [], 'an ETL-only Mage project');
});

test('an active time trigger of a Mage training pipeline is scheduled retraining; an inactive or API trigger, or another pipeline, is not', async () => {
  const tree = (folder: string, text: string) => ({ ...ML, [`mage/pipelines/${folder}/triggers.yaml`]: text });
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree('training_workflow', trigger('active'))), ['mage-scheduled-training']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree('training_workflow', trigger('inactive'))), []);
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree('training_workflow', trigger('active', 'api'))), []);
  assert.deepEqual(await evidenceOf('scheduled-retraining', tree('batch_inference', trigger('active'))), []);
});

const PROMOTE = (comparison: string) => [
  'from mlflow import MlflowClient',
  'client = MlflowClient()',
  comparison,
  '    client.transition_model_version_stage(name, version, stage="Production")',
].join('\n');

test('promotion that compares with the current model or a metric floor is an evaluation gate; a comparison without promotion is not', async () => {
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'register.py': PROMOTE('if new_r2 > current_r2:') }), ['champion-challenger-promotion']);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'register.py': PROMOTE('if (r2 > 0.3 and mse < 0.01):') }), ['champion-challenger-promotion']);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'train.py': 'if epoch > current_epoch:\n    save(model)\n' }), []);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'register.py': PROMOTE('if version > 3:') }), [], 'no metric, no model comparison');
});

test('a candidate checked against a named metric floor before a registration helper is called is an evaluation gate; a floor with nothing registered is not', async () => {
  const retrain = (register: string) => [
    'MIN_VALID_PR_AUC = 0.55',
    'def evaluate_candidate(summary):',
    '    if summary["pr_auc_valid"] < MIN_VALID_PR_AUC:',
    '        raise RuntimeError("candidate rejected")',
    'def main():',
    '    evaluate_candidate(summary)',
    `    ${register}`,
  ].join('\n');
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'retrain.py': retrain('register_model_version(summary, name)') }), ['champion-challenger-promotion']);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'retrain.py': retrain('save_report(summary)') }), []);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'retrain.py': retrain('self.register_buffer("mask", mask)') }), [], 'a torch buffer is no registration');
});

test('choosing the best registered version by a metric and promoting it is an evaluation gate; promoting the latest is not', async () => {
  const best = [
    'versions = client.search_model_versions(f"name=\'{name}\'")',
    'best_metric_value = -1',
    'for v in versions:',
    '    if better(metric(v), best_metric_value):',
    '        best_metric_value, best = metric(v), v.version',
    'client.set_registered_model_alias(name, "production", best)',
  ].join('\n');
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'select.py': best }), ['best-registered-version-promotion']);
  const latest = 'versions = client.search_model_versions("name=\'churn\'")\nclient.set_registered_model_alias("churn", "production", versions[0].version)\n';
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'select.py': latest }), []);
});

test('behavioural tests of a trained model (invariance, directional, minimum functionality) are an evaluation gate; the names outside tests are not', async () => {
  const tests = 'def test_invariance(input_a, input_b, label, predictor):\n    assert predict(predictor, input_a) == label\n';
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'tests/model/test_behavioral.py': tests }), ['behavioural-model-tests']);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'src/checks.py': tests }), []);
  assert.deepEqual(await evidenceOf('model-evaluation-gate', { ...ML, 'tests/test_invariants.py': 'def test_invariants_hold():\n    assert True\n' }), []);
});

const workflow = (on: string, run: string) =>
  `on: ${on}\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;

test('a deploy shell script or azd deploy on push is continuous deployment; on pull requests, or for the docs, it is not', async () => {
  const cd = (on: string, run: string) => evidenceOf('continuous-deployment', { ...ML, '.github/workflows/deploy.yml': workflow(on, run) });
  assert.deepEqual(await cd('[push]', './deploy_app.sh'), ['deployment-script']);
  assert.deepEqual(await cd('[push]', 'bash scripts/deploy.sh production'), ['deployment-script']);
  assert.deepEqual(await cd('[push]', 'azd deploy --no-prompt'), ['cloud-deploy']);
  assert.deepEqual(await cd('[pull_request]', './deploy_app.sh'), []);
  assert.deepEqual(await cd('[push]', 'bash docs/deploy.sh'), []);
  assert.deepEqual(await cd('[push]', 'azd provision --no-prompt'), [], 'provisioning alone deploys no model or app');
});

test('an application built on an LLM SDK holds ML code, so its CI/CD counts for level 1; the same CI without ML code stays at level 0', async () => {
  const repo = (code: string) => ({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'src/chat.py': code,
    '.github/workflows/deploy.yml': workflow('[push]', 'azd deploy --no-prompt'),
  });
  const llm = await auditTree(repo('import prompty\n\nprompty.execute("chat.prompty")\n'));
  assert.equal(llm.level.current, 1, llm.level.decidedBy);
  const web = await auditTree(repo('import flask\n\napp = flask.Flask(__name__)\n'));
  assert.equal(web.level.current, 0);
  assert.match(web.level.decidedBy, /imports of ML libraries: found 0, at least 1 needed/);
});

test('the run-pipeline command of SageMaker project templates in CI is ML in CI; installing the package is not', async () => {
  const mlci = (run: string) => evidenceOf('ml-in-ci', { ...ML, '.github/workflows/build.yml': workflow('[push]', run) });
  assert.deepEqual(await mlci('run-pipeline --module-name pipelines.abalone.pipeline --role-arn $ROLE'), ['ml-job-in-ci']);
  assert.deepEqual(await mlci('pip install -e . # provides run-pipeline'), []);
});

test('GitOps: an Argo CD Application with automated sync, or a Flux Kustomization, deploys what lands; near misses: manual sync, an Argo Workflow, a commented-out policy', async () => {
  const app = (sync: string) => `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api\nspec:\n  source:\n    path: charts/api\n  syncPolicy:\n${sync}\n`;
  assert.deepEqual(await evidenceOf('continuous-deployment', { 'deploy/app.yaml': app('    automated: {prune: true, selfHeal: true}') }), ['argocd-auto-sync']);
  assert.deepEqual(await evidenceOf('continuous-deployment', { 'deploy/app.yaml': app('    syncOptions: [CreateNamespace=true]') }), []);
  assert.deepEqual(await evidenceOf('continuous-deployment', { 'deploy/app.yaml': app('    # automated: {}') }), []);
  assert.deepEqual(await evidenceOf('continuous-deployment', { 'wf.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec:\n  entrypoint: train\n' }), []);
  const flux = 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: api\nspec:\n  interval: 5m\n  path: ./k8s\n';
  assert.deepEqual(await evidenceOf('continuous-deployment', { 'clusters/prod/api.yaml': flux }), ['flux-reconciliation']);
  assert.deepEqual(await evidenceOf('continuous-deployment', { 'k8s/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deploy.yaml]\n' }), [], 'a plain kustomize file deploys nothing by itself');
});

test('pointing an Azure Web App at a new image on push is continuous deployment; by hand it is not', async () => {
  const workflow = (on: string) => `on: ${on}\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az webapp config container set --name api --resource-group rg --container-image-name acme/api:latest\n`;
  assert.deepEqual(await evidenceOf('continuous-deployment', { '.github/workflows/deploy.yml': workflow('{push: {branches: [main]}}') }), ['cloud-deploy']);
  assert.deepEqual(await evidenceOf('continuous-deployment', { '.github/workflows/deploy.yml': workflow('workflow_dispatch') }), []);
});
