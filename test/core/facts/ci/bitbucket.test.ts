import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/ci/bitbucket';
import { YamlSyntaxError } from '../../../../src/core/facts/yamlSource';
import { extractText, lines } from '../extractStub';

const PATH = 'bitbucket-pipelines.yml';

const PIPELINES = [
  'image: python:3.11',
  'pipelines:',
  '  default:',
  '    - step:',
  '        name: Test',
  '        script:',
  '          - pip install -r requirements.txt',
  '          - pytest',
  '        after-script: [echo done]',
  '    - parallel:',
  '        - step: {script: [ruff check .]}',
  '        - step: {script: [mypy src]}',
  '  tags:',
  '    "v*":',
  '      - stage:',
  '          steps:',
  '            - step:',
  '                name: Publish',
  '                script:',
  '                  - pipe: atlassian/pypi-publish:0.3.1',
  '                    variables: {PYPI_USERNAME: $USER}',
  '  pull-requests:',
  '    "**":',
  '      - parallel:',
  '          steps:',
  '            - step: {name: PR, script: [pytest]}',
  '  custom:',
  '    retrain:',
  '      - variables: [{name: EPOCHS}]',
  '      - step: {name: Retrain, script: python train.py}',
];

describe('Bitbucket Pipelines extractor', () => {
  it('reads steps of every section, with section triggers', async () => {
    const { ci } = await extractText(extractor, PATH, lines('\n', ...PIPELINES));
    assert.deepEqual(ci, [{
      path: PATH,
      system: 'bitbucket',
      triggers: ['push', 'pull_request', 'tag', 'manual'],
      schedules: [],
      jobs: [
        {
          path: PATH, line: 4, name: 'Test', triggers: ['push'], steps: [
            { path: PATH, line: 7, command: 'pip install -r requirements.txt' },
            { path: PATH, line: 8, command: 'pytest' },
            { path: PATH, line: 9, command: 'echo done' },
          ],
        },
        {
          path: PATH, line: 11, name: 'default step 1', triggers: ['push'],
          steps: [{ path: PATH, line: 11, command: 'ruff check .' }],
        },
        {
          path: PATH, line: 12, name: 'default step 2', triggers: ['push'],
          steps: [{ path: PATH, line: 12, command: 'mypy src' }],
        },
        {
          path: PATH, line: 17, name: 'Publish', triggers: ['tag'],
          steps: [{ path: PATH, line: 20, uses: 'atlassian/pypi-publish' }],
        },
        {
          path: PATH, line: 26, name: 'PR', triggers: ['pull_request'],
          steps: [{ path: PATH, line: 26, command: 'pytest' }],
        },
        {
          path: PATH, line: 30, name: 'Retrain', triggers: ['manual'],
          steps: [{ path: PATH, line: 30, command: 'python train.py' }],
        },
      ],
    }]);
  });

  it('gives the same facts for CRLF files', async () => {
    assert.deepEqual(
      await extractText(extractor, PATH, lines('\r\n', ...PIPELINES)),
      await extractText(extractor, PATH, lines('\n', ...PIPELINES)),
    );
  });

  it('leaves job triggers out when every job runs on every trigger', async () => {
    const { ci } = await extractText(extractor, PATH, 'pipelines:\n  branches:\n    main:\n      - step: {script: [make]}\n');
    assert.deepEqual(ci?.[0].triggers, ['push']);
    assert.equal(ci?.[0].jobs[0].triggers, undefined);
  });

  it('throws with the line on invalid YAML', async () => {
    await assert.rejects(
      extractText(extractor, PATH, 'pipelines:\n  default:\n    - step:\n     script: x\n'),
      (err: unknown) => err instanceof YamlSyntaxError && typeof err.line === 'number',
    );
  });

  it('rejects a list at the top level; tolerates odd shapes inside', async () => {
    await assert.rejects(async () => extractText(extractor, PATH, '- pipelines\n'), /expected a mapping at the top level, found a list/);
    const { ci } = await extractText(extractor, PATH, 'pipelines:\n  default: {step: 1}\n  branches: [a]\n  custom: {x: [{step: [1]}, {parallel: 3}]}\n');
    assert.deepEqual(ci?.[0], { path: PATH, system: 'bitbucket', triggers: [], schedules: [], jobs: [] });
  });
});
