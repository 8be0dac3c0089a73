/** The evaluation scorer on a tiny synthetic corpus, and the label checks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabel, repoKey, type CorpusRepo, type RepoLabel } from '../../scripts/eval/corpus';
import { levelCause, renderResults, summaryRows } from '../../scripts/eval/results';
import { score, type ToolVerdict } from '../../scripts/eval/score';

const IDS = ['ci', 'unit-tests', 'pipeline-definition'];
const repo = (name: string, category = 'research', split?: string): CorpusRepo => ({ url: `https://github.com/o/${name}`, commit: 'a'.repeat(40), category, key: `o__${name}`, ...(split ? { split } : {}) });

function label(level: number, practices: Record<string, 'present' | 'absent' | 'borderline' | 'trap'>): RepoLabel {
  return {
    level,
    levelRationale: 'test',
    practices: new Map(Object.entries(practices).map(([id, s]) => [id, {
      status: s === 'present' ? 'present' : 'absent',
      evidence: [],
      note: s === 'borderline' ? 'BORDERLINE: maybe' : s === 'trap' ? 'TRAP: named in README' : undefined,
      borderline: s === 'borderline',
      trap: s === 'trap',
    }])),
  };
}

const verdict = (level: number, statuses: Record<string, string>): ToolVerdict => ({
  level,
  statuses: new Map(Object.entries(statuses)),
  signals: new Map([['ci', ['.github/workflows/ci.yml (ci/github-actions)']]]),
});

// A toy level model: 1 with CI, 2 with CI and a pipeline.
const model = (s: ReadonlyMap<string, string>): number => (s.get('ci') === 'present' ? (s.get('pipeline-definition') === 'present' ? 2 : 1) : 0);

test('counts detections per practice, skips borderline labels, and computes micro figures', () => {
  const corpus = [repo('a'), repo('b'), repo('c', 'trap')];
  const labels = new Map([
    ['o__a', label(2, { ci: 'present', 'unit-tests': 'present', 'pipeline-definition': 'present' })],
    ['o__b', label(1, { ci: 'present', 'unit-tests': 'borderline', 'pipeline-definition': 'absent' })],
    ['o__c', label(0, { ci: 'absent', 'unit-tests': 'absent', 'pipeline-definition': 'trap' })],
  ]);
  const verdicts = new Map([
    // partial counts as detected; unit-tests missed
    ['o__a', verdict(2, { ci: 'present', 'unit-tests': 'absent', 'pipeline-definition': 'partial' })],
    ['o__b', verdict(1, { ci: 'present', 'unit-tests': 'present', 'pipeline-definition': 'absent' })],
    // the trap fires
    ['o__c', verdict(1, { ci: 'absent', 'unit-tests': 'absent', 'pipeline-definition': 'present' })],
  ]);
  const result = score(corpus, labels, verdicts, IDS, model);
  const byId = Object.fromEntries(result.practices.map((p) => [p.id, p]));
  assert.deepEqual([byId.ci.tp, byId.ci.fp, byId.ci.fn, byId.ci.tn], [2, 0, 0, 1]);
  assert.deepEqual([byId['unit-tests'].tp, byId['unit-tests'].fn, byId['unit-tests'].skipped], [0, 1, 1]);
  assert.deepEqual([byId['pipeline-definition'].tp, byId['pipeline-definition'].fp], [1, 1]);
  assert.equal(byId['pipeline-definition'].precision, 0.5);
  assert.equal(byId['unit-tests'].recall, 0);
  assert.deepEqual([result.micro.tp, result.micro.fp, result.micro.fn, result.micro.skipped], [3, 1, 1, 1]);
  assert.equal(result.micro.precision, 0.75);
  assert.equal(result.micro.recall, 0.75);
  assert.equal(result.micro.f1, 0.75);
  assert.equal(result.levelExact, 2);
  assert.equal(result.levelWithinOne, 3);
  assert.deepEqual(result.trapsAboveZero, ['o__c']);
  const trap = result.repos[2].disagreements[0];
  assert.deepEqual([trap.practice, trap.kind, trap.trap, trap.toolStatus], ['pipeline-definition', 'false-positive', true, 'present']);
});

test('the oracle level separates detection problems from level-model problems', () => {
  const corpus = [repo('a'), repo('b')];
  const labels = new Map([
    // labelled 2 and the model gives 2 on the labels: a detection problem
    ['o__a', label(2, { ci: 'present', 'unit-tests': 'absent', 'pipeline-definition': 'present' })],
    // labelled 2 but the model gives 1 on the labels: the model disagrees
    ['o__b', label(2, { ci: 'present', 'unit-tests': 'absent', 'pipeline-definition': 'absent' })],
  ]);
  const verdicts = new Map([
    ['o__a', verdict(1, { ci: 'present', 'unit-tests': 'absent', 'pipeline-definition': 'absent' })],
    ['o__b', verdict(1, { ci: 'present', 'unit-tests': 'absent', 'pipeline-definition': 'absent' })],
  ]);
  const result = score(corpus, labels, verdicts, IDS, model);
  assert.deepEqual(result.repos.map((r) => levelCause(r)), ['detection', 'level model (gives 1 on the labels)']);
});

test('borderline labels take the tool\'s status in the oracle level', () => {
  const labels = new Map([['o__a', label(1, { ci: 'borderline', 'unit-tests': 'absent', 'pipeline-definition': 'absent' })]]);
  const result = score([repo('a')], labels, new Map([['o__a', verdict(1, { ci: 'present' })]]), IDS, model);
  assert.equal(result.repos[0].oracleLevel, 1);
});

test('repositories without a label or a verdict are left out, not counted as agreement', () => {
  const result = score([repo('a'), repo('b')], new Map([['o__a', label(0, { ci: 'absent', 'unit-tests': 'absent', 'pipeline-definition': 'absent' })]]), new Map(), IDS, model);
  assert.equal(result.repos.length, 0);
  assert.deepEqual(summaryRows(result)[0].slice(1, 2), ['0/0 (–%)']);
  assert.equal(summaryRows(result)[0][3], '**missed**');
});

test('the results page shows the summary, per-practice rows and each disagreement', () => {
  const labels = new Map([['o__a', label(2, { ci: 'present', 'unit-tests': 'present', 'pipeline-definition': 'present' })]]);
  const verdicts = new Map([['o__a', verdict(1, { ci: 'present', 'unit-tests': 'present', 'pipeline-definition': 'absent' })]]);
  const md = renderResults(score([repo('a')], labels, verdicts, IDS, model), { date: '2026-12-04', commit: 'abc1234', corpusSize: 2, missing: ['o__b: no snapshot'] });
  assert.match(md, /1 of 2 repositories audited and scored \(left out: o__b: no snapshot\)/);
  assert.match(md, /\| level exact \| 0\/1 \(0\.0%\) \| ≥ 85% \| \*\*missed\*\* \|/);
  assert.match(md, /\| pipeline-definition \| 0 \| 0 \| 1 \| 0 \| 0 \| 1\.000 \| 0\.000 \| \*\*missed\*\* \|/);
  assert.match(md, /\| ci \| 1 \| 0 \| 0 \| 0 \| 0 \| 1\.000 \| 1\.000 \| met \|/);
  // The per-practice target: precision and recall each, for every practice.
  assert.match(md, /\| practices with precision and recall ≥ 0\.93 each \| 2\/3 \| all \| \*\*missed\*\* \|/);
  assert.match(md, /### o\/a \(label 2, tool 1\)\n\n- level: detection\./);
  assert.match(md, /- FN `pipeline-definition`: tool absent/);
});

test('a held-out split gets its own column beside the whole corpus', () => {
  const corpus = [repo('a'), repo('b', 'research', 'holdout')];
  const labels = new Map([
    ['o__a', label(1, { ci: 'present', 'unit-tests': 'absent', 'pipeline-definition': 'absent' })],
    ['o__b', label(2, { ci: 'present', 'unit-tests': 'absent', 'pipeline-definition': 'present' })],
  ]);
  const verdicts = new Map([
    ['o__a', verdict(1, { ci: 'present' })],
    ['o__b', verdict(1, { ci: 'present' })],
  ]);
  const all = score(corpus, labels, verdicts, IDS, model);
  const held = score(corpus.filter((r) => r.split === 'holdout'), labels, verdicts, IDS, model);
  const md = renderResults(all, { date: '2026-12-04', commit: 'abc', corpusSize: 2, missing: [] }, [{ label: 'held out', result: held }]);
  assert.match(md, /\| measure \| all \| held out \(1\) \| target \|  \|/);
  assert.match(md, /\| level exact \| 1\/2 \(50\.0%\) \| 0\/1 \(0\.0%\) \| ≥ 85% \| \*\*missed\*\* \|/);
  assert.match(md, /\| o\/b \| research, holdout \| 2 \| 1 \| 2 \| detection \|/);
});

test('label files are checked against the corpus entry and the practice ids', () => {
  const r = repo('a');
  const good = `repo: ${r.url}\ncommit: ${r.commit}\ncategory: research\nlevel: 1\nlevelRationale: CI runs tests.\npractices:\n  ci: {status: present, evidence: [.github/workflows/ci.yml]}\n  unit-tests: {status: present}\n  pipeline-definition: {status: absent, note: "BORDERLINE: a Makefile chains two steps"}\n`;
  const parsed = parseLabel('a.yaml', good, r, IDS);
  assert.equal(parsed.level, 1);
  assert.equal(parsed.practices.get('pipeline-definition')!.borderline, true);
  assert.deepEqual(parsed.practices.get('ci')!.evidence, ['.github/workflows/ci.yml']);
  assert.throws(() => parseLabel('a.yaml', good.replace('  unit-tests: {status: present}\n', ''), r, IDS), /a\.yaml: practices not labelled: unit-tests/);
  assert.throws(() => parseLabel('a.yaml', good.replace('level: 1', 'level: 5'), r, IDS), /'level' must be an integer 0-4/);
  assert.throws(() => parseLabel('a.yaml', good.replace('status: present}', 'status: partial}'), r, IDS), /practices\.unit-tests\.status must be present or absent/);
  assert.throws(() => parseLabel('a.yaml', `${good}  fairness: {status: absent}\n`, r, IDS), /unknown practice 'fairness'/);
  assert.throws(() => parseLabel('a.yaml', good.replace(r.commit, 'b'.repeat(40)), r, IDS), /'commit' must be a{40}/);
  assert.equal(repoKey('https://github.com/iterative/example-get-started'), 'iterative__example-get-started');
  assert.throws(() => repoKey('https://gitlab.com/a/b'), /not a GitHub repository URL/);
});
