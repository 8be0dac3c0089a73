/**
 * Glob matching over repository paths: minimatch semantics (case-insensitive, dotfiles
 * included), compiled once, and an index that answers the common glob shapes without
 * testing every path.
 */
import { braceExpand, Minimatch } from 'minimatch';

/**
 * Case-insensitive, dotfile-aware matcher over a set of globs, compiled once to regular
 * expressions (minimatch's own translation). Most paths fail on a literal part a glob
 * requires, so that substring is tested first, on the path lower-cased once per call.
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const compiled = globs.map(compileGlob);
  const anyLiteral = compiled.some((c) => c.literal !== undefined);
  return (path) => {
    const padded = anyLiteral ? paddedPath(path) : '';
    return compiled.some((c) => matchesCompiled(c, path, padded));
  };
}

/** The path as required literals are tested against it: lower case, a slash at both ends. */
function paddedPath(path: string): string {
  return `/${path.toLowerCase()}/`;
}

function matchesCompiled(glob: CompiledGlob, path: string, padded: string): boolean {
  return (glob.literal === undefined || padded.includes(glob.literal)) && glob.regex.test(path);
}

interface CompiledGlob {
  regex: { test(path: string): boolean };
  /** A run every match contains, lower case, to test on `/path/` before the regex. */
  literal?: string;
}

/** Compiled globs, kept across audits: the knowledge base's globs never change. */
const compiledGlobs = new Map<string, CompiledGlob>();

function compileGlob(glob: string): CompiledGlob {
  let compiled = compiledGlobs.get(glob);
  if (!compiled) {
    const matcher = new Minimatch(glob, { dot: true, nocase: true });
    const literal = requiredLiteral(glob);
    compiled = { regex: matcher.makeRe() || { test: (path: string) => matcher.match(path) }, ...(literal === undefined ? {} : { literal }) };
    compiledGlobs.set(glob, compiled);
  }
  return compiled;
}

/**
 * The longest literal run every match of the glob contains (lower case), or undefined
 * when there is none worth testing. Brace, class and extglob groups are alternatives,
 * not requirements, so they count as wildcards; `**` may match no folder, so the path is
 * tested with a slash added at both ends.
 */
export function requiredLiteral(glob: string): string | undefined {
  if (glob.startsWith('!') || glob.includes('\\')) return undefined;
  const fixed = glob
    .replace(/[@!?+*]\([^)]*\)/g, '*')
    .replace(/\{[^}]*\}/g, '*')
    .replace(/\[[^\]]*\]/g, '*');
  // Nested groups are not worth taking apart: no prefilter for them.
  if (/[{}()[\]]/.test(fixed)) return undefined;
  const runs = `/${fixed}/`.split(/[*?]+/).map((run) => run.replace(/\/{2,}/g, '/'));
  const longest = runs.reduce((best, run) => (run.length > best.length ? run : best), '');
  return longest.replace(/\//g, '').length >= 3 ? longest.toLowerCase() : undefined;
}

/**
 * Paths looked up by glob without testing every glob against every path: globs of the
 * common shapes `**\/name` and `**\/*.ext` are answered from a base-name or extension
 * index; other globs fall back to testing each path. Results are cached per glob set.
 */
const LITERAL_NAME = /^\*\*\/([^*?[\]{}/!]+)$/;
const EXTENSION = /^\*\*\/\*(\.[^*?[\]{}()/!+@|]+)$/;
/** A glob whose last segment is `*.ext`: only paths ending in `.ext` can match. */
const ENDS_IN_EXTENSION = /^[^!].*\/\*(\.[^*?[\]{}()/!+@|]+)$/;

export class PathIndex {
  private readonly byName = new Map<string, string[]>();
  private readonly cache = new Map<string, string[]>();
  private readonly perGlob = new Map<string, readonly string[]>();
  /** Built on first use: each path's place in the index, and its padded form (see paddedPath). */
  private position?: Map<string, number>;
  private padded?: string[];
  /** Built on first use: paths by every extension their name ends in (`.env.yml` and `.yml`), lower case. */
  private byExtension?: Map<string, number[]>;

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
      // Braces expanded first, so `**/*.y{a,}ml` is answered from the extension index too.
      for (const glob of new Set(globs.flatMap((g) => braceExpand(g)))) {
        for (const path of this.matchingOne(glob)) found.add(path);
      }
      this.position ??= new Map(this.paths.map((p, i) => [p, i]));
      const position = this.position;
      result = [...found].sort((a, b) => position.get(a)! - position.get(b)!);
      this.cache.set(key, result);
    }
    return result;
  }

  /** Indexes of the paths whose name ends in `ext` (lower case, with its dot). */
  private withExtension(ext: string): number[] {
    if (!this.byExtension) {
      this.byExtension = new Map();
      this.paths.forEach((path, i) => {
        const seen = this.matchPathOf(path);
        const name = seen.slice(seen.lastIndexOf('/') + 1).toLowerCase();
        for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
          const suffix = name.slice(dot);
          const group = this.byExtension!.get(suffix);
          if (group) group.push(i);
          else this.byExtension!.set(suffix, [i]);
        }
      });
    }
    return this.byExtension.get(ext) ?? [];
  }

  /** The paths one brace-free glob matches, cached: many rules share globs. */
  private matchingOne(glob: string): readonly string[] {
    let result = this.perGlob.get(glob);
    if (!result) {
      const name = LITERAL_NAME.exec(glob)?.[1]?.toLowerCase();
      const ext = EXTENSION.exec(glob)?.[1]?.toLowerCase();
      if (name !== undefined) {
        result = this.byName.get(name) ?? [];
      } else if (ext !== undefined) {
        result = this.withExtension(ext).map((i) => this.paths[i]);
      } else {
        const compiled = compileGlob(glob);
        this.padded ??= this.paths.map((path) => paddedPath(this.matchPathOf(path)));
        const padded = this.padded;
        const last = ENDS_IN_EXTENSION.exec(glob)?.[1]?.toLowerCase();
        const candidates = last !== undefined ? this.withExtension(last) : this.paths.map((_, i) => i);
        result = candidates.filter((i) => matchesCompiled(compiled, this.matchPathOf(this.paths[i]), padded[i])).map((i) => this.paths[i]);
      }
      this.perGlob.set(glob, result);
    }
    return result;
  }
}
