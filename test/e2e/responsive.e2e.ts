/**
 * The extension host stays responsive while MLOps Lens audits a large workspace (issue 11):
 * a probe extension, running in the same extension host, watches its event loop with a
 * 5 ms timer. During an audit of a generated 30,000-file monorepo we open a file and run
 * the probe's command; afterwards the probe reports the longest block it saw.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateRepository } from '../../scripts/bench/generate';
import { REPO_ROOT, dismiss, findWebviewFrame, frameText, clickActivityBarItem, openFile, runCommand, screenshot, startEditor, testExtensionManifest, waitForNotification, waitUntil, type Editor } from './harness';

const FILES = 30_000;
/**
 * What the audit may add to the longest block of the extension host's event loop, over the
 * same steps without an audit. The bound is 50 ms; the bench measures it with the
 * host thread and the audit worker alone (9 ms at 100k files). Here, on a 2-core machine,
 * the workbench's browser, server and file search compete with the audit worker for the
 * cores, and the probe's timer gaps include that scheduling: 33 to 150 ms were seen. The
 * bound catches the regression that matters, an audit on the host's thread (seconds).
 */
const MAX_ADDED_MS = 250;

const PROBE_JS = `
const vscode = require('vscode');
const TICK = 5;
let longest = 0, ticks = 0, last = Date.now(), start = Date.now(), gaps = [];
exports.activate = function (context) {
  const timer = setInterval(() => {
    const now = Date.now();
    const gap = now - last - TICK;
    longest = Math.max(longest, gap);
    if (gap > 25) gaps.push(gap + ' ms at +' + (last - start) + ' ms');
    ticks++;
    last = now;
  }, TICK);
  context.subscriptions.push(
    { dispose: () => clearInterval(timer) },
    vscode.commands.registerCommand('e2eProbe.reset', () => { longest = 0; ticks = 0; last = start = Date.now(); gaps = []; return vscode.window.showInformationMessage('Probe reset'); }),
    vscode.commands.registerCommand('e2eProbe.hello', () => vscode.window.showInformationMessage('Probe hello at ' + ticks + ' ticks')),
    vscode.commands.registerCommand('e2eProbe.report', () => vscode.window.showInformationMessage('Probe: longest block ' + longest + ' ms over ' + ticks + ' ticks; blocks over 25 ms: ' + (gaps.join(', ') || 'none'))),
  );
};
`;

const PROBE_MANIFEST = testExtensionManifest('e2e-probe', 'E2E Probe', {
  commands: [
    { command: 'e2eProbe.reset', title: 'Reset', category: 'E2E Probe' },
    { command: 'e2eProbe.hello', title: 'Hello', category: 'E2E Probe' },
    { command: 'e2eProbe.report', title: 'Report', category: 'E2E Probe' },
  ],
});

