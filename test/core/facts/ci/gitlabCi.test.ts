import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/ci/gitlabCi';
import { YamlSyntaxError } from '../../../../src/core/facts/yamlSource';
import { extractText, lines } from '../extractStub';

const PATH = '.gitlab-ci.yml';

const PIPELINE = [
  'stages: [test, train]',
  'variables:',
  '  PIP_CACHE_DIR: .cache',
  'before_script:',
  '  - pip install -r requirements.txt',
  '.python:',
  '  image: python:3.11',
  '  before_script:',
  '    - pip install -e .',
  'test:',
  '  extends: .python',
  '  script:',
  '    - pytest',
  '    - - ruff check .',
  '      - mypy src',
  'retrain:',
  '  extends: .python',
  '  script: python train.py',
  '  after_script: [echo done]',
  '  rules:',
  '    - if: $CI_PIPELINE_SOURCE == "schedule"',
  '    - if: $CI_PIPELINE_SOURCE == "push"',
  '      when: never',
  'release:',
  '  script: ["twine upload dist/*"]',
  '  only: [tags]',
  'review:',
  '  script: echo review',
  '  rules:',
  '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"',
  'deploy:',
  '  script: ./deploy.sh',
  '  when: manual',
  'trigger-child:',
  '  trigger:',
  '    include: child.yml',
];

describe('GitLab CI extractor', () => {
  it('reads jobs, inherited scripts and job triggers', async () => {
    const { ci } = await extractText(extractor, PATH, lines('\n', ...PIPELINE));
    assert.deepEqual(ci, [{
      path: PATH,
      system: 'gitlab',
      triggers: ['push', 'pull_request', 'tag', 'schedule', 'manual'],
      schedules: [],
      jobs: [
        {
          path: PATH, line: 10, name: 'test', steps: [
            { path: PATH, line: 9, command: 'pip install -e .' },
            { path: PATH, line: 13, command: 'pytest' },
            { path: PATH, line: 14, command: 'ruff check .' },
            { path: PATH, line: 15, command: 'mypy src' },
          ],
        },
        {
          path: PATH, line: 16, name: 'retrain', triggers: ['schedule'], steps: [
            { path: PATH, line: 9, command: 'pip install -e .' },
            { path: PATH, line: 18, command: 'python train.py' },
            { path: PATH, line: 19, command: 'echo done' },
          ],
        },
        {
          path: PATH, line: 24, name: 'release', triggers: ['tag'],
          steps: [{ path: PATH, line: 25, command: 'twine upload dist/*' }],
        },
        {
          path: PATH, line: 27, name: 'review', triggers: ['pull_request'],
          steps: [{ path: PATH, line: 28, command: 'echo review' }],
        },
        {
          path: PATH, line: 31, name: 'deploy', triggers: ['manual'],
          steps: [{ path: PATH, line: 32, command: './deploy.sh' }],
        },
      ],
    }]);
  });

  it('gives the same facts for CRLF files', async () => {
    assert.deepEqual(
      await extractText(extractor, PATH, lines('\r\n', ...PIPELINE)),
      await extractText(extractor, PATH, lines('\n', ...PIPELINE)),
    );
  });

  it('reads `only: refs`, tag conditions and workflow rules', async () => {
    const { ci } = await extractText(extractor, 'ci/nightly.gitlab-ci.yml', lines('\n',
      'workflow:',
      '  rules:',
      '    - if: $CI_PIPELINE_SOURCE =~ /^(web|api)$/',
      'nightly:',
      '  script: make nightly',
      '  only:',
      '    refs: [schedules, main]',
      'publish:',
      '  script: make publish',
      '  rules:',
      '    - if: $CI_COMMIT_TAG',
      'build:',
      '  script: make',
      '  rules:',
      '    - if: $CI_COMMIT_TAG == null',
    ));
    assert.deepEqual(ci?.[0].triggers, ['push', 'tag', 'schedule', 'manual', 'other']);
    assert.deepEqual(ci?.[0].jobs.map((j) => [j.name, j.triggers]), [
      ['nightly', ['push', 'schedule']],
      ['publish', ['tag']],
      ['build', ['push']],
    ]);
  });

  it('leaves job triggers out when they are the pipeline\'s', async () => {
    const { ci } = await extractText(extractor, PATH, lines('\n',
      'unit:',
      '  script: pytest',
      '  rules:',
      '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"',
      '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
    ));
    assert.deepEqual(ci?.[0].triggers, ['push', 'pull_request']);
    assert.deepEqual(ci?.[0].jobs, [{ path: PATH, line: 1, name: 'unit', steps: [{ path: PATH, line: 2, command: 'pytest' }] }]);
  });

  it('survives `extends` cycles', async () => {
    const { ci } = await extractText(extractor, PATH, '.a:\n  extends: .b\n.b:\n  extends: .a\njob:\n  extends: .a\n');
    assert.deepEqual(ci?.[0].jobs, []);
  });

  it('reads every document of a CI/CD component', async () => {
    const { ci } = await extractText(extractor, 'templates/train.gitlab-ci.yml',
      'spec:\n  inputs:\n    stage: {default: test}\n---\ntrain:\n  script: python train.py\n');
    assert.deepEqual(ci?.[0].jobs, [{
      path: 'templates/train.gitlab-ci.yml', line: 5, name: 'train',
      steps: [{ path: 'templates/train.gitlab-ci.yml', line: 6, command: 'python train.py' }],
    }]);
  });

  it('throws with the line on invalid YAML', async () => {
    await assert.rejects(
      extractText(extractor, PATH, 'job:\n  script:\n    - a\n   b: 1\n'),
      (err: unknown) => err instanceof YamlSyntaxError && err.line === 4,
    );
  });

  it('rejects a list at the top level; tolerates odd shapes inside', async () => {
    await assert.rejects(async () => extractText(extractor, PATH, '- script\n- echo\n'), /expected a mapping at the top level, found a list/);
    const { ci } = await extractText(extractor, PATH, 'job: [script, echo]\nother:\n  script: {a: 1}\n');
    assert.deepEqual(ci?.[0].jobs, [{ path: PATH, line: 2, name: 'other', steps: [] }]);
  });

  it('makes each include a job that uses the included configuration', async () => {
    const { ci } = await extractText(extractor, PATH, lines('\n',
      'include:',
      '  - local: ci/test.yml',
      '  - template: Python.gitlab-ci.yml',
      '  - {project: group/ci, file: [a.yml, b.yml]}',
      '  - https://example.com/ci.yml',
    ));
    assert.deepEqual(ci?.[0].jobs.map((j) => [j.line, j.steps.map((s) => s.uses)]), [
      [2, ['ci/test.yml']], [3, ['Python.gitlab-ci.yml']], [4, ['a.yml']], [5, ['https://example.com/ci.yml']],
    ]);
    const single = await extractText(extractor, PATH, 'include: ci/all.yml\n');
    assert.deepEqual(single.ci?.[0].jobs.map((j) => j.steps[0].uses), ['ci/all.yml']);
  });
});
