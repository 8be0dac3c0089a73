/** The CI rule kinds of the engine: commands, triggers with housekeeping left out, scripts CI runs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateRule } from '../../../src/core/engine/rules';
import type { CiPipeline, Facts } from '../../../src/core/model/facts';
import type { DetectionRule } from '../../../src/core/model/knowledge';

function facts(ci: CiPipeline[], extra: Partial<Facts> = {}): Facts {
  return {
    files: [], hasGit: false, dependencies: [], requirementsFiles: [], imports: [], calls: [], notebooks: [], ci, dvc: [],
    mlprojects: [], manifests: [], dockerfiles: [], manualSteps: [], yamlDocuments: [], ownPackages: [], scope: { notes: [], librarySource: [] },
    texts: new Map(), warnings: [],
    ...extra,
  };
}

const W = '.github/workflows/ci.yml';
const pipeline = (triggers: CiPipeline['triggers'], steps: CiPipeline['jobs'][number]['steps']): CiPipeline =>
  ({ path: W, system: 'github', triggers, schedules: [], jobs: [{ path: W, line: 3, name: 'job', steps }] });

describe('CI rule kinds', () => {
  const tests: DetectionRule = { id: 'tests', kind: 'ci-command', patterns: ['\\bpytest\\b'] };

  it('ci-command: a commented-out line never matches (regression: `# pytest -q` counted)', () => {
    assert.deepEqual(evaluateRule(tests, facts([pipeline(['push'], [{ path: W, line: 9, command: 'pip install -r r.txt\n# pytest -q' }])]), 'p'), []);
    const [signal] = evaluateRule(tests, facts([pipeline(['push'], [{ path: W, line: 9, command: '# lint first\npytest -q  # all' }])]), 'p');
    assert.equal(signal.detail, 'pytest -q  # all');
  });

  it('ci-command: a followed step says where it came from', () => {
    const step = { path: 'Makefile', line: 4, command: 'pytest', via: { path: W, line: 9 } };
    assert.deepEqual(evaluateRule(tests, facts([pipeline(['push'], [step])]), 'p'), [
      { path: 'Makefile', line: 4, rule: 'p/tests', strength: 'ci', detail: `pytest (via ${W}:9)` },
    ]);
  });

  it('ci-command: exceptTriggers leaves out jobs that also run on those triggers', () => {
    const rule: DetectionRule = { id: 'r', kind: 'ci-command', patterns: ['train\\.py'], triggers: ['schedule'], exceptTriggers: ['push', 'pull_request'] };
    const step = { path: W, line: 9, command: 'python train.py' };
    assert.equal(evaluateRule(rule, facts([pipeline(['push', 'schedule'], [step])]), 'p').length, 0);
    assert.equal(evaluateRule(rule, facts([pipeline(['schedule', 'manual'], [step])]), 'p').length, 1);
  });

  it('ci-trigger: jobs doing only housekeeping do not count', () => {
    const rule: DetectionRule = {
      id: 'ci', kind: 'ci-trigger', triggers: ['push', 'pull_request'],
      ignoreSteps: { uses: ['actions/checkout', 'actions/stale'], patterns: ['^echo\\b'] },
    };
    const housekeeping = pipeline(['pull_request'], [{ path: W, line: 5, uses: 'actions/checkout' }, { path: W, line: 6, command: 'echo hi\n# make' }]);
    assert.deepEqual(evaluateRule(rule, facts([housekeeping]), 'p'), []);
    const working = pipeline(['pull_request'], [{ path: W, line: 5, uses: 'actions/checkout' }, { path: W, line: 6, command: 'echo hi\nmake' }]);
    assert.deepEqual(evaluateRule(rule, facts([working]), 'p').map((s) => s.detail), ['on pull_request']);
    assert.deepEqual(evaluateRule(rule, facts([pipeline(['manual', 'schedule'], [{ path: W, line: 6, command: 'make' }])]), 'p'), []);
  });

  it('ci-python: a script CI runs that imports a module (or calls into it), with an optional call', () => {
    const sdk: DetectionRule = { id: 'sdk', kind: 'ci-python', imports: ['google.cloud.aiplatform', 'kfp'] };
    const fit: DetectionRule = { id: 'fit', kind: 'ci-python', imports: ['sklearn'], calls: ['*.fit'] };
    const run = pipeline(['push'], [{ path: W, line: 9, command: 'python build.py', python: 'build.py' }, { path: W, line: 10, command: 'python train.py', python: 'train.py' }]);
    const f = facts([run], {
      imports: [
        { path: 'build.py', line: 1, module: 'google.cloud' },
        { path: 'train.py', line: 1, module: 'sklearn.linear_model' },
        { path: 'unused.py', line: 1, module: 'kfp' },
      ],
      calls: [
        { path: 'build.py', line: 5, name: 'google.cloud.aiplatform.init', keywords: [], decorator: false },
        { path: 'train.py', line: 7, name: 'model.fit', keywords: [], decorator: false },
      ],
    });
    assert.deepEqual(evaluateRule(sdk, f, 'p').map((s) => [s.line, s.detail]), [[9, 'runs build.py (uses google.cloud.aiplatform.init)']]);
    assert.deepEqual(evaluateRule(fit, f, 'p').map((s) => s.line), [10]);
    // Importing sklearn without fitting anything (an inference script) is no training.
    const noFit = facts([run], { imports: [{ path: 'train.py', line: 1, module: 'sklearn' }], calls: [{ path: 'train.py', line: 3, name: 'model.predict', keywords: [], decorator: false }] });
    assert.deepEqual(evaluateRule(fit, noFit, 'p'), []);
  });
});
