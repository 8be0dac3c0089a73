/** Template conditions evaluated with the default answers; anything not understood is unknown. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCondition, type Answer } from '../../../src/core/scope/templateConditions';

const answers: Record<string, Answer> = {
  'cookiecutter.license': 'MIT',
  'cookiecutter.use_docker': 'n',
  'cookiecutter.tests': true,
  '.input_cloud': 'azure',
  '.input_include_feature_store': 'no',
};
const lookup = (v: string) => answers[v];

test('Jinja comparisons, membership and boolean logic', () => {
  assert.equal(evaluateCondition("cookiecutter.license == 'MIT'", lookup, 'jinja'), true);
  assert.equal(evaluateCondition('cookiecutter.use_docker == "y"', lookup, 'jinja'), false);
  assert.equal(evaluateCondition("cookiecutter.license != 'No license file' and cookiecutter.tests", lookup, 'jinja'), true);
  assert.equal(evaluateCondition("not cookiecutter.tests or cookiecutter.license in ['MIT', 'BSD']", lookup, 'jinja'), true);
  assert.equal(evaluateCondition("cookiecutter.use_docker not in ('y', 'yes')", lookup, 'jinja'), undefined, 'tuples are not understood');
});

test('Go comparisons and nested calls', () => {
  assert.equal(evaluateCondition('(eq .input_cloud `azure`)', lookup, 'go'), true);
  assert.equal(evaluateCondition('eq .input_include_feature_store "yes"', lookup, 'go'), false);
  assert.equal(evaluateCondition('(or (eq .input_cloud `aws`) (eq .input_cloud `azure`))', lookup, 'go'), true);
  assert.equal(evaluateCondition('(not (eq .input_cloud `azure`))', lookup, 'go'), false);
  assert.equal(evaluateCondition('and (eq .input_cloud `azure`) (ne .input_include_feature_store `no`)', lookup, 'go'), false);
});

test('near misses: unknown answers, filters and functions are unknown, never guessed', () => {
  assert.equal(evaluateCondition("cookiecutter.other == 'x'", lookup, 'jinja'), undefined);
  assert.equal(evaluateCondition("cookiecutter.license|lower == 'mit'", lookup, 'jinja'), undefined);
  assert.equal(evaluateCondition('(eq (len .input_cloud) 5)', lookup, 'go'), undefined);
  assert.equal(evaluateCondition('cookiecutter.license > 1', lookup, 'jinja'), undefined);
  assert.equal(evaluateCondition('', lookup, 'jinja'), undefined);
  assert.equal(evaluateCondition('x'.repeat(400), lookup, 'jinja'), undefined);
});
