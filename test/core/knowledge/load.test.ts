import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError } from '../../../src/core/knowledge/errors';
import { parseKnowledge } from '../../../src/core/knowledge/load';
import { miniKnowledgeFiles, withFile } from './miniKnowledge';

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    assert.ok(err instanceof DataError, `expected a DataError, got ${err}`);
    return err.issues.map((i) => `${i.file}:${i.line ?? '-'}: ${i.path}: ${i.reason}`);
  }
  assert.fail('expected the knowledge base to be rejected');
}

const ciPractice = miniKnowledgeFiles().find((f) => f.path === 'practices/ci.yaml')!.text;

test('a valid knowledge base loads with defaults applied', () => {
  const kb = parseKnowledge(miniKnowledgeFiles());
  assert.equal(kb.practices.length, 1);
  assert.equal(kb.practices[0].require, 'configured');
  assert.equal(kb.practices[0].detect[0].strength, 'configured');
  assert.equal(kb.practices[0].file, 'practices/ci.yaml');
});

test('a missing required field names file, line and YAML path', () => {
  const issues = issuesOf(() => parseKnowledge(withFile('practices/ci.yaml', ciPractice.replace('effort: low\n', ''))));
  assert.deepEqual(issues, ["practices/ci.yaml:1: effort: missing required field 'effort'"]);
});

test('an unknown rule kind and a bad field type point at their lines', () => {
  const broken = ciPractice.replace('kind: file', 'kind: files').replace('level: 1', 'level: seven');
  const issues = issuesOf(() => parseKnowledge(withFile('practices/ci.yaml', broken)));
  assert.deepEqual(issues, [
    'practices/ci.yaml:4: level: expected a whole number',
    'practices/ci.yaml:11: detect[0].kind: expected one of file, dependency, import, call, yaml, ci-command, ci-uses, ci-trigger, ci-python, dockerfile, manifest, content, pinned-requirements, together',
  ]);
});

