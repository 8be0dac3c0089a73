/**
 * Glob matching over repository paths: minimatch semantics (case-insensitive, dotfiles
 * included), compiled once, and an index that answers the common glob shapes without
 * testing every path.
 */
import { Minimatch } from 'minimatch';

/**
 * Case-insensitive, dotfile-aware matcher over a set of globs, compiled once to regular
 * expressions (minimatch's own translation): matching is then one regex test per glob.
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const regexes = globs.map(compileGlob);
  return (path) => regexes.some((r) => r.test(path));
}

/** Compiled globs, kept across audits: the knowledge base's globs never change. */
const compiledGlobs = new Map<string, { test(path: string): boolean }>();

function compileGlob(glob: string): { test(path: string): boolean } {
  let compiled = compiledGlobs.get(glob);
  if (!compiled) {
    const matcher = new Minimatch(glob, { dot: true, nocase: true });
    compiled = matcher.makeRe() || { test: (path: string) => matcher.match(path) };
    compiledGlobs.set(glob, compiled);
  }
  return compiled;
}

/**
 * Paths looked up by glob without testing every glob against every path: globs of the
 * common shapes `**\/name` and `**\/*.ext` are answered from a base-name or extension
 * index; other globs fall back to testing each path. Results are cached per glob set.
 */
const LITERAL_NAME = /^\*\*\/([^*?[\]{}/!]+)$/;
const EXTENSION = /^\*\*\/\*(\.[^*?[\]{}/!]+)$/;

export class PathIndex {
  private readonly byName = new Map<string, string[]>();
  private readonly cache = new Map<string, string[]>();

  /** `matchPathOf` gives the path globs see (a template file's path in its generated project). */
  constructor(private readonly paths: readonly string[], private readonly matchPathOf: (path: string) => string = (path) => path) {
    for (const path of paths) {
      const seen = matchPathOf(path);
      const name = seen.slice(seen.lastIndexOf('/') + 1).toLowerCase();
      const group = this.byName.get(name);
      if (group) group.push(path);
      else this.byName.set(name, [path]);
    }
  }

  /** The paths matching any of the globs (case-insensitive, dotfiles included), in index order. */
  matching(globs: readonly string[]): string[] {
    const key = globs.join('\0');
    let result = this.cache.get(key);
    if (!result) {
      const found = new Set<string>();
      const rest: string[] = [];
      for (const glob of globs) {
        const name = LITERAL_NAME.exec(glob)?.[1]?.toLowerCase();
        const ext = EXTENSION.exec(glob)?.[1]?.toLowerCase();
        if (name !== undefined) {
          for (const path of this.byName.get(name) ?? []) found.add(path);
        } else if (ext !== undefined) {
          for (const [n, group] of this.byName) {
            if (n.endsWith(ext)) group.forEach((p) => found.add(p));
          }
        } else {
          rest.push(glob);
        }
      }
      if (rest.length > 0) {
        const match = globMatcher(rest);
        for (const path of this.paths) if (match(this.matchPathOf(path))) found.add(path);
      }
      result = this.paths.filter((p) => found.has(p));
      this.cache.set(key, result);
    }
    return result;
  }
}
