import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/ci/azurePipelines';
import { YamlSyntaxError } from '../../../../src/core/facts/yamlSource';
import { extractText, lines } from '../extractStub';

const PATH = 'azure-pipelines.yml';

const PIPELINE = [
  'trigger:',
  '  branches: {include: [main]}',
  '  tags: {include: ["v*"]}',
  'pr: [main]',
  'schedules:',
  '  - cron: "0 2 * * *"',
  '    branches: {include: [main]}',
  'stages:',
  '  - stage: Train',
  '    jobs:',
  '      - job: train',
  '        steps:',
  '          - task: UsePythonVersion@0',
  '          - script: python train.py',
  '          - bash: |',
  '              dvc repro',
  '          - template: steps/evaluate.yml@templates',
  '          - checkout: self',
  '      - deployment: serve',
  '        strategy:',
  '          runOnce:',
  '            deploy:',
  '              steps:',
  '                - pwsh: ./deploy.ps1',
  '      - template: jobs/report.yml',
  '  - template: stages/release.yml',
];

describe('Azure Pipelines extractor', () => {
  it('reads triggers, schedules and steps of stages, jobs and deployments', async () => {
    const { ci } = await extractText(extractor, PATH, lines('\n', ...PIPELINE));
    assert.deepEqual(ci, [{
      path: PATH,
      system: 'azure',
      triggers: ['push', 'pull_request', 'tag', 'schedule'],
      schedules: ['0 2 * * *'],
      jobs: [
        {
          path: PATH, line: 11, name: 'train', steps: [
            { path: PATH, line: 13, uses: 'UsePythonVersion' },
            { path: PATH, line: 14, command: 'python train.py' },
            { path: PATH, line: 15, command: 'dvc repro' },
            { path: PATH, line: 17, uses: 'steps/evaluate.yml' },
          ],
        },
        { path: PATH, line: 19, name: 'serve', steps: [{ path: PATH, line: 24, command: './deploy.ps1' }] },
        { path: PATH, line: 25, name: 'jobs/report.yml', steps: [{ path: PATH, line: 25, uses: 'jobs/report.yml' }] },
        { path: PATH, line: 26, name: 'stages/release.yml', steps: [{ path: PATH, line: 26, uses: 'stages/release.yml' }] },
      ],
    }]);
  });

  it('gives the same facts for CRLF files', async () => {
    assert.deepEqual(
      await extractText(extractor, PATH, lines('\r\n', ...PIPELINE)),
      await extractText(extractor, PATH, lines('\n', ...PIPELINE)),
    );
  });

  it('reads root steps and `jobs`; `trigger: none` turns off push', async () => {
    const { ci } = await extractText(extractor, '.azure-pipelines/nightly.yml', lines('\n',
      'trigger: none',
      'pr: none',
      'steps:',
      '  - powershell: Write-Host hi',
      'jobs:',
      '  - job: a',
      '    steps: [{script: make}]',
      '  - {}',
    ));
    const path = '.azure-pipelines/nightly.yml';
    assert.deepEqual(ci?.[0].triggers, []);
    assert.deepEqual(ci?.[0].jobs, [
      { path, line: 3, name: 'default', steps: [{ path, line: 4, command: 'Write-Host hi' }] },
      { path, line: 6, name: 'a', steps: [{ path, line: 7, command: 'make' }] },
      { path, line: 8, name: 'job 2', steps: [] },
    ]);
  });

  it('runs on push when no trigger is written', async () => {
    const { ci } = await extractText(extractor, PATH, 'pool: {vmImage: ubuntu-latest}\n');
    assert.deepEqual(ci?.[0].triggers, ['push']);
  });

  it('throws with the line on invalid YAML', async () => {
    await assert.rejects(
      extractText(extractor, PATH, 'steps:\n  - script: a\n   b: 1\n'),
      (err: unknown) => err instanceof YamlSyntaxError && err.line === 3,
    );
  });

  it('rejects a list at the top level; tolerates odd shapes inside', async () => {
    await assert.rejects(async () => extractText(extractor, PATH, '- steps\n'), /expected a mapping at the top level, found a list/);
    const { ci } = await extractText(extractor, PATH, 'jobs: {a: 1}\nstages: [1, [2]]\nsteps: [1, {task: 3}]\n');
    assert.deepEqual(ci?.[0].jobs, [{ path: PATH, line: 3, name: 'default', steps: [] }]);
  });
});

