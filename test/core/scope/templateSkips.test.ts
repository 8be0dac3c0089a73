/**
 * Skip calls of a template (Databricks' `{{ skip ... }}`) read without running the
 * template: which generated paths they leave out, and which calls are too unclear to apply.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSkipped, parseSkip } from '../../../src/core/scope/templateSkips';

const answers = { '.input_project_name': 'demo', '.input_cloud': 'azure' };

test('a literal path skips the file or folder it names, relative to the calling file', () => {
  const skip = parseSkip('`.azure`', '{{.input_root_dir}}/cicd', answers)!;
  assert.ok(isSkipped([skip], '{{.input_root_dir}}/cicd/.azure/pipelines/ci.yml', answers, undefined));
  assert.ok(!isSkipped([skip], '{{.input_root_dir}}/.azure/pipelines/ci.yml', answers, undefined), 'not beside another folder');
  assert.ok(isSkipped([parseSkip('"docs"', '', answers)!], 'docs', answers, undefined));
});

test('printf paths: variables match only template-expression folders, known answers their value', () => {
  const skip = parseSkip('(printf `%s/%s/%s` $root_dir $project `training/Train.py`)', '', answers)!;
  assert.ok(isSkipped([skip], '{{.input_root_dir}}/{{template `name` .}}/training/Train.py.tmpl', answers, '.tmpl'));
  assert.ok(!isSkipped([skip], '{{.input_root_dir}}/{{template `name` .}}/training/TrainMore.py.tmpl', answers, '.tmpl'));
  assert.ok(!isSkipped([skip], '{{.input_root_dir}}/docs/training/Train.py.tmpl', answers, '.tmpl'), 'an unknown part never matches a plain folder');
  const named = parseSkip('(printf `%s/%s-*` .input_project_name `run`)', '', answers)!;
  assert.ok(isSkipped([named], '{{.input_project_name}}/run-tests.yml', answers, undefined), 'a known answer renders the folder name');
  assert.ok(isSkipped([named], 'demo/run-tests.yml', answers, undefined));
  assert.ok(!isSkipped([named], 'other/run-tests.yml', answers, undefined));
});

test('near misses: calls that cannot be read are not applied', () => {
  assert.equal(parseSkip('(printf `%d/x` .n)', '', answers), undefined, 'only %s is understood');
  assert.equal(parseSkip('(printf `%s/%s` $a)', '', answers), undefined, 'arguments must match the verbs');
  assert.equal(parseSkip('(join $a `x`)', '', answers), undefined, 'other functions are not run');
  assert.equal(parseSkip('`../outside`', '', answers), undefined);
  assert.equal(parseSkip('`/abs`', '', answers), undefined);
});
