/**
 * Facts grouped by a key (a module, a file, a pattern) for rules to look up. A re-audit
 * after an edit replaces the few groups the edited files were or are in and shares the
 * others with the last audit's (see patchMap).
 */
import { patchMap } from './patchedMap';

/** Items by key; a key with no items has no group. */
export type Groups<T> = ReadonlyMap<string, readonly T[]>;

/** Items grouped by a key, each group in the items' order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Groups<T> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** `groups` with the groups in `replaced` replaced (an empty one removed). */
export function withGroups<T>(groups: Groups<T>, replaced: ReadonlyMap<string, readonly T[]>): Groups<T> {
  const emptied = [...replaced].filter(([, items]) => items.length === 0).map(([key]) => key);
  return patchMap(groups, new Map([...replaced].filter(([, items]) => items.length > 0)), emptied);
}
