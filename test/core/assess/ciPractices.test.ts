/** The shipped CI practices on tiny in-memory repositories: what counts, and the near misses that must not. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { audit } from '../../../src/core/audit';
import { EMPTY_CONFIG } from '../../../src/core/config/config';
import type { PracticeStatus } from '../../../src/core/model/knowledge';
import { knowledge, TEST_TOOL } from '../../helpers/auditFixture';
import { createMemoryHost } from '../../helpers/memoryHost';

const PRACTICES = ['ci', 'ci-runs-tests', 'ml-in-ci', 'continuous-deployment', 'scheduled-retraining'] as const;

/** A test module, so that a runner CI starts has tests to run. */
const TESTS = { 'tests/test_features.py': 'def test_scale():\n    assert scale([2]) == [1]\n' };

async function statuses(files: Record<string, string>, tests: Record<string, string> = TESTS): Promise<Record<string, PracticeStatus>> {
  const report = await audit(createMemoryHost({ ...tests, ...files }), { knowledge: knowledge(), config: EMPTY_CONFIG, rootName: 'repo', tool: TEST_TOOL });
  return Object.fromEntries(report.practices.filter((p) => (PRACTICES as readonly string[]).includes(p.id)).map((p) => [p.id, p.status]));
}

const workflow = (on: string, ...run: string[]) =>
  `on: ${on}\njobs:\n  job:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${run.map((r) => `      - run: ${r}\n`).join('')}`;

