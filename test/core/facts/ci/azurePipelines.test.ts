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
