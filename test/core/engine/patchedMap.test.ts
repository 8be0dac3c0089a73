/** Maps and groups patched after edits answer, count and iterate as a copy with the changes would. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patchMap } from '../../../src/core/engine/patchedMap';
import { groupBy, withGroups } from '../../../src/core/engine/groups';

const base = new Map([['a.py', 1], ['c.py', 3], ['e.py', 5]]);

/** What patchMap must equal: a copy with the entries set and removed, keys sorted. */
function copied(from: ReadonlyMap<string, number>, set: ReadonlyMap<string, number>, removed: readonly string[]): Map<string, number> {
  const copy = new Map(from);
  for (const [key, value] of set) copy.set(key, value);
  for (const key of removed) if (!set.has(key)) copy.delete(key);
  return new Map([...copy].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function sameAs(actual: ReadonlyMap<string, number>, expected: Map<string, number>): void {
  assert.deepEqual([...actual], [...expected]);
  assert.deepEqual([...actual.keys()], [...expected.keys()]);
  assert.deepEqual([...actual.values()], [...expected.values()]);
  assert.equal(actual.size, expected.size);
  for (const key of ['a.py', 'b.py', 'c.py', 'd.py', 'e.py', 'f.py']) {
    assert.equal(actual.get(key), expected.get(key), key);
    assert.equal(actual.has(key), expected.has(key), key);
  }
  const seen: [string, number][] = [];
  actual.forEach((value, key) => seen.push([key, value]));
  assert.deepEqual(seen, [...expected]);
}

test('a patched map is the copy with entries replaced, added in key order and removed', () => {
  const set = new Map([['c.py', 30], ['b.py', 2], ['f.py', 6]]);
  sameAs(patchMap(base, set, ['e.py', 'nothing.py']), copied(base, set, ['e.py']));
});

test('a patch of a patch flattens onto the first map and keeps every change', () => {
  const first = patchMap(base, new Map([['b.py', 2]]), ['c.py']);
  const second = patchMap(first, new Map([['c.py', 33], ['d.py', 4]]), ['b.py', 'a.py']);
  sameAs(second, copied(copied(base, new Map([['b.py', 2]]), ['c.py']), new Map([['c.py', 33], ['d.py', 4]]), ['b.py', 'a.py']));
  assert.deepEqual([...first], [['a.py', 1], ['b.py', 2], ['e.py', 5]], 'the first patch is unchanged');
});

test('a patch that changes nothing is the map itself', () => {
  assert.equal(patchMap(base, new Map(), ['absent.py']), base);
});

test('groups with one replaced and one emptied', () => {
  const groups = groupBy([{ k: 'x', v: 1 }, { k: 'y', v: 2 }, { k: 'x', v: 3 }], (i) => i.k);
  assert.deepEqual(groups.get('x'), [{ k: 'x', v: 1 }, { k: 'x', v: 3 }]);
  const next = withGroups(groups, new Map([['x', []], ['z', [{ k: 'z', v: 4 }]]]));
  assert.equal(next.get('x'), undefined);
  assert.deepEqual(next.get('y'), [{ k: 'y', v: 2 }]);
  assert.deepEqual(next.get('z'), [{ k: 'z', v: 4 }]);
});
