import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredLiterals } from '../../../src/core/engine/prefilter';
import { TextMatcher, patternKey } from '../../../src/core/engine/textMatches';
import { flattenRules, patternsOf } from '../../../src/core/engine/kinds';
import { knowledge } from '../../helpers/auditFixture';

test('literals: runs of plain characters, the longest required one', () => {
  assert.deepEqual(requiredLiterals('^[^#]*\\.merge_from_file\\('), ['.merge_from_file(']);
  assert.deepEqual(requiredLiterals('\\bRandomState\\(\\s*\\d'), ['randomstate(']);
  assert.deepEqual(requiredLiterals('\\bmlflow\\s+models\\s+serve'), ['mlflow'], 'a tie goes to the first');
  assert.deepEqual(requiredLiterals('mlflow|\\w+_tracker'), ['mlflow', '_tracker']);
  assert.deepEqual(requiredLiterals('caf\u00e9s'), ['caf'], 'a non-ASCII letter ends the run: it may fold in ways lower-casing does not');
});

test('literals: alternatives give a set, optional pieces give both strings', () => {
  assert.deepEqual(requiredLiterals('(kustomize|helm)\\.toolkit'), ['kustomize.toolkit', 'helm.toolkit']);
  assert.deepEqual(requiredLiterals('\\bconfigs?\\.ya?ml'), ['configs.yaml', 'configs.yml', 'config.yaml', 'config.yml']);
  assert.deepEqual(requiredLiterals('config[-_]file'), ['config-file', 'config_file']);
});

test('literals: none when some branch or the whole pattern requires nothing literal', () => {
  assert.equal(requiredLiterals('mlflow|\\w+'), undefined);
  assert.equal(requiredLiterals('(train)?\\w+'), undefined);
  assert.equal(requiredLiterals('\\d+\\.\\d+'), undefined);
  assert.equal(requiredLiterals('a'), undefined, 'one character rejects too little to be worth a search');
  assert.deepEqual(requiredLiterals('\\b(f1|r2)\\b'), ['f1', 'r2']);
  assert.equal(requiredLiterals('(?<x>a'), undefined, 'an unreadable pattern gives no literal, never a wrong one');
});

test('literals: lookaround and anchors match no characters; repetition keeps one copy', () => {
  assert.deepEqual(requiredLiterals('^(?!.*test)train\\b'), ['train']);
  assert.deepEqual(requiredLiterals('(?<=model_)version'), ['version']);
  assert.deepEqual(requiredLiterals('(abc){2,3}x'), ['abc']);
  assert.deepEqual(requiredLiterals('x{2}yz'), ['yz'], 'x{2} is not one x: the run ends there');
});

/** Every line of every rule example in the knowledge base. */
function exampleLines(): string[] {
  const lines = new Set<string>();
  for (const practice of knowledge().practices) {
    for (const rule of flattenRules(practice.detect)) {
      for (const example of rule.examples ?? []) for (const file of example.files) for (const line of file.text.split('\n')) lines.add(line);
    }
  }
  return [...lines];
}

test('soundness: no line that a knowledge-base pattern matches is ever dropped by its prefilter', () => {
  const lines = exampleLines();
  const patterns = new Set(knowledge().practices.flatMap((p) => flattenRules(p.detect).flatMap((r) => patternsOf(r).map((rp) => rp.pattern))));
  let checked = 0;
  for (const pattern of patterns) {
    const literals = requiredLiterals(pattern);
    if (!literals) continue;
    const regex = new RegExp(pattern, 'i');
    for (const line of lines) {
      if (!regex.test(line)) continue;
      checked++;
      const lower = line.toLowerCase();
      assert.ok(literals.some((l) => lower.includes(l)), `${pattern} matches ${JSON.stringify(line)} but none of ${JSON.stringify(literals)} occurs in it`);
    }
  }
  assert.ok(checked > 300, `only ${checked} matching example lines were checked`);
});

test('text matcher: first uncommented matching line per pattern, overlapping literals both found', () => {
  const specs = [{ pattern: '\\bconfig\\b', engine: 'native' as const }, { pattern: 'configs\\.load', engine: 'native' as const }, { pattern: 'never_here', engine: 'native' as const }];
  const matches = new TextMatcher(specs, false).match('a.py', '# config\nx = 1\nCONFIGS.load()\ny = config\n');
  assert.deepEqual(matches.first.get(patternKey(specs[0])), { line: 4, text: 'y = config' });
  assert.deepEqual(matches.first.get(patternKey(specs[1])), { line: 3, text: 'CONFIGS.load()' });
  assert.equal(matches.first.has(patternKey(specs[2])), false);
});

test('text matcher: a notebook is matched on its code cells, at their lines in the file', () => {
  const notebook = JSON.stringify({
    cells: [{ cell_type: 'markdown', source: ['mlflow.autolog() in prose\n'] }, { cell_type: 'code', source: ['import mlflow\n', 'mlflow.autolog()\n'] }],
    metadata: { kernelspec: { language: 'python' } },
  }, null, 1);
  const spec = { pattern: 'mlflow\\.autolog\\(', engine: 'linear' as const };
  const found = new TextMatcher([spec], false).match('nb.ipynb', notebook).first.get(patternKey(spec));
  assert.equal(found?.text, 'mlflow.autolog()');
  assert.equal(notebook.split('\n')[found!.line! - 1].includes('mlflow.autolog()'), true);
  assert.equal(notebook.split('\n')[found!.line! - 1].includes('prose'), false);
});

test('text matcher: script names only when asked for, and never from comments', () => {
  const text = '# bash old.sh\nbash scripts/train.sh\n';
  assert.deepEqual(new TextMatcher([], true).match('dag.py', text).scripts, ['scripts/train.sh']);
  assert.deepEqual(new TextMatcher([], false).match('dag.py', text).scripts, []);
});
