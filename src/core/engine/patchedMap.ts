/**
 * A map with a few entries set or removed that shares the rest with the map it patches: a
 * re-audit after an edit changes a handful of the tens of thousands of entries a large
 * repository has, and copying them all would cost more than the rest of the re-audit.
 * Keys are iterated in order when the patched map's are (paths, sorted).
 */
export function patchMap<V>(base: ReadonlyMap<string, V>, set: ReadonlyMap<string, V>, removed: Iterable<string>): ReadonlyMap<string, V> {
  const gone = new Set([...removed].filter((key) => !set.has(key) && base.has(key)));
  if (set.size === 0 && gone.size === 0) return base;
  // Patches of patches flatten onto the first map: a lookup never walks a chain of edits.
  if (base instanceof PatchedMap) {
    const all = new Map([...base.set].filter(([key]) => !gone.has(key)));
    for (const [key, value] of set) all.set(key, value);
    return new PatchedMap(base.base, all, new Set([...base.removed].filter((key) => !set.has(key)).concat([...gone])));
  }
  return new PatchedMap(base, new Map(set), gone);
}

class PatchedMap<V> implements ReadonlyMap<string, V> {
  readonly size: number;
  /** Keys set that the base does not have, in order. */
  private readonly added: string[];

  constructor(readonly base: ReadonlyMap<string, V>, readonly set: ReadonlyMap<string, V>, readonly removed: ReadonlySet<string>) {
    this.added = [...set.keys()].filter((key) => !base.has(key)).sort();
    this.size = base.size + this.added.length - [...removed].filter((key) => base.has(key)).length;
  }

  get(key: string): V | undefined {
    if (this.removed.has(key)) return undefined;
    return this.set.has(key) ? this.set.get(key) : this.base.get(key);
  }

  has(key: string): boolean {
    return !this.removed.has(key) && (this.set.has(key) || this.base.has(key));
  }

  *entries(): MapIterator<[string, V]> {
    let i = 0;
    for (const [key, value] of this.base) {
      for (; i < this.added.length && this.added[i] < key; i++) yield [this.added[i], this.set.get(this.added[i])!];
      if (this.removed.has(key)) continue;
      yield [key, this.set.has(key) ? this.set.get(key)! : value];
    }
    for (; i < this.added.length; i++) yield [this.added[i], this.set.get(this.added[i])!];
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}
