/**
 * Facts kept in path order (the scanner sorts them so): one file's facts are a contiguous
 * range, found by binary search and replaced without looking at the rest. A re-audit after an
 * edit works on those ranges.
 */

/** Anything found in a file. */
export interface Placed {
  path: string;
  line?: number;
}

/** The first index in `items` (sorted by `keyOf`) whose key is not before `key`. */
export function firstAtOrAfter<T>(items: readonly T[], key: string, keyOf: (item: T) => string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid]) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range `[start, end)` of the items found in `path`. */
export function rangeOf(items: readonly Placed[], path: string): [start: number, end: number] {
  const start = firstAtOrAfter(items, path, (item) => item.path);
  let end = start;
  while (end < items.length && items[end].path === path) end++;
  return [start, end];
}

/** The items found in `path`. */
export function itemsIn<T extends Placed>(items: readonly T[], path: string): T[] {
  const [start, end] = rangeOf(items, path);
  return items.slice(start, end);
}

/**
 * A copy of `items` (sorted by path) with the items of each file in `files` replaced by the
 * given ones (in their order); `files` must be sorted by path.
 */
export function replaceFiles<T extends Placed>(items: readonly T[], files: readonly (readonly [path: string, items: readonly T[]])[]): T[] {
  // Slices joined once: copying the untouched runs natively is what keeps a large group cheap.
  const pieces: (readonly T[])[] = [];
  let from = 0;
  for (const [path, replacement] of files) {
    const [start, end] = rangeOf(items, path);
    pieces.push(items.slice(from, start), replacement);
    from = end;
  }
  pieces.push(items.slice(from));
  return ([] as T[]).concat(...pieces);
}

/** Sorted by path, then line; items on the same line keep their order (the sort is stable). */
export function byLocation(a: Placed, b: Placed): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0);
}

/** Sorted by path alone; items of one file keep their order (the sort is stable). */
export function byPath(a: Placed, b: Placed): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
