/** The seed quick fix fitted to real files: no duplicate imports, the project's seed, tidy blank lines, idempotent. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixInserts, type FixInsert } from '../../src/extension/fixEdit';
import type { CheckFix } from '../../src/core/model/knowledge';
import { knowledge } from '../helpers/auditFixture';

/** The shipped seed fix, as the knowledge base defines it. */
function seedFix(): CheckFix {
  const practice = knowledge().practices.find((p) => p.id === 'random-seeds')!;
  return practice.checks.find((c) => c.id === 'training-script-without-seed')!.fix!;
}

/** The file with the inserts applied (as the editor applies a WorkspaceEdit: each at its original line). */
function applied(text: string, inserts: readonly FixInsert[]): string {
  const lines = text.split('\n');
  for (const { line, text: added } of [...inserts].sort((a, b) => b.line - a.line)) lines.splice(line, 0, ...added.replace(/\n$/, '').split('\n'));
  return lines.join('\n');
}

function fixed(text: string): string {
  return applied(text, fixInserts(seedFix(), text.split('\n')));
}

test('a script with no seed gets the imports it lacks and the seeding code, with one blank line around', () => {
  assert.equal(fixed('import numpy as np\nimport torch\n\nmodel = torch.nn.Linear(2, 2)\n'),
    'import numpy as np\nimport torch\n\nimport random\n\nSEED = 42\nrandom.seed(SEED)\nnp.random.seed(SEED)\n\nmodel = torch.nn.Linear(2, 2)\n');
});

test('the project\'s own module-level seed is used, and the seeding code goes after it', () => {
  const text = 'import random\n\nimport numpy as np\nimport yaml\n\nPARAMS = yaml.safe_load(open("params.yaml"))\nRANDOM_SEED = PARAMS["seed"]\n\n\ndef main():\n    pass\n';
  assert.equal(fixed(text),
    'import random\n\nimport numpy as np\nimport yaml\n\nPARAMS = yaml.safe_load(open("params.yaml"))\nRANDOM_SEED = PARAMS["seed"]\n\nrandom.seed(RANDOM_SEED)\nnp.random.seed(RANDOM_SEED)\n\n\ndef main():\n    pass\n');
});

test('a seed only inside a function is not the module\'s: the fix keeps its own', () => {
  const text = 'import numpy as np\n\n\ndef main(params):\n    seed = params["seed"]\n';
  assert.match(fixed(text), /^SEED = 42$/m);
});

test('applying the fix to its own result adds nothing', () => {
  const once = fixed('import torch\n\nmodel = torch.nn.Linear(2, 2)\n');
  assert.deepEqual(fixInserts(seedFix(), once.split('\n')), []);
  assert.equal(fixed(once), once);
});
