// One build script, several contexts: the CLI bundle, (later) the extension bundle,
// and a transpile-only pass of sources and tests into out/ for `node --test`.
// Usage: node esbuild.mjs [--production] [--watch] [--tests] [--quiet]
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Every .ts file under dir, skipping fixture trees (they are data, not code). */
function tsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === join('test', 'fixtures') || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const common = {
  platform: 'node',
  target: 'node20',
  // Prefer a package's ES module build: jsonc-parser's UMD `main` loads its parts with a
  // dynamic require that a bundle cannot follow.
  mainFields: ['module', 'main'],
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: process.argv.includes('--quiet') ? 'warning' : 'info',
};

const contexts = [
  // The CLI never marks `vscode` external: a stray vscode import in the core fails here.
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    bundle: true,
    outfile: 'dist/extension.js',
    external: ['vscode'],
  },
  // The scan's worker thread, beside the CLI and extension bundles that start it.
  {
    ...common,
    entryPoints: ['src/core/scan/scanWorker.ts'],
    bundle: true,
    outfile: 'dist/scanWorker.js',
  },
  // The editor's audit worker (a thread of the extension host).
  {
    ...common,
    entryPoints: ['src/extension/worker/auditWorker.ts'],
    bundle: true,
    outfile: 'dist/auditWorker.js',
  },
  // The build step that writes dist/knowledge.json (run below; not shipped).
  {
    ...common,
    entryPoints: ['scripts/knowledgeSnapshot.ts'],
    bundle: true,
    outfile: 'out/knowledgeSnapshot.js',
    logLevel: 'warning',
  },
  // The webview script runs in the browser sandbox of a webview.
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['src/webview/main.ts'],
    bundle: true,
    outfile: 'dist/webview.js',
  },
];

// Codicons ship with the extension (webviews cannot load them from the workbench).
mkdirSync('dist/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) {
  copyFileSync(join('node_modules', '@vscode', 'codicons', 'dist', file), join('dist', 'codicons', file));
}

if (tests) {
  contexts.push({
    ...common,
    entryPoints: [...tsFiles('src'), ...tsFiles('test'), ...tsFiles('scripts')],
    bundle: false,
    outdir: 'out',
    outbase: '.',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

for (const options of contexts) {
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
  }
}

// The validated knowledge base beside the bundles, so that they start without parsing its
// YAML (they check it was made from the same files; stale or missing, they parse).
if (!watch) execFileSync(process.execPath, ['out/knowledgeSnapshot.js', 'knowledge', 'dist/knowledge.json'], { stdio: 'inherit' });
