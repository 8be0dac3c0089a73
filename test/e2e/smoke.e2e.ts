/**
 * Smoke test of the E2E harness itself: a throwaway extension (built here, in a temp
 * folder) with a palette command, an activity-bar webview view, a status-bar item, a
 * diagnostic and a hover, driven in a real code-server workbench.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  clickActivityBarItem,
  findWebviewFrame,
  hoverAt,
  readProblems,
  runCommand,
  screenshot,
  statusBarText,
  startEditor,
  testExtensionManifest,
  waitForNotification,
  waitForStatusBarItem,
  type Editor,
} from './harness';

const EXTENSION_JS = `
const vscode = require('vscode');
exports.activate = function (context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('e2eSmoke.hello', () => vscode.window.showInformationMessage('Hello from E2E Smoke')),
    vscode.window.registerWebviewViewProvider('e2eSmoke.view', {
      resolveWebviewView(view) {
        view.webview.options = { enableScripts: false };
        view.webview.html = '<!DOCTYPE html><html><body><h1>Smoke webview OK</h1><p id="detail">rendered by the smoke extension</p></body></html>';
      },
    }),
    vscode.languages.registerHoverProvider({ pattern: '**/model.py' }, {
      provideHover() { return new vscode.Hover('Smoke hover OK'); },
    }),
  );
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  item.text = 'Smoke status OK';
  item.show();
  context.subscriptions.push(item);
  const diagnostics = vscode.languages.createDiagnosticCollection('e2e-smoke');
  context.subscriptions.push(diagnostics);
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (folder) {
    const d = new vscode.Diagnostic(new vscode.Range(2, 0, 2, 5), 'Smoke diagnostic: set a random seed', vscode.DiagnosticSeverity.Warning);
    d.source = 'e2e-smoke';
    diagnostics.set(vscode.Uri.joinPath(folder.uri, 'model.py'), [d]);
  }
};
exports.deactivate = function () {};
`;

const MANIFEST = testExtensionManifest('e2e-smoke', 'E2E Smoke', {
  commands: [{ command: 'e2eSmoke.hello', title: 'Hello', category: 'E2E Smoke' }],
  viewsContainers: { activitybar: [{ id: 'e2eSmoke', title: 'E2E Smoke', icon: 'media/icon.svg' }] },
  views: { e2eSmoke: [{ type: 'webview', id: 'e2eSmoke.view', name: 'Smoke View' }] },
});

const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="2"/></svg>';

describe('E2E harness smoke (code-server + Chromium)', () => {
  let tmp: string;
  let editor: Editor;

  before(
    async () => {
      tmp = mkdtempSync(join(tmpdir(), 'mlops-lens-e2e-smoke-'));
      const ext = join(tmp, 'extension');
      mkdirSync(join(ext, 'media'), { recursive: true });
      writeFileSync(join(ext, 'package.json'), JSON.stringify(MANIFEST, null, 2));
      writeFileSync(join(ext, 'extension.js'), EXTENSION_JS);
      writeFileSync(join(ext, 'media', 'icon.svg'), ICON);
      const workspace = join(tmp, 'workspace');
      mkdirSync(workspace);
      writeFileSync(join(workspace, 'model.py'), 'import numpy as np\n\nmodel = train(data)\nprint(model)\n');
      editor = await startEditor({ workspace, extensions: [ext] });
    },
    { timeout: 150_000 },
  );

  after(async () => {
    await editor?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the activity-bar item and the webview text', { timeout: 60_000 }, async () => {
    await clickActivityBarItem(editor.page, 'E2E Smoke');
    const frame = await findWebviewFrame(editor.page, 'Smoke webview OK', 30_000);
    assert.match(await frame.locator('#detail').innerText(), /rendered by the smoke extension/);
    const file = await screenshot(editor.page, 'smoke-webview');
    assert.ok(existsSync(file), `screenshot ${file} was not written`);
  });

  it('runs a command from the palette and shows its notification', { timeout: 60_000 }, async () => {
    await runCommand(editor.page, 'E2E Smoke: Hello');
    const message = await waitForNotification(editor.page, 'Hello from E2E Smoke');
    assert.equal(message, 'Hello from E2E Smoke');
    await screenshot(editor.page, 'smoke-notification');
  });

  it('reads the status bar', { timeout: 60_000 }, async () => {
    await waitForStatusBarItem(editor.page, 'Smoke status OK');
    assert.match(await statusBarText(editor.page), /Smoke status OK/);
  });

  it('lists the diagnostic in the Problems panel', { timeout: 60_000 }, async () => {
    const rows = await readProblems(editor.page, { minMarkers: 1 });
    assert.ok(
      rows.some((r) => r.ariaLabel.includes('Smoke diagnostic: set a random seed')),
      `no smoke diagnostic among ${JSON.stringify(rows)}`,
    );
    await screenshot(editor.page, 'smoke-problems');
  });

  it('shows the hover and the diagnostic over the code', { timeout: 60_000 }, async () => {
    const text = await hoverAt(editor.page, 'model.py', 3, { column: 3, expect: 'Smoke hover OK' });
    assert.match(text, /Smoke hover OK/);
    assert.match(text, /Smoke diagnostic: set a random seed/);
    await screenshot(editor.page, 'smoke-hover');
  });
});
