/**
 * Facts indexed once per audit so each rule looks only at candidates: imports and calls
 * by their top-level module, texts by path; every group in file order. Imports and calls of
 * the repository's own packages are left out here, once, for every rule. After edits to a
 * few files the last index is updated for those files rather than built again.
 */
import type { Facts, FileFact, PythonCall, PythonImport } from '../model/facts';
import { PathIndex } from '../scan/globs';
import type { DetectionRule } from './kinds';
import type { Hit } from './kinds/kind';
import type { Signal } from '../model/report';
import type { PatternEngine } from './patterns';
import { NamedScripts } from './namedScripts';
import { groupBy, withGroups, type Groups } from './groups';
import { firstAtOrAfter, itemsIn, replaceFiles, type Placed } from './pathOrder';

export interface FactIndex {
  importsByRoot: Groups<PythonImport>;
  callsByRoot: Groups<PythonCall>;
  /** Imports and calls of each Python file (own packages left out too), for rules on the scripts CI runs. */
  importsByPath: Groups<PythonImport>;
  callsByPath: Groups<PythonCall>;
  /** Calls by their last dotted segment (`fit` for `model.fit`), for globs like `*.fit`. */
  callsByLast: Groups<PythonCall>;
  /** Every call (own packages left out), for globs with no literal first or last segment. */
  allCalls: readonly PythonCall[];
  /** The imports of each module asked for so far (see importsOfModule): rules and the scope ask for the same ones. */
  importsOf: Map<string, readonly PythonImport[]>;
  files: PathIndex;
  /** By pattern key: the texts where the pattern matched a line, in path order (so a rule looks only at those). */
  textsWith: Groups<string>;
  /** Shell scripts each text names (for `alongside`: the work a script does is the work of the file that runs it). */
  scripts: NamedScripts;
  /** The path globs see: a template file's path in its generated project, else the path itself. */
  matchPathOf: (path: string) => string;
  /** Each rule's hits in these facts, kept as rules are evaluated (see engine/rules.ts). */
  hits: Map<DetectionRule, RuleHits>;
  /** After edits: the last facts' rule hits and the files edited since (sorted), whose facts alone differ. */
  before?: { hits: ReadonlyMap<DetectionRule, RuleHits>; edited: readonly string[] };
}

/** A rule's hits on one pattern engine, and the signals they gave its practice. */
export interface RuleHits {
  engine: PatternEngine;
  hits: Hit[];
  signals?: { practiceId: string; signals: Signal[] };
}

const cache = new WeakMap<Facts, FactIndex>();
/** By listing: a re-audit after an edit sees the same listing, and keeps its path index and the globs answered. */
const filesIndexes = new WeakMap<readonly FileFact[], PathIndex>();
/** Facts spliced from others after edits (see noteEdits), until their index is built. */
const derivations = new WeakMap<Facts, { from: Facts; paths: readonly string[] }>();

function filesIndex(files: readonly FileFact[], matchPathOf: (path: string) => string): PathIndex {
  let index = filesIndexes.get(files);
  if (!index) {
    index = new PathIndex(files.map((f) => f.path), matchPathOf);
    filesIndexes.set(files, index);
  }
  return index;
}

/**
 * `facts` are `from` with the facts of `paths` replaced (and nothing else changed): their
 * index is `from`'s with those files' entries replaced, not a new one over every fact.
 */
export function noteEdits(facts: Facts, from: Facts, paths: readonly string[]): void {
  // Only from facts with an index: a chain of unindexed facts would keep every earlier one alive.
  if (cache.has(from)) derivations.set(facts, { from, paths });
}

/** The index of a facts object (built on first use). */
export function indexFacts(facts: Facts): FactIndex {
  let index = cache.get(facts);
  if (!index) {
    const derivation = derivations.get(facts);
    derivations.delete(facts);
    const base = derivation && cache.get(derivation.from);
    index = derivation && base ? editedIndex(base, facts, derivation.from, derivation.paths) : newIndex(facts);
    cache.set(facts, index);
  }
  return index;
}

/** Imports and calls rules look at: not of the repository's own packages, nor relative (`..models` names a file, never a tool). */
function toolFacts(facts: Facts, imports: readonly PythonImport[], calls: readonly PythonCall[]): { imports: PythonImport[]; calls: PythonCall[] } {
  const own = new Set(facts.ownPackages);
  return {
    imports: imports.filter((i) => !i.module.startsWith('.') && !own.has(rootOf(i.module))),
    calls: calls.filter((c) => !own.has(rootOf(c.name))),
  };
}

/** Every group in file order (path, then line), as the facts are. */
function newIndex(facts: Facts): FactIndex {
  const { imports, calls } = toolFacts(facts, facts.imports, facts.calls);
  const rendered = new Map(facts.files.flatMap((f) => (f.as !== undefined ? [[f.path, f.as] as const] : [])));
  const matchPathOf = (path: string) => rendered.get(path) ?? path;
  return {
    importsByRoot: groupBy(imports, (i) => rootOf(i.module)),
    callsByRoot: groupBy(calls, (c) => rootOf(c.name)),
    importsByPath: groupBy(imports, (i) => i.path),
    callsByPath: groupBy(calls, (c) => c.path),
    callsByLast: groupBy(calls, lastSegment),
    allCalls: calls,
    importsOf: new Map(),
    hits: new Map(),
    files: filesIndex(facts.files, matchPathOf),
    textsWith: textsByPattern(facts.texts),
    scripts: new NamedScripts([...facts.texts.keys()]),
    matchPathOf,
  };
}

