/** The editor adapter's pure logic: insertion points, config edits, path validation. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { lineAfterImports } from '../../src/extension/afterImports';
import { addSuppression, CONFIG_TEMPLATE } from '../../src/extension/configFile';
import { isSafeRelativePath } from '../../src/extension/safePath';
import { parseConfig } from '../../src/core/config/config';
import { knowledge } from '../helpers/auditFixture';

test('quick fixes insert after the shebang, docstring and import block', () => {
  assert.equal(lineAfterImports(['import numpy as np', 'import torch', '', 'model = 1']), 2);
  assert.equal(lineAfterImports(['#!/usr/bin/env python', '"""Train."""', 'from a import (', '    b,', ')', 'x = 1']), 5);
  assert.equal(lineAfterImports(['"""Train the model.', '', 'Long description.', '"""', '', 'import os', 'def f(): pass']), 6);
  assert.equal(lineAfterImports(['x = 1', 'import os']), 0);
  assert.equal(lineAfterImports([]), 0);
});

test('regression: quick fixes never insert inside a backslash-continued import, nor before `from __future__` when a comment holds a bracket', () => {
  assert.equal(lineAfterImports(['import numpy as np, \\', '    pandas as pd', 'x = 1']), 2);
  assert.equal(lineAfterImports(['# Train (v2)', 'from __future__ import annotations', 'import os', 'run()']), 3);
  assert.equal(lineAfterImports(['from . import features', 'from .models import (', '    Net,', ')', 'main()']), 4);
  assert.equal(lineAfterImports(['"""Doc with an import os inside."""', 'x = 1']), 1);
  assert.equal(lineAfterImports(['print("import os")', 'import os']), 0);
});

test('a suppression is added to the config, keeping comments, and the result is a valid config', () => {
  const before = '# team settings\nstage: pilot # we serve one customer\n';
  const after = addSuppression(before, 'drift-monitoring', 'Batch scoring only');
  assert.match(after, /# team settings/);
  assert.match(after, /# we serve one customer/);
  assert.deepEqual(parse(after), { stage: 'pilot', suppress: [{ id: 'drift-monitoring', reason: 'Batch scoring only' }] });
  const replaced = addSuppression(after, 'drift-monitoring', 'Monitored by the platform');
  assert.deepEqual(parse(replaced).suppress, [{ id: 'drift-monitoring', reason: 'Monitored by the platform' }]);
  assert.equal(parseConfig('.mlops-lens.yaml', replaced, knowledge()).suppressions.get('drift-monitoring'), 'Monitored by the platform');
  assert.deepEqual(parse(addSuppression('', 'fairness', 'No people data')), { suppress: [{ id: 'fairness', reason: 'No people data' }] });
  assert.throws(() => addSuppression('stage: [pilot', 'x', 'y'), /not valid YAML/);
});

test('the config template is itself a valid config, and so is every commented example uncommented', () => {
  const config = parseConfig('.mlops-lens.yaml', CONFIG_TEMPLATE, knowledge());
  assert.deepEqual(config.excludes, []);
  assert.equal(config.suppressions.size, 0);
  // What a user does: delete the `# ` in front of an example's lines.
  const uncommented = CONFIG_TEMPLATE.split('\n').map((line) => line.replace(/^# (?=\s*(?:[A-Za-z]+:(?:\s|$)|- ))/, '')).join('\n');
  assert.notEqual(uncommented, CONFIG_TEMPLATE);
  const all = parseConfig('.mlops-lens.yaml', uncommented, knowledge());
  assert.equal(all.stage, 'pilot');
  assert.equal(all.suppressions.get('drift-monitoring'), 'Batch scoring only; the platform team monitors the output tables.');
  assert.equal(all.limits.maxFiles, 100000);
  assert.equal(all.scope.library, 'auto');
  assert.deepEqual(addSuppression(uncommented, 'random-seeds', 'a reason').includes('random-seeds'), true);
});

test('paths from the webview must stay inside the folder', () => {
  for (const ok of ['src/train.py', 'Dockerfile', '<img src=x onerror=alert(1)>.py', './a.py']) assert.ok(isSafeRelativePath(ok), ok);
  for (const bad of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'C:/x', 'a\\b', 'a//b', '', 'a\0b']) assert.ok(!isSafeRelativePath(bad), bad);
});
