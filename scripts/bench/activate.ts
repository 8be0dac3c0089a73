/**
 * `activate()` of the built extension (dist/extension.js), timed outside a workbench: the
 * `vscode` module is a stand-in where every call succeeds and returns another stand-in.
 * What it measures is the extension's own start-up work (loading its bundle, building its
 * services, registering), not the workbench's.
 */
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A value any property, call or `new` of which gives another such value; iterating it gives nothing. */
function standIn(): unknown {
  const target = function () { /* every call succeeds */ };
  return new Proxy(target, {
    // Iterable as empty (no workspace folders, no documents); never a promise.
    get: (_, key) => (key === Symbol.iterator ? function* () { /* empty */ } : key === 'then' || typeof key === 'symbol' ? undefined : standIn()),
    set: () => true,
    apply: () => standIn(),
    construct: () => standIn() as object,
  });
}

/**
 * The `vscode` module: the bundle copies the module's own properties on import, so the
 * API's top-level names (read from @types/vscode) are listed as its own.
 */
function vscodeStandIn(): unknown {
  const typings = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = [...new Set([...typings.matchAll(/^\s*export (?:namespace|class|enum|function|const|let) (\w+)/gm)].map((m) => m[1]))];
  return new Proxy({}, {
    get: (_, key) => (typeof key === 'symbol' ? undefined : standIn()),
    ownKeys: () => names,
    getOwnPropertyDescriptor: () => ({ value: standIn(), enumerable: true, configurable: true, writable: true }),
  });
}

/** Milliseconds to load the bundle and run `activate()`, both on a cold module cache. */
export function timeActivate(root: string): { loadMs: number; activateMs: number } {
  const bundle = join(root, 'dist', 'extension.js');
  const vscode = vscodeStandIn();
  const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: typeof load })._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  try {
    let start = process.hrtime.bigint();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const extension = require(bundle) as { activate(context: unknown): void };
    const loadMs = Number(process.hrtime.bigint() - start) / 1e6;
    const context = { subscriptions: [], extensionPath: root, extensionUri: standIn(), extension: { packageJSON: { version: 'bench' } }, globalState: standIn(), workspaceState: standIn() };
    start = process.hrtime.bigint();
    extension.activate(context);
    const activateMs = Number(process.hrtime.bigint() - start) / 1e6;
    for (const d of context.subscriptions as { dispose?: () => void }[]) d.dispose?.();
    return { loadMs, activateMs };
  } finally {
    (Module as unknown as { _load: typeof load })._load = load;
  }
}