/** `base` (the index of `from`) with the entries of the edited files replaced by those in `facts`. */
function editedIndex(base: FactIndex, facts: Facts, from: Facts, paths: readonly string[]): FactIndex {
  const edited = [...new Set(paths)].sort();
  const was = toolFacts(from, edited.flatMap((p) => itemsIn(from.imports, p)), edited.flatMap((p) => itemsIn(from.calls, p)));
  const is = toolFacts(facts, edited.flatMap((p) => itemsIn(facts.imports, p)), edited.flatMap((p) => itemsIn(facts.calls, p)));
  const imports = (groups: Groups<PythonImport>, keyOf: (i: PythonImport) => string) => regrouped(groups, edited, was.imports, is.imports, keyOf);
  const calls = (groups: Groups<PythonCall>, keyOf: (c: PythonCall) => string) => regrouped(groups, edited, was.calls, is.calls, keyOf);
  const roots = new Set([...was.imports, ...is.imports].map((i) => rootOf(i.module)));
  return {
    ...base,
    hits: new Map(),
    before: { hits: base.hits, edited },
    importsOf: new Map([...base.importsOf].filter(([module]) => !roots.has(rootOf(module)))),
    importsByRoot: imports(base.importsByRoot, (i) => rootOf(i.module)),
    callsByRoot: calls(base.callsByRoot, (c) => rootOf(c.name)),
    importsByPath: imports(base.importsByPath, (i) => i.path),
    callsByPath: calls(base.callsByPath, (c) => c.path),
    callsByLast: calls(base.callsByLast, lastSegment),
    allCalls: replaceFiles(base.allCalls, edited.map((p) => [p, is.calls.filter((c) => c.path === p)])),
    textsWith: facts.texts === from.texts ? base.textsWith : retextedPaths(base.textsWith, edited, from.texts, facts.texts),
    scripts: facts.texts === from.texts ? base.scripts : scriptsAfter(base.scripts, edited, from.texts, facts.texts),
  };
}

/** Named scripts after edits: the same texts unless an edit added or removed one. */
function scriptsAfter(scripts: NamedScripts, edited: readonly string[], was: Facts['texts'], is: Facts['texts']): NamedScripts {
  return edited.every((p) => was.has(p) === is.has(p)) ? scripts.afterEdits(edited) : new NamedScripts([...is.keys()]);
}

/** Groups with the edited files' items replaced: only the groups those items were or are in change. */
function regrouped<T extends Placed>(groups: Groups<T>, edited: readonly string[], was: readonly T[], is: readonly T[], keyOf: (item: T) => string): Groups<T> {
  const replaced = new Map<string, readonly T[]>();
  for (const key of new Set([...was, ...is].map(keyOf))) {
    replaced.set(key, replaceFiles(groups.get(key) ?? [], edited.map((p) => [p, is.filter((i) => i.path === p && keyOf(i) === key)])));
  }
  return withGroups(groups, replaced);
}

/** Paths by pattern key with the edited files' matches replaced (paths stay in order). */
function retextedPaths(byPattern: Groups<string>, edited: readonly string[], was: Facts['texts'], is: Facts['texts']): Groups<string> {
  const keys = new Set(edited.flatMap((p) => [...(was.get(p)?.first.keys() ?? []), ...(is.get(p)?.first.keys() ?? [])]));
  const isEdited = new Set(edited);
  const replaced = new Map<string, readonly string[]>();
  for (const key of keys) {
    const paths = (byPattern.get(key) ?? []).filter((p) => !isEdited.has(p));
    for (const path of edited) if (is.get(path)?.first.has(key)) paths.splice(firstAtOrAfter(paths, path, (p) => p), 0, path);
    replaced.set(key, paths);
  }
  return withGroups(byPattern, replaced);
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
  const index = indexFacts(facts);
  let imports = index.importsOf.get(module);
  if (!imports) {
    imports = (index.importsByRoot.get(rootOf(module)) ?? []).filter((i) => importedModuleIn(i, module) !== undefined);
    index.importsOf.set(module, imports);
  }
  return imports;
}

/** The first segment of a dotted name: `mlflow` for `mlflow.sklearn.autolog`. */
export function rootOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/** A call's last dotted segment: `fit` for `model.fit`. */
function lastSegment(call: PythonCall): string {
  return call.name.slice(call.name.lastIndexOf('.') + 1);
}

/**
 * Whether a file imports one of the modules (or a submodule): for names that imports
 * cannot resolve, like methods of an SDK's objects (`run.log` after `run = Run.get_context()`).
 */
export function importingFilter(modules: readonly string[] | undefined, facts: Facts): (path: string) => boolean {
  if (modules === undefined) return () => true;
  // Asked of a file's own imports: a check or rule asks about few files, and a re-audit after an
  // edit would otherwise gather every import of these modules in the repository again.
  const { importsByPath } = indexFacts(facts);
  return (path) => (importsByPath.get(path) ?? []).some((i) => modules.some((m) => importedModuleIn(i, m) !== undefined));
}