describe('a large workspace keeps the extension host responsive', () => {
  let editor: Editor;
  let tmp: string;
  let workspace: string;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'mlops-lens-e2e-large-'));
    workspace = join(tmp, 'monorepo');
    generateRepository(workspace, FILES);
    mkdirSync(join(workspace, '.git'));
    writeFileSync(join(workspace, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const probe = join(tmp, 'probe');
    mkdirSync(probe);
    writeFileSync(join(probe, 'extension.js'), PROBE_JS);
    writeFileSync(join(probe, 'package.json'), JSON.stringify(PROBE_MANIFEST));
    // Packaged too: beside an installed .vsix, an extension folder copied in is not loaded.
    const packaged = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', 'probe.vsix'], { cwd: probe, encoding: 'utf8' });
    assert.equal(packaged.status, 0, `the probe extension could not be packaged: ${packaged.stderr}`);
    editor = await startEditor({ workspace, extensions: [join(REPO_ROOT, 'mlops-lens.vsix'), join(probe, 'probe.vsix')], settings: { 'mlopsLens.auditOnOpen': false } });
  });

  after(async () => {
    await editor?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it(`the audit of ${FILES} files adds no event-loop block over ${MAX_ADDED_MS} ms; a file opens and a command answers meanwhile`, async () => {
    const { page } = editor;
    // Extensions register once the workbench has scanned them: wait for ours to show.
    await waitUntil(page, 'the MLOps Lens activity-bar icon', () => page.locator('.part.activitybar .action-label[aria-label*="MLOps Lens"]').isVisible(), 90_000);
    // Warm up: the first Python file opened activates the workbench's own language support
    // in the same extension host.
    await openFile(page, 'services/svc0/tests/test_util_144.py');
    await page.waitForTimeout(3000);

    /** The longest block the probe saw while `during` ran. */
    const longestBlock = async (during: () => Promise<void>): Promise<number> => {
      await dismiss(page);
      await runCommand(page, 'E2E Probe: Reset', 60_000);
      await waitForNotification(page, 'Probe reset');
      await during();
      await dismiss(page);
      await runCommand(page, 'E2E Probe: Report');
      const report = await waitForNotification(page, /Probe: longest block \d+ ms over \d+ ticks/);
      console.log(`# probe: ${report}`);
      return Number(/longest block (\d+) ms/.exec(report)![1]);
    };
    const openAndAsk = async (file: string) => {
      await openFile(page, file);
      await runCommand(page, 'E2E Probe: Hello');
      await waitForNotification(page, /Probe hello at \d+ ticks/);
    };

    // The same steps without an audit: what the workbench itself costs its extension host.
    const baseline = await longestBlock(async () => {
      await openAndAsk('services/svc0/src/models/model_134.py');
      await page.waitForTimeout(3000);
    });
    let answeredAfter = 0;
    let auditedAfter = 0;
    const steps: string[] = [];
    const during = await longestBlock(async () => {
      const reset = Date.now();
      await runCommand(page, 'MLOps Lens: Audit Workspace');
      const started = Date.now();
      steps.push(`audit command +${started - reset} ms`);
      await openAndAsk('services/svc0/src/train.py');
      answeredAfter = Date.now() - started;
      steps.push(`file opened, command answered +${Date.now() - reset} ms`);
      await clickActivityBarItem(page, 'MLOps Lens');
      steps.push(`panel clicked +${Date.now() - reset} ms`);
      await findWebviewFrame(page, /Level \d/, 180_000);
      auditedAfter = Date.now() - started;
      steps.push(`level shown +${Date.now() - reset} ms`);
    });
    await screenshot(page, 'large-workspace');
    console.log(`# steps of the audit window (since the probe's reset, as the test saw them): ${steps.join('; ')}`);
    console.log(`# ${FILES} files: longest event-loop block of the extension host ${during} ms during the audit, ${baseline} ms for the same steps without it; the probe's command answered ${answeredAfter} ms after the audit started, the panel showed the level after ${auditedAfter} ms`);
    assert.ok(answeredAfter < auditedAfter, 'the command answered while the audit was still running');
    assert.ok(during <= baseline + MAX_ADDED_MS, `the audit blocked the extension host's event loop for ${during} ms (${baseline} ms without it)`);
  });
  it(`an audit from scratch of the ${FILES} files shows its progress in the panel within a second, and Cancel stops it keeping the last report`, async () => {
    const { page } = editor;
    const frame = await findWebviewFrame(page, /Level \d/, 30_000);
    // The root .gitignore changed: the folder is audited from scratch (a new walk).
    appendFileSync(join(workspace, '.gitignore'), '\n# edited by the test\n');
    const startedAt = await waitUntil(page, 'the audit to start', async () => (/Auditing monorepo/.test(await frameText(frame)) ? Date.now() : undefined), 30_000);
    const countedAt = await waitUntil(page, 'a file count in the panel', async () => (/[\d,]+ (files listed|of [\d,]+ files read)/.test(await frameText(frame)) ? Date.now() : undefined), 10_000);
    console.log(`# progress shown ${countedAt - startedAt} ms after the panel said the audit started`);
    assert.ok(countedAt - startedAt <= 1000, `the first count came ${countedAt - startedAt} ms after the audit started`);
    await frame.locator('button', { hasText: 'Cancel' }).first().click();
    await waitUntil(page, 'the audit cancelled', async () => /was cancelled/.test(await frameText(frame)), 30_000);
    const text = await frameText(frame);
    assert.match(text, /Level \d/, 'the last report stays');
    assert.match(text, /Showing the last completed audit/);
    await screenshot(page, 'large-workspace-cancelled');
  });
});
