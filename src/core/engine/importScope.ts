/**
 * Which repository files a Python file reaches through its imports: the scope in which a
 * `together` rule with `scope: imports` looks for its other sub-rules (a web app in
 * app.py whose model is loaded in src/predict.py, which app.py imports).
 */
import type { Facts } from '../model/facts';

/** Imports followed from the starting file: the app, its modules, theirs, and one step more. */
const MAX_IMPORT_HOPS = 2;

interface ImportGraph {
  /** Repository files each file imports (resolved once per file, on first use). */
  edges(path: string): readonly string[];
  reach: Map<string, ReadonlySet<string>>;
}

const graphs = new WeakMap<Facts, ImportGraph>();

/** The file itself and the repository files it imports, directly or through up to MAX_IMPORT_HOPS modules. */
export function importScope(facts: Facts, path: string): ReadonlySet<string> {
  const graph = graphOf(facts);
  let reached = graph.reach.get(path);
  if (!reached) {
    const seen = new Set([path]);
    let frontier = [path];
    for (let hop = 0; hop < MAX_IMPORT_HOPS && frontier.length > 0; hop++) {
      frontier = frontier.flatMap((file) => (isPackageInit(file) ? [] : graph.edges(file))).filter((file) => !seen.has(file) && seen.add(file));
    }
    reached = seen;
    graph.reach.set(path, reached);
  }
  return reached;
}

/**
 * A package's `__init__.py` often re-exports the whole package: following its imports would
 * put most of a library in scope. Its own code counts; what it imports is not followed.
 */
function isPackageInit(path: string): boolean {
  return path === '__init__.py' || path.endsWith('/__init__.py');
}

function graphOf(facts: Facts): ImportGraph {
  let graph = graphs.get(facts);
  if (graph) return graph;
  const files = new Set(facts.files.map((f) => f.path));
  // Dotted names a file refers to: its imports, and calls through them (`from pkg import mod; mod.f()`
  // names `pkg.mod.f`, which reaches pkg/mod.py where the import alone names only `pkg`).
  const names = new Map<string, Set<string>>();
  const add = (path: string, name: string) => {
    let set = names.get(path);
    if (!set) names.set(path, (set = new Set()));
    set.add(name);
  };
  for (const i of facts.imports) add(i.path, i.module);
  for (const c of facts.calls) if (c.name.includes('.')) add(c.path, c.name);
  const edges = new Map<string, string[]>();
  graph = {
    edges: (path) => {
      let found = edges.get(path);
      if (!found) {
        found = [...new Set([...(names.get(path) ?? [])].flatMap((name) => resolveModule(name, path, files) ?? []))];
        edges.set(path, found);
      }
      return found;
    },
    reach: new Map(),
  };
  graphs.set(facts, graph);
  return graph;
}

/**
 * The repository file a dotted name lives in, looked up as Python would find it with the
 * importing file's folder, one of its parents, or a `src/` folder there on the path:
 * the longest prefix of the name that is a module (`a/b.py`) or a package (`a/b/__init__.py`).
 */
function resolveModule(name: string, from: string, files: ReadonlySet<string>): string | undefined {
  const parts = name.split('.');
  for (const base of basesOf(from)) {
    for (let length = parts.length; length > 0; length--) {
      const stem = [base, ...parts.slice(0, length)].filter(Boolean).join('/');
      if (files.has(`${stem}.py`)) return `${stem}.py`;
      if (files.has(`${stem}/__init__.py`)) return `${stem}/__init__.py`;
    }
  }
  return undefined;
}

/** The importing file's folder and its parents up to the root, each also with a `src/` layout. */
function basesOf(path: string): string[] {
  const bases: string[] = [];
  let dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  for (;;) {
    bases.push(dir, dir ? `${dir}/src` : 'src');
    if (!dir) return bases;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
}
