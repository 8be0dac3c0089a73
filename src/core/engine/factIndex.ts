/**
 * Facts indexed once per audit so each rule looks only at candidates: imports and calls
 * by their top-level module, texts by path. Imports and calls of the repository's own packages are left
 * out here, once, for every rule.
 */
import type { Facts, FileFact, PythonCall, PythonImport } from '../model/facts';
import { PathIndex } from '../scan/globs';
import { NamedScripts } from './namedScripts';

export interface FactIndex {
  importsByRoot: ReadonlyMap<string, readonly PythonImport[]>;
  callsByRoot: ReadonlyMap<string, readonly PythonCall[]>;
  /** Imports and calls of each Python file (own packages left out too), for rules on the scripts CI runs. */
  importsByPath: ReadonlyMap<string, readonly PythonImport[]>;
  callsByPath: ReadonlyMap<string, readonly PythonCall[]>;
  /** Calls by their last dotted segment (`fit` for `model.fit`), for globs like `*.fit`. */
  callsByLast: ReadonlyMap<string, readonly PythonCall[]>;
  /** Every call (own packages left out), for globs with no literal first or last segment. */
  allCalls: readonly PythonCall[];
  files: PathIndex;
  /** By pattern key: the texts where the pattern matched a line, in path order (so a rule looks only at those). */
  textsWith: ReadonlyMap<string, readonly string[]>;
  /** Shell scripts each text names (for `alongside`: the work a script does is the work of the file that runs it). */
  scripts: NamedScripts;
  /** The path globs see: a template file's path in its generated project, else the path itself. */
  matchPathOf: (path: string) => string;
}

const cache = new WeakMap<Facts, FactIndex>();
/** By listing: a re-audit after an edit sees the same listing, and keeps its path index and the globs answered. */
const filesIndexes = new WeakMap<readonly FileFact[], PathIndex>();

function filesIndex(files: readonly FileFact[], matchPathOf: (path: string) => string): PathIndex {
  let index = filesIndexes.get(files);
  if (!index) {
    index = new PathIndex(files.map((f) => f.path), matchPathOf);
    filesIndexes.set(files, index);
  }
  return index;
}

/** The index of a facts object (built on first use). */
export function indexFacts(facts: Facts): FactIndex {
  let index = cache.get(facts);
  if (!index) {
    const own = new Set(facts.ownPackages);
    // Relative imports (`..models`) name repository files, never a tool: no rule reads them here.
    const importsByRoot = groupByRoot(facts.imports.filter((i) => !i.module.startsWith('.')), (i) => i.module, own);
    const callsByRoot = groupByRoot(facts.calls, (c) => c.name, own);
    const rendered = new Map(facts.files.flatMap((f) => (f.as !== undefined ? [[f.path, f.as] as const] : [])));
    const matchPathOf = (path: string) => rendered.get(path) ?? path;
    index = {
      importsByRoot,
      callsByRoot,
      importsByPath: regroup(importsByRoot, (i) => i.path),
      callsByPath: regroup(callsByRoot, (c) => c.path),
      callsByLast: regroup(callsByRoot, (c) => c.name.slice(c.name.lastIndexOf('.') + 1)),
      allCalls: [...callsByRoot.values()].flat(),
      files: filesIndex(facts.files, matchPathOf),
      textsWith: textsByPattern(facts.texts),
      scripts: new NamedScripts([...facts.texts.keys()]),
      matchPathOf,
    };
    cache.set(facts, index);
  }
  return index;
}

function textsByPattern(texts: Facts['texts']): Map<string, string[]> {
  const byPattern = new Map<string, string[]>();
  for (const [path, matches] of texts) {
    for (const key of matches.first.keys()) {
      const paths = byPattern.get(key);
      if (paths) paths.push(path);
      else byPattern.set(key, [path]);
    }
  }
  return byPattern;
}

/** Whether a dotted name is the module or one of its submodules (`mlflow.sklearn` is in `mlflow`). */
export function inModule(name: string, module: string): boolean {
  return name === module || name.startsWith(`${module}.`);
}

/**
 * The module, or submodule, of `module` an import brings in: `google.cloud.aiplatform` for
 * `from google.cloud import aiplatform`, as for `import google.cloud.aiplatform`; undefined
 * when the import is of neither the module nor one of its submodules.
 */
export function importedModuleIn(i: PythonImport, module: string): string | undefined {
  if (inModule(i.module, module)) return i.module;
  return i.names?.map((name) => `${i.module}.${name}`).find((name) => inModule(name, module));
}

/** The repository's imports of a module or its submodules (own packages left out). */
export function importsOfModule(facts: Facts, module: string): readonly PythonImport[] {
  return (indexFacts(facts).importsByRoot.get(rootOf(module)) ?? []).filter((i) => importedModuleIn(i, module) !== undefined);
}

/** The first segment of a dotted name: `mlflow` for `mlflow.sklearn.autolog`. */
export function rootOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/** The items of every root regrouped by another key (their file, a call's last name segment). */
function regroup<T>(byRoot: ReadonlyMap<string, readonly T[]>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const items of byRoot.values()) {
    for (const item of items) {
      const key = keyOf(item);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

function groupByRoot<T>(items: readonly T[], nameOf: (item: T) => string, own: ReadonlySet<string>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const root = rootOf(nameOf(item));
    if (own.has(root)) continue;
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  }
  return groups;
}

/**
 * Whether a file imports one of the modules (or a submodule): for names that imports
 * cannot resolve, like methods of an SDK's objects (`run.log` after `run = Run.get_context()`).
 */
export function importingFilter(modules: readonly string[] | undefined, facts: Facts): (path: string) => boolean {
  if (modules === undefined) return () => true;
  const paths = new Set(modules.flatMap((m) => importsOfModule(facts, m).map((i) => i.path)));
  return (path) => paths.has(path);
}
