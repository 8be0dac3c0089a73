/** The level model on the shipped knowledge base: defining capabilities, foundation gaps, the why sentence. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConditionContext } from '../../../src/core/assess/conditions';
import { decideLevel, firstSentence } from '../../../src/core/assess/level';
import type { PracticeStatus } from '../../../src/core/model/knowledge';
import { knowledge } from '../../helpers/auditFixture';

function levelOf(statuses: Record<string, PracticeStatus>, target = 3, mlImports = 1) {
  const ctx: ConditionContext = {
    status: (id) => statuses[id] ?? 'absent',
    signals: () => [],
    tools: new Map(),
    counts: { pythonFiles: 0, notebooks: 0, manualSteps: 0, ciPipelines: 0, files: 0, releaseTriggers: 0, mlImports },
    suppressedMeets: false,
  };
  const kb = knowledge();
  return decideLevel(kb.levels, kb.practices, target, ctx);
}

test('a versioned pipeline with tracked runs is level 2 even with nothing pinned or tested; the gaps are listed beside it', () => {
  const level = levelOf({ vcs: 'present', 'pipeline-definition': 'present', 'experiment-tracking': 'present' });
  assert.equal(level.current, 2);
  assert.deepEqual(level.foundationGaps.map((g) => [g.practice, g.level, g.status]), [
    ['dependency-pinning', 1, 'absent'],
    ['unit-tests', 1, 'absent'],
    ['environment-as-code', 2, 'absent'],
    ['config-management', 2, 'absent'],
    ['random-seeds', 2, 'absent'],
    ['code-quality', 2, 'absent'],
  ]);
  const env = level.foundationGaps.find((g) => g.practice === 'environment-as-code')!;
  assert.deepEqual(env.alternatives, ['containerization']);
  assert.equal(env.title, 'Environment as code');
  assert.ok(env.firstStep.length > 0 && env.why.endsWith('.'), 'every gap says why and what to do first');
  assert.equal(
    level.decidedBy,
    'Level 2 (Reproducible pipelines) because of Pipeline as code and Experiment tracking; foundation gaps: Pinned dependencies, Unit tests, '
      + 'Environment as code or Containerization, Configuration management, Fixed random seeds and Code quality checks.',
  );
});

test('an alternative closes a gap, a partial practice leaves it open as partial, a suppressed one closes it', () => {
  const level = levelOf({
    vcs: 'present', 'pipeline-definition': 'present', 'data-versioning': 'present',
    containerization: 'present', 'dependency-pinning': 'partial', 'unit-tests': 'suppressed',
    'config-management': 'present', 'random-seeds': 'present', 'code-quality': 'present',
  });
  assert.equal(level.current, 2);
  assert.deepEqual(level.foundationGaps.map((g) => [g.practice, g.status]), [['dependency-pinning', 'partial']]);
});

test('only foundations at or below the current level are gaps', () => {
  const level = levelOf({ vcs: 'present', 'experiment-tracking': 'present', 'dependency-pinning': 'present', 'unit-tests': 'present' });
  assert.equal(level.current, 1);
  assert.deepEqual(level.foundationGaps, []);
  assert.equal(level.decidedBy, 'Level 1 (Tracked) because of Version control and Experiment tracking, with no foundation gaps below it.');
  assert.deepEqual(level.next?.requirements, [['pipeline-definition', 'ml-in-ci']]);
});

test('CI that tests and deploys is level 1 without an ML workflow, and level 3 on top of a tracked pipeline', () => {
  const devops = { vcs: 'present', 'ci-runs-tests': 'present', 'continuous-deployment': 'present' } as const;
  assert.equal(levelOf(devops).current, 1);
  assert.equal(levelOf({ ...devops, 'pipeline-definition': 'present', 'model-registry': 'present' }).current, 3);
});

test('CI/CD is automated delivery only when the deployed model is registered or gated', () => {
  const delivered = { vcs: 'present', 'pipeline-definition': 'present', 'experiment-tracking': 'present', 'ci-runs-tests': 'present', 'continuous-deployment': 'present' } as const;
  const level = levelOf(delivered);
  assert.equal(level.current, 2, 'a model file baked into an image is deployed untraced and unchecked');
  assert.deepEqual(level.next?.missing, ['model-registry', 'model-evaluation-gate', 'scheduled-retraining']);
  assert.equal(levelOf({ ...delivered, 'model-registry': 'present' }).current, 3);
  assert.equal(levelOf({ ...delivered, 'model-evaluation-gate': 'present' }).current, 3);
});

test('what the next level needs lists only groups that are really needed, from the way closest to holding', () => {
  const tested = { vcs: 'present', 'pipeline-definition': 'present', 'experiment-tracking': 'present', 'ci-runs-tests': 'present' } as const;
  const level = levelOf(tested);
  assert.equal(level.current, 2);
  assert.deepEqual(level.next?.requirements, [['continuous-deployment'], ['model-registry', 'model-evaluation-gate']]);
});

test('a pipeline without traceable runs is level 1, and level 2 when it retrains on its own (continuous training)', () => {
  const pipeline = { vcs: 'present', 'pipeline-definition': 'present' } as const;
  assert.equal(levelOf(pipeline).current, 1);
  assert.equal(levelOf({ ...pipeline, 'scheduled-retraining': 'present' }).current, 2);
});

test('a scheduled retraining pipeline that is itself deployed by CD is automated delivery', () => {
  const scheduled = { vcs: 'present', 'pipeline-definition': 'present', 'experiment-tracking': 'present', 'scheduled-retraining': 'present' } as const;
  assert.equal(levelOf(scheduled).current, 2);
  assert.equal(levelOf({ ...scheduled, 'continuous-deployment': 'present' }).current, 3);
});

test('without ML code a repository stays at level 0 however well it is built, and says so', () => {
  const built = { vcs: 'present', 'ci-runs-tests': 'present', 'continuous-deployment': 'present', 'experiment-tracking': 'present' } as const;
  const level = levelOf(built, 3, 0);
  assert.equal(level.current, 0);
  assert.equal(level.decidedBy, 'Level 0 (Ad hoc): level 1 needs imports of ML libraries: found 0, at least 1 needed.');
  assert.equal(levelOf(built, 3, 1).current, 1);
  assert.doesNotMatch(levelOf(built, 3, 12).decidedBy, /imports/, 'the precondition is not named as a capability');
});

test('training and evaluation that CI runs for real stand for the pipeline at level 2; a smoke run does not', () => {
  const tracked = { vcs: 'present', 'experiment-tracking': 'present' } as const;
  assert.equal(levelOf({ ...tracked, 'ml-in-ci': 'present' }).current, 2);
  assert.equal(levelOf({ ...tracked, 'ml-in-ci': 'partial' }).current, 1);
});

test('a retraining pipeline that runs on its own, gates and registers each model is automated delivery without CI/CD', () => {
  const pipeline = { vcs: 'present', 'pipeline-definition': 'present', 'experiment-tracking': 'present' } as const;
  const automated = { ...pipeline, 'scheduled-retraining': 'present', 'model-registry': 'present', 'model-evaluation-gate': 'present' } as const;
  assert.equal(levelOf(automated).current, 3);
  assert.equal(levelOf({ ...automated, 'model-evaluation-gate': 'absent' }).current, 2, 'no check before registration: not delivery');
  assert.equal(levelOf({ ...automated, 'drift-monitoring': 'present' }).current, 4);
});

test('level 0 names what level 1 needs, by title', () => {
  const level = levelOf({ vcs: 'present' });
  assert.equal(level.current, 0);
  assert.equal(level.foundationGaps.length, 0);
  assert.match(level.decidedBy, /^Level 0 \(Ad hoc\): the repository does not yet have what level 1 needs: one of Experiment tracking, Data versioning, Model registry, Tests run in CI, Continuous deployment, Pipeline as code\.$/);
});

test('firstSentence keeps the first sentence of a rationale on one line', () => {
  assert.equal(firstSentence('Tests only protect a project\n  when they run. More text.'), 'Tests only protect a project when they run.');
  assert.equal(firstSentence('No full stop'), 'No full stop');
  assert.equal(firstSentence('Version 1.2 is fine. Next.'), 'Version 1.2 is fine.');
});