test('a call value without its keyword, and duplicate or missing sub-rules of a together rule, are rejected', () => {
  const rules = [
    '  - {id: seed, kind: call, names: [random.seed], value: "^1"}',
    '  - id: both',
    '    kind: together',
    '    rules:',
    '      - {id: a, kind: import, modules: [flask]}',
    '      - {id: a, kind: call, names: [joblib.load], exclude: ["**/tests/**"]}',
    '  - {id: alone, kind: together, scope: nearby, rules: [{id: b, kind: import, modules: [flask]}]}',
  ].join('\n');
  const issues = issuesOf(() => parseKnowledge(withFile('practices/ci.yaml', ciPractice.replace(/  - id: github\n.*\n.*\n/, `${rules}\n`))));
  assert.deepEqual(issues, [
    'practices/ci.yaml:16: detect[2].scope: expected one of file, imports, repository',
    'practices/ci.yaml:16: detect[2].rules: expected at least 2 items',
  ]);
  const fixed = rules.replace(/  - \{id: alone.*$/, '');
  assert.deepEqual(issuesOf(() => parseKnowledge(withFile('practices/ci.yaml', ciPractice.replace(/  - id: github\n.*\n.*\n/, `${fixed}\n`)))), [
    "practices/ci.yaml:10: detect[0].value: a call rule's value is the value of its keyword; give the keyword too",
    "practices/ci.yaml:15: detect[1].rules[1].id: duplicate id 'a'",
  ]);
});

test('a check\'s coveredBy names rules of its own practice', () => {
  const check = ['checks:', '  - id: loose', '    kind: unpinned-dependency', '    message: loose', '    coveredBy: {file: [github], folder: [gitlab]}', 'remediation:'].join('\n');
  const issues = issuesOf(() => parseKnowledge(withFile('practices/ci.yaml', ciPractice.replace('remediation:', check))));
  assert.deepEqual(issues, ["practices/ci.yaml:17: checks[0].coveredBy.folder[0]: unknown rule 'gitlab': coveredBy names rules of this practice's detect"]);
});

test('unresolved evidence, benefits and practice references are rejected', () => {
  const files = withFile('practices/ci.yaml', ciPractice.replace('evidence: [{ref: study#benefit, supports: need}]', 'evidence: [{ref: study#nope, supports: need}]').replace('[fewer-errors]', '[speed]'));
  const tradeoffs = files.find((f) => f.path === 'tradeoffs.yaml')!;
  tradeoffs.text = tradeoffs.text.replace('{practice: ci, status: [absent]}', '{practice: cd}');
  assert.deepEqual(issuesOf(() => parseKnowledge(files)), [
    "practices/ci.yaml:6: evidence[0].ref: evidence 'study#nope' does not resolve to a claim in sources.yaml",
    "practices/ci.yaml:7: benefits[0]: unknown benefit 'speed'; expected one of fewer-errors",
    "tradeoffs.yaml:5: tradeoffs[0].when.practice: unknown practice 'cd'",
  ]);
});

test('an unverified claim is never cited: it would be shown as a finding', () => {
  const issues = issuesOf(() => parseKnowledge(withFile('practices/ci.yaml', ciPractice.replace('evidence: [{ref: study#benefit, supports: need}]', 'evidence: [{ref: study#benefit, supports: need}, {ref: study#rumour, supports: need}]'))));
  assert.deepEqual(issues, ["practices/ci.yaml:6: evidence[1].ref: 'study#rumour' is unverified (seen only in a secondary summary): it may not be cited as evidence"]);
});

test('a citation says what it supports; a benefit claim must be one a benefit reports; an indirect one says how', () => {
  const cite = (citations: string) => parseKnowledge(withFile('practices/ci.yaml', ciPractice.replace('evidence: [{ref: study#benefit, supports: need}]', `evidence: [${citations}]`)));
  assert.match(issuesOf(() => cite('study#benefit')).join('\n'), /evidence\[0\]: expected a mapping/);
  assert.match(issuesOf(() => cite('{ref: study#benefit, supports: proof}')).join('\n'), /evidence\[0\]\.supports: expected one of need, benefit, definition, caveat/);
  assert.deepEqual(issuesOf(() => cite('{ref: study#benefit, supports: need, indirect: true}')), ['practices/ci.yaml:6: evidence[0]: an indirect citation needs a note saying how the claim bears on this']);
  // Cited as a benefit: fine while benefits.yaml reports it, refused once it only defines the benefit there.
  assert.equal(cite('{ref: study#benefit, supports: benefit}').practices[0].citations[0].supports, 'benefit');
  const files = withFile('practices/ci.yaml', ciPractice.replace('evidence: [{ref: study#benefit, supports: need}]', 'evidence: [{ref: study#benefit, supports: benefit}]'));
  files.find((f) => f.path === 'benefits.yaml')!.text = files.find((f) => f.path === 'benefits.yaml')!.text.replace('supports: benefit', 'supports: definition');
  assert.deepEqual(issuesOf(() => parseKnowledge(files)), ["practices/ci.yaml:6: evidence[0].supports: 'study#benefit' is cited as a benefit, but no benefit in benefits.yaml cites it as a reported benefit"]);
});

test('malformed YAML and a missing file are reported, not thrown raw', () => {
  const files = withFile('benefits.yaml', 'benefits:\n  - id: x\n   title: bad indent\n').filter((f) => f.path !== 'scoring.yaml');
  const issues = issuesOf(() => parseKnowledge(files));
  assert.equal(issues.length, 2);
  assert.match(issues[0], /^benefits\.yaml:3: : YAML syntax error: /);
  assert.equal(issues[1], 'scoring.yaml:-: : file is missing from the knowledge base');
});

test('a catastrophic-backtracking pattern is refused with the reason', () => {
  const broken = ciPractice.replace("    kind: file\n    glob: [\".github/workflows/*.yml\"]", '    kind: content\n    files: ["**/*.py"]\n    pattern: "(a+)+$"');
  const issues = issuesOf(() => parseKnowledge(withFile('practices/ci.yaml', broken)));
  assert.deepEqual(issues, ['practices/ci.yaml:13: detect[0].pattern: a repeated group that contains a repetition (like (a+)+) can take exponential time; simplify the pattern']);
});

test('levels must be listed in order and level 0 takes no condition', () => {
  const files = miniKnowledgeFiles();
  const levels = files.find((f) => f.path === 'levels.yaml')!;
  levels.text = levels.text.replace('level: 0\n    name: L0\n    description: level 0\n    evidence: [{ref: study#benefit, supports: need}]', 'level: 0\n    name: L0\n    description: level 0\n    evidence: [{ref: study#benefit, supports: need}]\n    when: {practice: ci}');
  assert.deepEqual(issuesOf(() => parseKnowledge(files)), ['levels.yaml:6: levels[0].when: level 0 is the default and takes no condition']);
});

test('scope.yaml: unknown practices and tools no rule names are rejected with their place', () => {
  const scope = miniKnowledgeFiles().find((f) => f.path === 'scope.yaml')!.text;
  const broken = scope.replace('sourceNotEvidenceOf: [ci]', 'sourceNotEvidenceOf: [ci, tracking]').replace('generalTools: []', 'generalTools: [airflw]\n    generalRules: [ci/no-such-rule]');
  assert.deepEqual(issuesOf(() => parseKnowledge(withFile('scope.yaml', broken))), [
    "scope.yaml:13: scope.libraries.sourceNotEvidenceOf[1]: unknown practice 'tracking'",
    "scope.yaml:16: scope.mlCode.generalTools[0]: no rule names the tool 'airflw'",
    "scope.yaml:17: scope.mlCode.generalRules[0]: unknown rule 'ci/no-such-rule'",
  ]);
});
