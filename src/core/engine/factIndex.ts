/**
 * Facts indexed once per audit so each rule looks only at candidates: imports and calls
 * by their top-level module, texts as lines. Imports and calls of the repository's own packages are left
 * out here, once, for every rule.
 */
import type { Facts, PythonCall, PythonImport } from '../model/facts';
import { PathIndex } from '../scan/globs';

export interface FactIndex {
  importsByRoot: ReadonlyMap<string, readonly PythonImport[]>;
  callsByRoot: ReadonlyMap<string, readonly PythonCall[]>;
  /** Imports and calls of each Python file (own packages left out too), for rules on the scripts CI runs. */
  importsByPath: ReadonlyMap<string, readonly PythonImport[]>;
  callsByPath: ReadonlyMap<string, readonly PythonCall[]>;
  /** Lines of the texts `content` rules read, split once for every rule. */
  lines: ReadonlyMap<string, readonly string[]>;
  files: PathIndex;
  texts: PathIndex;
  /** The path globs see: a template file's path in its generated project, else the path itself. */
  matchPathOf: (path: string) => string;
}

const cache = new WeakMap<Facts, FactIndex>();

/** The index of a facts object (built on first use). */
export function indexFacts(facts: Facts): FactIndex {
  let index = cache.get(facts);
  if (!index) {
    const own = new Set(facts.ownPackages);
    const importsByRoot = groupByRoot(facts.imports, (i) => i.module, own);
    const callsByRoot = groupByRoot(facts.calls, (c) => c.name, own);
    const rendered = new Map(facts.files.flatMap((f) => (f.as !== undefined ? [[f.path, f.as] as const] : [])));
    const matchPathOf = (path: string) => rendered.get(path) ?? path;
    index = {
      importsByRoot,
      callsByRoot,
      importsByPath: groupByPath(importsByRoot),
      callsByPath: groupByPath(callsByRoot),
      lines: new Map([...facts.texts].map(([path, text]) => [path, text.split('\n')])),
      files: new PathIndex(facts.files.map((f) => f.path), matchPathOf),
      texts: new PathIndex([...facts.texts.keys()], matchPathOf),
      matchPathOf,
    };
    cache.set(facts, index);
  }
  return index;
}

/** The first segment of a dotted name: `mlflow` for `mlflow.sklearn.autolog`. */
export function rootOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

function groupByPath<T extends { path: string }>(byRoot: ReadonlyMap<string, readonly T[]>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const items of byRoot.values()) {
    for (const item of items) {
      const group = groups.get(item.path);
      if (group) group.push(item);
      else groups.set(item.path, [item]);
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