describe('CI practices on small repositories', () => {
  it('ci: a workflow run by hand, on a schedule, or doing housekeeping is no CI', async () => {
    for (const file of [
      workflow('workflow_dispatch', 'make test'),
      workflow('{schedule: [{cron: "0 0 1 * *"}]}', 'make pdf'),
      workflow('[push, pull_request]', 'python check_order.py'),
      'on: pull_request\njobs:\n  stale:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/stale@v9\n',
      // Releasing only: copying a tag to a branch, bumping the version, drafting release notes.
      workflow('push', 'git config user.name bot', 'bump-my-version bump patch', 'git push --follow-tags'),
      'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: googleapis/release-please-action@v4\n',
      workflow('{push: {tags: ["v*"]}}', 'make test'),
    ]) {
      assert.equal((await statuses({ '.github/workflows/w.yml': file, 'check_order.py': '' })).ci, 'absent', file);
    }
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('pull_request', 'make test') })).ci, 'present');
    // Release bookkeeping beside real work is CI.
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('push', 'git fetch --tags', 'python -m build') })).ci, 'present');
    // A GitLab file that only includes shared configuration runs its jobs on every push.
    assert.equal((await statuses({ '.gitlab-ci.yml': 'include:\n  - project: group/ci-templates\n    file: python.yml\n' })).ci, 'present');
  });

  it('ci-runs-tests: tests reached through make, a script or a job spec count; a commented line does not', async () => {
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('push', 'pip install pytest && echo "# pytest -q"', '"# pytest -q"') }))['ci-runs-tests'], 'absent');
    assert.equal((await statuses({ '.github/workflows/w.yml': 'on: push\njobs:\n  t:\n    steps:\n      - run: |\n          pip install -r requirements.txt\n          # pytest -q\n' }))['ci-runs-tests'], 'absent');
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('push', 'make check'), Makefile: 'check: lint\n\tpython -m pytest\nlint:\n\truff .\n' }))['ci-runs-tests'], 'present');
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('push', 'rm -rf .tox/ && make build'), Makefile: 'build:\n\tpython -m build\n' }))['ci-runs-tests'], 'absent');
  });

  it('ci-runs-tests: a runner CI starts in a repository without tests runs nothing (the stock workflow); with a test module it runs them', async () => {
    const stock = { '.github/workflows/python-app.yml': workflow('[push, pull_request]', 'flake8 . --count', 'pytest') };
    assert.deepEqual(await statuses(stock, {}), { ci: 'present', 'ci-runs-tests': 'absent', 'ml-in-ci': 'absent', 'continuous-deployment': 'absent', 'scheduled-retraining': 'absent' });
    assert.equal((await statuses(stock, { 'src/test_model.py': 'def test_fit():\n    assert fit() is not None\n' }))['ci-runs-tests'], 'present');
  });

  it('ci-runs-tests: tox and nox count by the environments and sessions CI names; a lint-only one does not; an unread configuration counts by name', async () => {
    const tox = '[tox]\nenvlist = py311, lint\n\n[testenv]\ncommands = pytest {posargs}\n\n[testenv:lint]\nskip_install = true\ncommands =\n    flake8 src\n    black --check .\n';
    const noxfile = [
      'import nox',
      '',
      '@nox.session(name="lint")',
      'def lint_code(session):',
      '    session.install("ruff")',
      '    session.run("ruff", "check", ".")',
      '',
      '@nox.session(python=["3.11", "3.12"])',
      'def tests(session):',
      '    session.run("pytest", "-q", *session.posargs)',
      '',
    ].join('\n');
    const runs = async (files: Record<string, string>, ...run: string[]) => (await statuses({ '.github/workflows/w.yml': workflow('pull_request', 'pip install tox nox', ...run), ...files }))['ci-runs-tests'];
    assert.equal(await runs({ 'tox.ini': tox }, 'tox -e lint'), 'absent');
    assert.equal(await runs({ 'tox.ini': tox }, 'python -m tox -e lint,lint'), 'absent');
    assert.equal(await runs({ 'tox.ini': tox }, 'tox -e lint -e py311'), 'present');
    assert.equal(await runs({ 'tox.ini': tox }, 'tox'), 'present');
    assert.equal(await runs({ 'noxfile.py': noxfile }, 'nox -s lint'), 'absent');
    assert.equal(await runs({ 'noxfile.py': noxfile }, 'uvx nox --session lint'), 'absent');
    assert.equal(await runs({ 'noxfile.py': noxfile }, 'nox -s tests-3.12'), 'present');
    assert.equal(await runs({ 'noxfile.py': noxfile }, 'nox'), 'present');
    // A lint run beside a test run in one line: the tests count.
    assert.equal(await runs({ 'tox.ini': tox }, 'tox -e lint && pytest'), 'present');
    // tox's ini in pyproject.toml is read too.
    assert.equal(await runs({ 'pyproject.toml': '[tool.tox]\nlegacy_tox_ini = """\n[testenv:lint]\ncommands = flake8\n"""\n' }, 'tox -e lint'), 'absent');
    // No configuration the scan can read (tox 4's native TOML, no noxfile): the runner's name counts.
    assert.equal(await runs({ 'tox.toml': '[env.lint]\ncommands = [["flake8"]]\n' }, 'tox -e lint'), 'present');
    assert.equal(await runs({}, 'nox -s lint'), 'present');
  });

  it('Azure Pipelines in a folder, with a template; Cloud Build; a buildspec', async () => {
    const azure = await statuses({
      '.pipelines/pr.yml': 'pr: [main]\ntrigger: none\npool: {vmImage: ubuntu-latest}\nsteps:\n  - template: quality.yml\n',
      '.pipelines/quality.yml': 'steps:\n  - script: python -m pytest tests\n',
    });
    assert.deepEqual([azure.ci, azure['ci-runs-tests']], ['present', 'present']);
    const cloudBuild = await statuses({ 'build/ci.yaml': "steps:\n  - name: python:3.11\n    entrypoint: pytest\n    args: ['-q']\n" });
    assert.deepEqual([cloudBuild.ci, cloudBuild['ci-runs-tests']], ['present', 'present']);
    const bootstrap = await statuses({ '.azuredevops/init.yml': 'trigger: none\npool: {vmImage: ubuntu-latest}\nsteps:\n  - bash: ./init.sh\n' });
    assert.equal(bootstrap.ci, 'absent');
  });

  it('ml-in-ci: ML job submission, a pipeline script, training through a job spec; a tiny fit in a test does not', async () => {
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('pull_request', 'databricks bundle run training_job -t test') }))['ml-in-ci'], 'present');
    assert.equal((await statuses({
      '.github/workflows/w.yml': workflow('push', 'python pipelines/submit.py'),
      'pipelines/submit.py': 'from azure.ai.ml import MLClient\nclient = MLClient()\n',
    }))['ml-in-ci'], 'present');
    assert.equal((await statuses({
      '.github/workflows/w.yml': workflow('pull_request', 'anyscale job submit jobs/train.yaml'),
      'jobs/train.yaml': 'entrypoint: bash jobs/run.sh\n',
      'jobs/run.sh': 'python fit_model.py\n',
      'fit_model.py': 'from sklearn.linear_model import LogisticRegression\nm = LogisticRegression()\nm.fit(X, y)\n',
    }))['ml-in-ci'], 'present');
    assert.equal((await statuses({
      '.github/workflows/w.yml': workflow('push', 'python -m pytest'),
      'tests/test_model.py': 'from sklearn.linear_model import LogisticRegression\ndef test_fit():\n    LogisticRegression().fit([[0], [1]], [0, 1])\n',
    }))['ml-in-ci'], 'absent');
  });

  it('ml-in-ci: an evaluation script CI runs (eval.py, eval_matrix.py, run_eval.py); near misses: retrieval.py, evaluation named only in an echo', async () => {
    for (const run of ['python eval.py --split test', 'poetry run python scripts/eval_matrix.py --runs 1', 'python3 tools/run_eval.py']) {
      assert.equal((await statuses({ '.github/workflows/w.yml': workflow('push', run) }))['ml-in-ci'], 'present', run);
    }
    for (const run of ['python scripts/retrieval.py --rebuild-index', 'echo "see eval.py for the evaluation"']) {
      assert.equal((await statuses({ '.github/workflows/w.yml': workflow('push', run) }))['ml-in-ci'], 'absent', run);
    }
  });

  it('ml-in-ci: a one-epoch or few-step training run is a smoke test, only partial evidence', async () => {
    const fit = 'import torch\nmodel = torch.nn.Linear(1, 1)\ndef train():\n    model.train()\n';
    for (const run of ['python train.py --epochs 1 --device cpu', 'python train.py --max_steps 2', 'python -m pkg.train --fast-dev-run']) {
      assert.equal((await statuses({ '.github/workflows/w.yml': workflow('push', run), 'train.py': fit }))['ml-in-ci'], 'partial', run);
    }
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('push', 'python train.py --epochs 10'), 'train.py': fit }))['ml-in-ci'], 'present');
  });

  it('continuous-deployment: deploying counts, pushing an image or publishing a package does not', async () => {
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('{push: {tags: ["v*"]}}', 'docker push org/app:latest', 'twine upload dist/*') }))['continuous-deployment'], 'absent');
    const release = 'on: release\njobs:\n  image:\n    steps:\n      - uses: docker/build-push-action@v6\n';
    assert.equal((await statuses({ '.github/workflows/w.yml': release }))['continuous-deployment'], 'absent');
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('{push: {branches: [main]}}', 'databricks bundle deploy -t prod') }))['continuous-deployment'], 'present');
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('push', 'python deploy/deploy_model.py --stage prod'), 'deploy/deploy_model.py': '' }))['continuous-deployment'], 'present');
  });

  it('scheduled-retraining: a nightly retrain counts; a smoke run on every push and on a cron does not', async () => {
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('{schedule: [{cron: "0 3 * * 1"}]}', 'python train.py --data latest') }))['scheduled-retraining'], 'present');
    const smoke = workflow('{push: {}, schedule: [{cron: "0 0 * * *"}]}', 'python train.py --epochs 1 --data toy');
    assert.equal((await statuses({ '.github/workflows/w.yml': smoke }))['scheduled-retraining'], 'absent');
    const cronSmoke = workflow('{schedule: [{cron: "0 0 * * *"}]}', 'python train.py --epochs 1 --data toy');
    assert.equal((await statuses({ '.github/workflows/w.yml': cronSmoke }))['scheduled-retraining'], 'absent');
  });

  it('scheduled-retraining and ml-in-ci: a weekly cron that only builds the documentation is neither', async () => {
    for (const run of [
      ['pip install -r docs/requirements.txt', 'sphinx-build -b html docs docs/_build/html'],
      ['pip install mkdocs-material', 'mkdocs build --strict', 'mkdocs gh-deploy --force'],
      ['make -C docs html'],
    ]) {
      const docs = workflow('{schedule: [{cron: "0 4 * * 0"}], workflow_dispatch: {}}', ...run);
      const result = await statuses({ '.github/workflows/docs.yml': docs, 'docs/Makefile': 'html:\n\tsphinx-build -M html . _build\n', 'docs/conf.py': 'project = "model"\n' });
      assert.deepEqual([result['scheduled-retraining'], result['ml-in-ci']], ['absent', 'absent'], run.join(' && '));
    }
  });

  it('CodePipeline in a CloudFormation template: CI, ML steps from its buildspec, deploy actions', async () => {
    const template = [
      'Resources:',
      '  Build:',
      '    Type: AWS::CodeBuild::Project',
      '    Properties: {Source: {Type: CODEPIPELINE, BuildSpec: model/buildspec.yml}}',
      '  Pipeline:',
      '    Type: AWS::CodePipeline::Pipeline',
      '    Properties:',
      '      RoleArn: !GetAtt Role.Arn',
      '      Stages:',
      '        - Name: Source',
      '          Actions: [{Name: Src, ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: "1"}}]',
      '        - Name: Train',
      '          Actions: [{Name: Run, ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}, Configuration: {ProjectName: !Ref Build}}]',
      '        - Name: Deploy',
      '          Actions: [{Name: Prod, ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: "1"}}]',
      '',
    ].join('\n');
    const result = await statuses({
      'pipeline.yml': template,
      'model/buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - python model/run_pipeline.py\n',
      'model/run_pipeline.py': 'from sagemaker.workflow.pipeline import Pipeline\n',
    });
    assert.deepEqual([result.ci, result['ml-in-ci'], result['continuous-deployment']], ['present', 'present', 'present']);
    // Started on code changes only: the training it runs is no retraining on new data.
    assert.equal(result['scheduled-retraining'], 'absent');
    const onNewData = await statuses({
      'pipeline.yml': template.replace('Provider: CodeCommit', 'Provider: S3'),
      'model/buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - python model/run_pipeline.py\n',
      'model/run_pipeline.py': 'from sagemaker.workflow.pipeline import Pipeline\n',
    });
    assert.equal(onNewData['scheduled-retraining'], 'present');
  });
});

describe('CI practices: near misses in one line', () => {
  it('an install followed by real work in one line is CI; a docs deployment script is no deployment', async () => {
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('push', 'pip install -e . && make build') })).ci, 'present');
    assert.equal((await statuses({ '.github/workflows/w.yml': workflow('push', 'python scripts/deploy_docs.py'), 'scripts/deploy_docs.py': '' }))['continuous-deployment'], 'absent');
  });
});
