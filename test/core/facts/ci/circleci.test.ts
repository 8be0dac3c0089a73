import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/ci/circleci';
import { YamlSyntaxError } from '../../../../src/core/facts/yamlSource';
import { extractText, lines } from '../extractStub';

const PATH = '.circleci/config.yml';

const CONFIG = [
  'version: 2.1',
  'orbs:',
  '  python: circleci/python@2.1',
  'jobs:',
  '  test:',
  '    docker: [{image: cimg/python:3.11}]',
  '    steps:',
  '      - checkout',
  '      - python/install-packages:',
  '          pkg-manager: pip',
  '      - run: pytest',
  '      - run:',
  '          name: Lint',
  '          command: |',
  '            ruff check .',
  '  retrain:',
  '    docker: [{image: cimg/python:3.11}]',
  '    steps:',
  '      - aws-cli/setup',
  '      - run: {name: no command}',
  '      - run: python train.py',
  'workflows:',
  '  version: 2',
  '  ci:',
  '    jobs:',
  '      - test',
  '      - python/test:',
  '          filters:',
  '            branches: {ignore: /.*/}',
  '            tags: {only: /^v.*/}',
  '  nightly:',
  '    triggers:',
  '      - schedule:',
  '          cron: "0 0 * * *"',
  '          filters: {branches: {only: [main]}}',
  '    jobs: [retrain, test]',
];

describe('CircleCI extractor', () => {
  it('reads run and orb steps, workflow schedules and narrower job triggers', async () => {
    const { ci } = await extractText(extractor, PATH, lines('\n', ...CONFIG));
    assert.deepEqual(ci, [{
      path: PATH,
      system: 'circleci',
      triggers: ['push', 'tag', 'schedule'],
      schedules: ['0 0 * * *'],
      jobs: [
        {
          path: PATH, line: 5, name: 'test', triggers: ['push', 'schedule'], steps: [
            { path: PATH, line: 9, uses: 'python/install-packages' },
            { path: PATH, line: 11, command: 'pytest' },
            { path: PATH, line: 12, command: 'ruff check .' },
          ],
        },
        {
          path: PATH, line: 16, name: 'retrain', triggers: ['schedule'], steps: [
            { path: PATH, line: 19, uses: 'aws-cli/setup' },
            { path: PATH, line: 21, command: 'python train.py' },
          ],
        },
        {
          path: PATH, line: 27, name: 'python/test', triggers: ['tag'],
          steps: [{ path: PATH, line: 27, uses: 'python/test' }],
        },
      ],
    }]);
  });

  it('gives the same facts for CRLF files', async () => {
    assert.deepEqual(
      await extractText(extractor, PATH, lines('\r\n', ...CONFIG)),
      await extractText(extractor, PATH, lines('\n', ...CONFIG)),
    );
  });

  it('runs on push without workflows', async () => {
    const { ci } = await extractText(extractor, PATH, 'version: 2\njobs:\n  build:\n    steps: [checkout, {run: make}]\n');
    assert.deepEqual(ci?.[0].triggers, ['push']);
    assert.deepEqual(ci?.[0].jobs[0].steps, [{ path: PATH, line: 4, command: 'make' }]);
  });

  it('throws with the line on invalid YAML', async () => {
    await assert.rejects(
      extractText(extractor, PATH, 'jobs:\n  a:\n    steps: [run\n'),
      (err: unknown) => err instanceof YamlSyntaxError && err.line === 4,
    );
  });

  it('rejects a list at the top level; tolerates odd shapes inside', async () => {
    await assert.rejects(async () => extractText(extractor, PATH, '- jobs\n'), /expected a mapping at the top level, found a list/);
    const { ci } = await extractText(extractor, PATH, 'jobs: [a]\nworkflows: {w: {jobs: {a: 1}}, x: [1]}\n');
    assert.deepEqual(ci?.[0], { path: PATH, system: 'circleci', triggers: ['push'], schedules: [], jobs: [] });
  });
});
