/**
 * Which repository files a Python file reaches through its imports: the scope in which a
 * `together` rule with `scope: imports` looks for its other sub-rules (a web app in
 * app.py whose model is loaded in src/predict.py, which app.py imports). Relative imports
 * (`from ..models import X`) are resolved from the importing file's folder, and a name imported
 * from a package is followed to the module its `__init__.py` re-exports it from.
 */
import type { Facts, PythonImport } from '../model/facts';
import { parentOf } from '../scope/templates';
import { itemsIn } from './pathOrder';

/**
 * Imports followed from the starting file: its modules, theirs, and one step more (a layered
 * app's route -> service -> model manager -> loader).
 */
const MAX_IMPORT_HOPS = 3;

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

/** The set of listed paths, by listing: a re-audit after a content edit keeps the listing, and this set. */
const pathSets = new WeakMap<Facts['files'], ReadonlySet<string>>();

/**
 * The graph is resolved file by file, on demand, from the facts' path-ordered imports and calls:
 * nothing is built for the whole repository, so a re-audit after an edit (new facts) costs only
 * the files the scopes asked for reach.
 */
function graphOf(facts: Facts): ImportGraph {
  let graph = graphs.get(facts);
  if (graph) return graph;
  let listed = pathSets.get(facts.files);
  if (!listed) {
    listed = new Set(facts.files.map((f) => f.path));
    pathSets.set(facts.files, listed);
  }
  const files = listed;
  const importsOf = (path: string): readonly PythonImport[] => itemsIn(facts.imports, path);
  // Dotted names a file refers to: its imports, and calls through them (`from pkg import mod; mod.f()`
  // names `pkg.mod.f`, which reaches pkg/mod.py where the import alone names only `pkg`).
  const namesOf = (path: string): Set<string> => new Set([
    ...importsOf(path).filter((i) => !isRelative(i.module)).map((i) => i.module),
    ...itemsIn(facts.calls, path).filter((c) => c.name.includes('.')).map((c) => c.name),
  ]);
  const edges = new Map<string, string[]>();
  graph = {
    edges: (path) => {
      let found = edges.get(path);
      if (!found) {
        const byName = [...namesOf(path)].flatMap((name) => resolveModule(name, path, files) ?? []);
        const byImport = importsOf(path).flatMap((i) => importTargets(i, path, files, importsOf, 0));
        found = [...new Set([...byName, ...byImport])];
        edges.set(path, found);
      }
      return found;
    },
    reach: new Map(),
  };
  graphs.set(facts, graph);
  return graph;
}

/** Re-exports followed through packages' `__init__.py` files (`models/__init__.py` from `.ml_models`, from `.ensemble`). */
const MAX_REEXPORT_STEPS = 3;

/**
 * The repository files an import statement reaches: its module (relative imports resolved from
 * the importing file's folder), the submodules it names, and for a name a package's
 * `__init__.py` re-exports (`from .service import PredictionService`), the module it comes from.
 * Only the names imported are followed, never the rest of what the `__init__.py` imports.
 */
function importTargets(i: PythonImport, from: string, files: ReadonlySet<string>, importsOf: (path: string) => readonly PythonImport[], step: number): string[] {
  const relative = isRelative(i.module);
  const resolve = (name: string) => (relative ? resolveRelative(name, from, files) : resolveModule(name, from, files));
  const module = resolve(i.module);
  const targets = module ? [module] : [];
  for (const name of i.names ?? []) {
    const submodule = resolve(relative && i.module.endsWith('.') ? `${i.module}${name}` : `${i.module}.${name}`);
    if (submodule && submodule !== module) targets.push(submodule);
    else if (module && isPackageInit(module) && step < MAX_REEXPORT_STEPS) {
      for (const reexport of importsOf(module)) {
        if (reexport.names?.includes(name)) targets.push(...importTargets({ ...reexport, names: [name] }, module, files, importsOf, step + 1));
      }
    }
  }
  return targets;
}

function isRelative(module: string): boolean {
  return module.startsWith('.');
}

/** The repository file of a relative import (`..models` from api/routes/x.py is api/models.py or api/models/__init__.py). */
function resolveRelative(module: string, from: string, files: ReadonlySet<string>): string | undefined {
  const dots = module.length - module.replace(/^\.+/, '').length;
  let dir = parentOf(from);
  for (let up = 1; up < dots; up++) {
    if (dir === '') return undefined;
    dir = parentOf(dir);
  }
  const rest = module.slice(dots);
  const stem = [dir, ...(rest ? rest.split('.') : [])].filter(Boolean).join('/');
  if (rest && files.has(`${stem}.py`)) return `${stem}.py`;
  const init = stem ? `${stem}/__init__.py` : '__init__.py';
  return files.has(init) ? init : undefined;
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
