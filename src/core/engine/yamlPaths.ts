/** Key paths inside parsed YAML values, with `*` matching any key or list index. */

export type KeyPath = (string | number)[];

/** Every path where `pattern` (dot-separated, `*` wildcards) exists in `value`. */
export function findKeyPaths(value: unknown, pattern: readonly string[], at: KeyPath = []): { path: KeyPath; value: unknown }[] {
  if (pattern.length === 0) return [{ path: at, value }];
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = pattern;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  return entries
    .filter(([key]) => head === '*' || String(key) === head)
    .flatMap(([key, child]) => findKeyPaths(child, rest, [...at, key]));
}
