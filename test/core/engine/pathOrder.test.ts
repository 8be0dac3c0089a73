/** One file's facts are a run in path order: found and replaced without touching the others. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byLocation, byPath, itemsIn, rangeOf, replaceFiles } from '../../../src/core/engine/pathOrder';

const facts = [
  { path: 'a.py', line: 1 }, { path: 'b.py', line: 2 }, { path: 'b.py', line: 9 }, { path: 'd.py', line: 1 },
];

test('the range and items of a file, including one with none', () => {
  assert.deepEqual(rangeOf(facts, 'b.py'), [1, 3]);
  assert.deepEqual(itemsIn(facts, 'b.py'), [facts[1], facts[2]]);
  assert.deepEqual(rangeOf(facts, 'c.py'), [3, 3]);
  assert.deepEqual(itemsIn(facts, 'z.py'), []);
});

test('files replaced: emptied, given items where they had none, and changed', () => {
  const replaced = replaceFiles(facts, [
    ['a.py', []],
    ['c.py', [{ path: 'c.py', line: 4 }]],
    ['d.py', [{ path: 'd.py', line: 7 }, { path: 'd.py', line: 2 }]],
  ]);
  assert.deepEqual(replaced, [
    { path: 'b.py', line: 2 }, { path: 'b.py', line: 9 }, { path: 'c.py', line: 4 }, { path: 'd.py', line: 7 }, { path: 'd.py', line: 2 },
  ]);
  assert.equal(facts.length, 4, 'the input is not changed');
});

test('sorting by location orders lines; sorting by path keeps a file\'s own order', () => {
  const items = [{ path: 'b', line: 5 }, { path: 'a', line: 3 }, { path: 'b', line: 1 }];
  assert.deepEqual([...items].sort(byLocation), [{ path: 'a', line: 3 }, { path: 'b', line: 1 }, { path: 'b', line: 5 }]);
  assert.deepEqual([...items].sort(byPath), [{ path: 'a', line: 3 }, { path: 'b', line: 5 }, { path: 'b', line: 1 }]);
});
