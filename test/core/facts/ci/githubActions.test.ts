import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/ci/githubActions';
import { YamlSyntaxError } from '../../../../src/core/facts/yamlSource';
import { extractText, lines } from '../extractStub';

const PATH = '.github/workflows/train.yml';

const WORKFLOW = [
  'name: train',
  'on:',
  '  push:',
  '    branches: [main]',
  '    tags: ["v*"]',
  '  pull_request:',
  '  schedule:',
  "    - cron: '0 3 * * 1'",
  "    - cron: '0 4 * * *'",
  '  workflow_dispatch:',
  '  workflow_run:',
  '    workflows: [build]',
  'jobs:',
  '  train:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - name: Train',
  '        run: |',
  '          pip install -r requirements.txt',
  '          python train.py',
  '      - uses: docker://alpine:3.19',
  '      - name: no-op',
  '  release:',
  '    uses: org/repo/.github/workflows/release.yml@main',
];

describe('GitHub Actions extractor', () => {
  it('reads triggers, schedules, jobs and steps with lines', async () => {
    const { ci } = await extractText(extractor, PATH, lines('\n', ...WORKFLOW));
    assert.deepEqual(ci, [{
      path: PATH,
      system: 'github',
      triggers: ['push', 'pull_request', 'tag', 'schedule', 'manual', 'other'],
      schedules: ['0 3 * * 1', '0 4 * * *'],
      jobs: [
        {
          path: PATH, line: 14, name: 'train', steps: [
            { path: PATH, line: 17, uses: 'actions/checkout' },
            { path: PATH, line: 18, command: 'pip install -r requirements.txt\npython train.py' },
            { path: PATH, line: 22, uses: 'docker://alpine:3.19' },
          ],
        },
        {
          path: PATH, line: 24, name: 'release',
          steps: [{ path: PATH, line: 25, uses: 'org/repo/.github/workflows/release.yml' }],
        },
      ],
    }]);
  });

  it('gives the same facts for CRLF files', async () => {
    const lf = await extractText(extractor, PATH, lines('\n', ...WORKFLOW));
    const crlf = await extractText(extractor, PATH, lines('\r\n', ...WORKFLOW));
    assert.deepEqual(crlf, lf);
  });

  it('accepts `on` as a string or a list', async () => {
    const single = await extractText(extractor, PATH, 'on: push\njobs: {}\n');
    assert.deepEqual(single.ci?.[0].triggers, ['push']);
    const list = await extractText(extractor, PATH, 'on: [pull_request_target, release, repository_dispatch]\n');
    // repository_dispatch comes from another system's automation, not a person.
    assert.deepEqual(list.ci?.[0].triggers, ['pull_request', 'tag', 'other']);
    assert.deepEqual(list.ci?.[0].jobs, []);
  });

  it('throws with the line on invalid YAML', async () => {
    await assert.rejects(
      extractText(extractor, PATH, 'on: push\njobs:\n  a: [unclosed\n  b: 1\n'),
      (err: unknown) => err instanceof YamlSyntaxError && err.line === 4,
    );
  });

  it('rejects a list at the top level; tolerates odd shapes inside', async () => {
    await assert.rejects(async () => extractText(extractor, PATH, '- on\n- jobs\n'), /expected a mapping at the top level, found a list/);
    const { ci } = await extractText(extractor, PATH, 'on: push\njobs:\n  - a\n  - b\n');
    assert.deepEqual(ci?.[0].jobs, []);
  });

  it('skips malformed jobs and steps', async () => {
    const { ci } = await extractText(extractor, PATH, 'on: push\njobs:\n  a: 3\n  b:\n    steps: {run: x}\n');
    assert.deepEqual(ci?.[0].jobs, [{ path: PATH, line: 4, name: 'b', steps: [] }]);
  });
});
