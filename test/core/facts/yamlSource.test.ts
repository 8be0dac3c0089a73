import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml, YamlSyntaxError } from '../../../src/core/facts/yamlSource';

test('multi-document streams, line and position lookups', () => {
  const docs = parseYaml('a: 1\n---\njobs:\n  test:\n    steps:\n      - run: pytest\n');
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[1].value, { jobs: { test: { steps: [{ run: 'pytest' }] } } });
  assert.equal(docs[1].lineOf(['jobs', 'test']), 4);
  assert.equal(docs[1].lineOf(['jobs', 'test', 'steps', 0]), 6);
  assert.equal(docs[1].lineOf(['jobs', 'missing']), undefined);
  assert.deepEqual(docs[1].positionOf(['jobs', 'test', 'steps', 0, 'run']), { line: 6, column: 14 });
  assert.deepEqual(docs[1].positionOf(['jobs', 'test', 'nope']), { line: 5, column: 5 });
  assert.deepEqual(parseYaml(''), []);
});

test('merge keys expand, as CI files written with anchors expect', () => {
  const [doc] = parseYaml('.base: &base\n  image: python\njob:\n  <<: *base\n  script: [pytest]\n');
  assert.deepEqual(doc.value, { '.base': { image: 'python' }, job: { image: 'python', script: ['pytest'] } });
});

test('an alias bomb is refused instead of expanding exponentially', () => {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  assert.throws(() => parseYaml(levels.join('\n')), (err: unknown) => err instanceof YamlSyntaxError && /cannot expand document/.test(err.message));
});

test('syntax errors carry the line', () => {
  assert.throws(() => parseYaml('a: 1\nb:\n  - x\n   c: 2\n'), (err: unknown) => err instanceof YamlSyntaxError && err.line === 3);
});

test('Helm-style template values parse without console noise', () => {
  const written: unknown[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => written.push(args);
  try {
    parseYaml('metadata:\n  name: {{ .Values.name }}\n');
  } finally {
    console.warn = original;
  }
  assert.deepEqual(written, []);
});
