import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLinearPattern, checkRulePattern, matchesLine, MAX_MATCHED_LINE } from '../../../src/core/engine/patterns';
import { parseConfig } from '../../../src/core/config/config';
import { knowledge } from '../../helpers/auditFixture';
import { customPracticeConfig } from '../../helpers/customPractice';

test('patterns with catastrophic shapes, back-references or bad syntax are refused with the reason', () => {
  assert.match(checkRulePattern('(a+)+$') ?? '', /exponential time/);
  assert.match(checkRulePattern('(\\w*)*x') ?? '', /exponential time/);
  assert.match(checkRulePattern('(a)\\1') ?? '', /back-references/);
  assert.match(checkRulePattern('x'.repeat(301)) ?? '', /longer than 300/);
  assert.equal(checkRulePattern('\\bpytest\\b'), undefined);
  assert.match(checkLinearPattern('foo(?!bar)') ?? '', /linear-time engine/, 'lookahead cannot run in linear time');
});

test('both engines agree on ordinary patterns and ignore case', () => {
  for (const engine of ['native', 'linear'] as const) {
    assert.equal(matchesLine('mlflow\\.log_', '  MLflow.log_metric(x)', engine), true, engine);
    assert.equal(matchesLine('^\\s*rule\\s+\\w+\\s*:', 'rule train:', engine), true, engine);
    assert.equal(matchesLine('\\bpytest\\b', 'pytests', engine), false, engine);
  }
});

test('the linear engine matches an overlapping alternation in linear time', () => {
  // `(a|aa)+$` backtracks exponentially on V8 for a long run of a's that does not end the line.
  const line = `${'a'.repeat(MAX_MATCHED_LINE - 1)}b`;
  assert.equal(checkRulePattern('(a|aa)+$'), undefined, 'not caught by the shape check; the engine is the guard');
  assert.equal(matchesLine('(a|aa)+$', line, 'linear'), false);
});

test('practices from a repository config run on the linear engine; the knowledge base on V8', () => {
  const config = parseConfig('.mlops-lens.yaml', customPracticeConfig('[{id: r, kind: content, files: ["**/*.py"], pattern: "(a|aa)+$"}]'), knowledge());
  assert.equal(config.practices[0].patternEngine, 'linear');
  assert.ok(knowledge().practices.every((p) => p.patternEngine === 'native'));
});