describe('Azure Pipelines recognised by shape, with templates', () => {
  const CI_PIPELINE = lines('\n',
    'trigger: {branches: {include: [main]}}',
    'pr: none',
    'resources:',
    '  pipelines:',
    '    - pipeline: train',
    '      source: Model-Train',
    '      trigger: {branches: {include: [main]}}',
    'stages:',
    '  - stage: Quality',
    '    jobs:',
    '      - job: check',
    '        steps:',
    '          - template: quality-template.yml',
    '          - task: AzureCLI@2',
    '            inputs:',
    '              scriptLocation: inlineScript',
    '              inlineScript: python -m ml.build_pipeline',
    '          - task: Bash@3',
    '            inputs: {targetType: filePath, filePath: scripts/deploy.sh, arguments: --prod}',
  );
  const TEMPLATE = lines('\n', 'parameters: []', 'steps:', '  - script: flake8', '  - script: python -m pytest');

  it('reads a pipeline in any folder and takes its template files in place', async () => {
    const { ci } = await extractText(extractor, '.pipelines/ci.yml', CI_PIPELINE, { '.pipelines/quality-template.yml': TEMPLATE });
    assert.deepEqual(ci?.[0].triggers, ['push', 'other']);
    assert.deepEqual(ci?.[0].jobs[0].steps, [
      { path: '.pipelines/ci.yml', line: 13, uses: 'quality-template.yml' },
      { path: '.pipelines/quality-template.yml', line: 3, command: 'flake8', via: { path: '.pipelines/ci.yml', line: 13 } },
      { path: '.pipelines/quality-template.yml', line: 4, command: 'python -m pytest', via: { path: '.pipelines/ci.yml', line: 13 } },
      { path: '.pipelines/ci.yml', line: 14, uses: 'AzureCLI', command: 'python -m ml.build_pipeline' },
      { path: '.pipelines/ci.yml', line: 18, uses: 'Bash', command: 'bash scripts/deploy.sh --prod' },
    ]);
  });

  it('is no pipeline when a file only holds templates or is other YAML with steps', async () => {
    assert.deepEqual(await extractText(extractor, '.pipelines/quality-template.yml', TEMPLATE), { warnings: [] });
    const workflowLike = lines('\n', 'on: push', 'jobs:', '  test:', '    steps:', '      - run: pytest');
    assert.deepEqual(await extractText(extractor, 'docs/example.yml', workflowLike), { warnings: [] });
    const tekton = lines('\n', 'apiVersion: tekton.dev/v1', 'kind: Task', 'spec:', '  steps:', '    - name: test', '      script: pytest');
    assert.deepEqual(await extractText(extractor, 'tekton/task.yaml', tekton), { warnings: [] });
    assert.deepEqual(await extractText(extractor, 'config/broken.yml', 'steps:\n  - script: a\n   b: 1\n'), { warnings: [] });
  });

  it('has no trigger with `trigger: none` and no pr (a bootstrap run by hand)', async () => {
    const { ci } = await extractText(extractor, '.azuredevops/setup.yml', lines('\n', 'trigger: none', 'pool: {vmImage: ubuntu-latest}', 'steps:', '  - bash: ./setup.sh'));
    assert.deepEqual(ci?.[0].triggers, []);
  });

  it('keeps a template it cannot read (another repository, a cycle) as a reference', async () => {
    const loop = lines('\n', 'steps:', '  - template: loop.yml');
    const { ci } = await extractText(extractor, 'azure-pipelines.yml', lines('\n', 'steps:', '  - template: loop.yml', '  - template: x.yml@shared'), { 'loop.yml': loop });
    assert.deepEqual(ci?.[0].jobs[0].steps.map((s) => s.uses), ['loop.yml', 'loop.yml', 'loop.yml', 'x.yml']);
  });
});
