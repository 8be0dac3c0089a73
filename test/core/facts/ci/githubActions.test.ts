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

  it('runs on tags only when a push is filtered by tags alone', async () => {
    const tagsOnly = await extractText(extractor, PATH, 'on:\n  push:\n    tags: ["v*"]\njobs: {}\n');
    assert.deepEqual(tagsOnly.ci?.[0].triggers, ['tag']);
    const ignored = await extractText(extractor, PATH, 'on:\n  push:\n    tags-ignore: ["*-rc*"]\njobs: {}\n');
    assert.deepEqual(ignored.ci?.[0].triggers, ['tag']);
    const both = await extractText(extractor, PATH, 'on:\n  push:\n    branches-ignore: [gh-pages]\n    tags: ["v*"]\njobs: {}\n');
    assert.deepEqual(both.ci?.[0].triggers, ['push', 'tag']);
  });

  describe('reusable workflows of the same repository', () => {
    const CALLED = '.github/workflows/quality.yml';
    const called = lines('\n',
      'on:',
      '  workflow_call:',
      '    inputs:',
      '      dir: {type: string, required: true}',
      '      test_cmd: {type: string, default: uv run pytest}',
      'jobs:',
      '  check:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - working-directory: ${{ inputs.dir }}',
      '        run: ${{ inputs.test_cmd }} -q',
    );
    const caller = (extra: string[] = []) => lines('\n',
      'on: [pull_request]',
      'jobs:',
      '  quality:',
      '    uses: ./.github/workflows/quality.yml',
      '    with:',
      '      dir: ./app',
      ...extra,
    );

    it('takes the called jobs\' steps in place of the call, inputs filled from `with` or their defaults', async () => {
      const { ci } = await extractText(extractor, PATH, caller(), { [CALLED]: called });
      assert.deepEqual(ci?.[0].triggers, ['pull_request']);
      assert.deepEqual(ci?.[0].jobs, [{
        path: PATH, line: 3, name: 'quality', steps: [
          { path: CALLED, line: 10, uses: 'actions/checkout', via: { path: PATH, line: 4 } },
          { path: CALLED, line: 11, command: 'uv run pytest -q', dir: './app', via: { path: PATH, line: 4 } },
        ],
      }]);
      const given = await extractText(extractor, PATH, caller(['      test_cmd: tox -e py']), { [CALLED]: called });
      assert.equal(given.ci?.[0].jobs[0].steps[1].command, 'tox -e py -q');
    });

    it('keeps the call as a step when the workflow is another repository\'s, missing, broken or not reusable', async () => {
      const step = async (uses: string, files: Record<string, string>) =>
        (await extractText(extractor, PATH, `on: push\njobs:\n  q:\n    uses: ${uses}\n`, files)).ci?.[0].jobs[0].steps;
      assert.deepEqual(await step('org/repo/.github/workflows/quality.yml@v1', { [CALLED]: called }), [{ path: PATH, line: 4, uses: 'org/repo/.github/workflows/quality.yml' }]);
      assert.deepEqual(await step('./.github/workflows/quality.yml', {}), [{ path: PATH, line: 4, uses: './.github/workflows/quality.yml' }]);
      assert.deepEqual(await step('./.github/workflows/quality.yml', { [CALLED]: 'on: [workflow_call\n' }), [{ path: PATH, line: 4, uses: './.github/workflows/quality.yml' }]);
      // A workflow without `workflow_call` cannot be called.
      assert.deepEqual(await step('./.github/workflows/quality.yml', { [CALLED]: called.replace('workflow_call', 'push') }), [{ path: PATH, line: 4, uses: './.github/workflows/quality.yml' }]);
    });

    it('ends a cycle of workflows calling each other', async () => {
      const loop = 'on: workflow_call\njobs:\n  again:\n    uses: ./.github/workflows/quality.yml\n';
      const { ci } = await extractText(extractor, PATH, caller(), { [CALLED]: loop });
      assert.deepEqual(ci?.[0].jobs[0].steps, [{ path: CALLED, line: 4, uses: './.github/workflows/quality.yml', via: { path: PATH, line: 4 } }]);
    });
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
