/** The editor adapter's pure logic: insertion points, config edits, path validation. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { lineAfterImports } from '../../src/extension/afterImports';
import { addSuppression, CONFIG_TEMPLATE, exactPathGlob, removeSuppression } from '../../src/extension/configFile';
import { findingSuppressor } from '../../src/core/assess/findingSuppressions';
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
  const after = addSuppression(before, { id: 'drift-monitoring', reason: 'Batch scoring only' });
  assert.match(after, /# team settings/);
  assert.match(after, /# we serve one customer/);
  assert.deepEqual(parse(after), { stage: 'pilot', suppress: [{ id: 'drift-monitoring', reason: 'Batch scoring only' }] });
  const replaced = addSuppression(after, { id: 'drift-monitoring', reason: 'Monitored by the platform' });
  assert.deepEqual(parse(replaced).suppress, [{ id: 'drift-monitoring', reason: 'Monitored by the platform' }]);
  assert.equal(parseConfig('.mlops-lens.yaml', replaced, knowledge()).suppressions.get('drift-monitoring'), 'Monitored by the platform');
  assert.deepEqual(parse(addSuppression('', { id: 'fairness', reason: 'No people data' })), { suppress: [{ id: 'fairness', reason: 'No people data' }] });
  assert.throws(() => addSuppression('stage: [pilot', { id: 'x', reason: 'y' }), /not valid YAML/);
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
  assert.deepEqual(addSuppression(uncommented, { id: 'random-seeds', reason: 'a reason' }).includes('random-seeds'), true);
});

test('a finding is suppressed in its file alone, odd names included, and unsuppressed by the entry that covers it', () => {
  const seed = 'random-seeds/training-script-without-seed';
  const odd = 'exp [v2]/train*{a,b}.py';
  let text = addSuppression('stage: pilot\n', { id: seed, path: exactPathGlob(odd), reason: 'exploratory' });
  text = addSuppression(text, { id: seed, path: 'tools/**', reason: 'benchmarks' });
  text = addSuppression(text, { id: 'drift-monitoring', reason: 'batch only' });
  const config = parseConfig('.mlops-lens.yaml', text, knowledge());
  const suppressed = findingSuppressor(config.findingSuppressions);
  assert.equal(suppressed({ id: seed, path: odd }), 'exploratory', 'the odd name matches its own entry');
  assert.equal(suppressed({ id: seed, path: 'exp [v2]/traina.py' }), undefined, 'its glob characters match only themselves');
  assert.equal(suppressed({ id: seed, path: 'tools/x/train.py' }), 'benchmarks');
  for (const name of ['!train.py', '#train.py', 'src/<img src=x onerror=alert(1)>_train.py', 'a/+(b)?.py', 'back\\slash/train.py']) {
    const only = findingSuppressor([{ check: seed, path: exactPathGlob(name), reason: 'r' }]);
    assert.equal(only({ id: seed, path: name }), 'r', name);
    assert.equal(only({ id: seed, path: 'train.py' }), undefined, `${name} matches only itself`);
  }

  const removed = removeSuppression(text, seed, 'tools/x/train.py');
  assert.deepEqual(removed?.removed, { id: seed, path: 'tools/**', reason: 'benchmarks' });
  assert.deepEqual(parse(removed!.text).suppress.map((e: { id: string }) => e.id), [seed, 'drift-monitoring']);
  assert.equal(removeSuppression(removed!.text, seed, 'tools/x/train.py'), undefined, 'nothing else covers it');
  const practiceGone = removeSuppression(removed!.text, 'drift-monitoring')!;
  const last = removeSuppression(practiceGone.text, seed, odd)!;
  assert.deepEqual(parse(last.text), { stage: 'pilot' }, 'an emptied list goes, the rest stays');
});

test('paths from the webview must stay inside the folder', () => {
  for (const ok of ['src/train.py', 'Dockerfile', '<img src=x onerror=alert(1)>.py', './a.py']) assert.ok(isSafeRelativePath(ok), ok);
  for (const bad of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'C:/x', 'a\\b', 'a//b', '', 'a\0b']) assert.ok(!isSafeRelativePath(bad), bad);
});
