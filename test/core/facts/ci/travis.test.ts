import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/ci/travis';
import { YamlSyntaxError } from '../../../../src/core/facts/yamlSource';
import { extractText, lines } from '../extractStub';

const PATH = '.travis.yml';

const CONFIG = [
  'language: python',
  'before_install: pip install -U pip',
  'install:',
  '  - pip install -r requirements.txt',
  'script:',
  '  - pytest',
  'deploy:',
  '  - provider: pypi',
  '    on: {tags: true}',
  '  - provider: script',
  '    script: bash deploy.sh',
  'jobs:',
  '  include:',
  '    - stage: retrain',
  '      if: type = cron',
  '      script: python train.py',
  '    - name: docs',
  '      script: make docs',
];

describe('Travis CI extractor', () => {
  it('reads phases, deploy providers, included jobs and `if` triggers', async () => {
    const { ci } = await extractText(extractor, PATH, lines('\n', ...CONFIG));
    assert.deepEqual(ci, [{
      path: PATH,
      system: 'travis',
      triggers: ['push', 'pull_request', 'tag', 'schedule'],
      schedules: [],
      jobs: [
        {
          path: PATH, name: 'default', steps: [
            { path: PATH, line: 2, command: 'pip install -U pip' },
            { path: PATH, line: 4, command: 'pip install -r requirements.txt' },
            { path: PATH, line: 6, command: 'pytest' },
            { path: PATH, line: 8, uses: 'pypi' },
            { path: PATH, line: 10, command: 'bash deploy.sh' },
          ],
        },
        {
          path: PATH, line: 14, name: 'retrain', triggers: ['schedule'],
          steps: [{ path: PATH, line: 16, command: 'python train.py' }],
        },
        { path: PATH, line: 17, name: 'docs', steps: [{ path: PATH, line: 18, command: 'make docs' }] },
      ],
    }]);
  });

  it('gives the same facts for CRLF files', async () => {
    assert.deepEqual(
      await extractText(extractor, PATH, lines('\r\n', ...CONFIG)),
      await extractText(extractor, PATH, lines('\n', ...CONFIG)),
    );
  });

  it('reads `matrix.include` and `type IN (...)` / tag conditions', async () => {
    const { ci } = await extractText(extractor, PATH, lines('\n',
      'matrix:',
      '  include:',
      '    - if: type IN (api, pull_request) AND branch = main',
      '      script: make a',
      '    - if: tag IS present',
      '      deploy: {provider: releases}',
    ));
    assert.deepEqual(ci?.[0].triggers, ['push', 'pull_request', 'tag', 'other']);
    assert.deepEqual(ci?.[0].jobs.map((j) => [j.name, j.triggers, j.steps.map((s) => s.command ?? s.uses)]), [
      ['job 1', ['pull_request', 'other'], ['make a']],
      ['job 2', ['tag'], ['releases']],
    ]);
  });

  it('throws with the line on invalid YAML', async () => {
    await assert.rejects(
      extractText(extractor, PATH, 'script:\n  - a\n - b\n'),
      (err: unknown) => err instanceof YamlSyntaxError && typeof err.line === 'number',
    );
  });

  it('rejects a list at the top level; tolerates odd shapes inside', async () => {
    await assert.rejects(async () => extractText(extractor, PATH, '- script\n'), /expected a mapping at the top level, found a list/);
    const { ci } = await extractText(extractor, PATH, 'script: {a: 1}\ndeploy: [1, {provider: 2}]\njobs: {include: [1]}\n');
    assert.deepEqual(ci?.[0].jobs, []);
  });
});
