/**
 * MLOps Lens in a real VS Code workbench (code-server + Chromium), installed from the
 * packaged .vsix (which also catches .vscodeignore mistakes). Workspace: the
 * level-3-delivery fixture plus files that give findings, including one whose name is
 * HTML. Screenshots of the panel, the Problems panel and a hover go to test-artifacts/e2e.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import {
  REPO_ROOT, clickActivityBarItem, dismiss, findWebviewFrame, goToLine, hoverAt, hoverListItems, openFile, quickInputRows, readProblems,
  runCommand, screenshot, startEditor, waitForNotification, waitForStatusBarItem, waitUntil, type Editor,
} from './harness';

const VSIX = join(REPO_ROOT, 'mlops-lens.vsix');
const HTML_NAME = '<img src=x onerror=alert(1)>_train.py';

/** A fresh workspace: the level-3 fixture, a .git folder, and files that give findings. */
function makeWorkspace(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-lens-e2e-'));
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'repos', 'level-3-delivery'), dir, { recursive: true });
  rmSync(join(dir, 'expected.json'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  const files: Record<string, string> = {
    'docker/Dockerfile.dev': 'FROM python:latest\nRUN pip install -r requirements.txt\n',
    'src/models/train_baseline.py': '"""Baseline model."""\nimport numpy as np\nfrom sklearn.linear_model import LogisticRegression\n\n\ndef train(x, y):\n    return LogisticRegression().fit(x, y)\n',
    [`src/${HTML_NAME}`]: 'import torch\n\nmodel = torch.nn.Linear(2, 2)\n',
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function openPanel(page: Page, expect: string | RegExp = /Level \d/): Promise<Frame> {
  await clickActivityBarItem(page, 'MLOps Lens');
  return findWebviewFrame(page, expect, 60_000);
}

describe('MLOps Lens in the workbench', () => {
  let editor: Editor;
  let workspace: string;

  before(async () => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` first (npm run test:e2e does)`);
    workspace = makeWorkspace();
    editor = await startEditor({ workspace, extensions: [VSIX], settings: { 'mlopsLens.auditOnOpen': false } });
  });

  after(async () => {
    await editor?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('shows its icon in the activity bar', async () => {
    const { page } = editor;
    await waitUntil(page, 'the MLOps Lens activity-bar icon', () =>
      page.locator('.part.activitybar .action-label[aria-label*="MLOps Lens"]').isVisible());
  });

  it('Audit Workspace from the palette shows the level, the trade-off and the practices', async () => {
    const { page } = editor;
    await runCommand(page, 'MLOps Lens: Audit Workspace');
    const frame = await findWebviewFrame(page, 'Level 3', 90_000);
    const text = await frame.evaluate('document.body.innerText') as string;
    assert.match(text, /Level 3 — Automated delivery/);
    assert.match(text, /because of Tests run in CI, Continuous deployment, Model registry and Model evaluation gate/, 'the why sentence, by title, open by default');
    assert.match(text, /Foundation gaps \(1\)[\s\S]*Code quality checks[\s\S]*First step:/, 'the foundation gap beside the level, with its first step');
    assert.match(text, /Model in service without monitoring/);
    for (const practice of ['Data versioning', 'Experiment tracking', 'Continuous deployment', 'Data and model drift monitoring']) {
      assert.ok(text.includes(practice), `practice "${practice}" listed`);
    }
    await screenshot(page, 'panel');
  });

  it('shows the level in the status bar', async () => {
    await waitForStatusBarItem(editor.page, /MLOps L3 → L3/);
  });

  it('a file named like HTML is shown as text, never as markup', async () => {
    const { page } = editor;
    const frame = await openPanel(page);
    await frame.locator('summary', { hasText: 'Fixed random seeds' }).first().click();
    await waitUntil(page, 'the HTML-named file in the panel', async () => (await frame.evaluate('document.body.innerText') as string).includes(HTML_NAME));
    assert.equal(await frame.locator('img').count(), 0, 'no <img> element came from the file name');
    await screenshot(page, 'panel-html-name');
  });

  it('clicking a signal opens the file at its line', async () => {
    const { page } = editor;
    const frame = await openPanel(page);
    // Model serving is evidenced where the web framework is imported beside the model loading.
    await frame.getByRole('button', { name: /src\/serve\.py:5\b/ }).first().click();
    await waitUntil(page, 'serve.py open at line 5', async () => {
      const tab = await page.locator('.tabs-container .tab.active').innerText().catch(() => '');
      const position = await page.locator('.statusbar-item[id*="editor.selection"], .statusbar-item:has-text("Ln ")').first().innerText().catch(() => '');
      return /serve\s*\.py/.test(tab) && /Ln 5\b/.test(position);
    });
  });

  it('the Problems panel lists the expected diagnostics', async () => {
    const { page } = editor;
    const rows = await readProblems(page, { minMarkers: 3, timeout: 30_000 });
    const all = rows.map((r) => `${r.ariaLabel} ${r.text}`).join('\n');
    // Plain text in Problems: the knowledge base's code spans lose their backticks.
    assert.match(all, /Base image python:latest is not pinned/);
    assert.doesNotMatch(all, /`/);
    assert.match(all, /training script sets no random seed/);
    assert.ok(all.includes(HTML_NAME), 'the HTML-named file is listed as text');
    assert.match(all, /MLOps Lens/);
    await screenshot(page, 'problems');
  });

  it('a hover shows the practice and the citation', async () => {
    const { page } = editor;
    const text = await hoverAt(page, 'docker/Dockerfile.dev', 1, { expect: /MLOps Lens/, timeout: 30_000 });
    assert.match(text, /Containerization/);
    assert.match(text, /\(\d{4}\)/, 'a citation with its year');
    assert.match(text, /evidence for Environment as code/, 'the practice the line is evidence for');
    const items = await hoverListItems(page);
    assert.ok(items.some((item) => /\(\d{4}\)/.test(item)), 'citations are list items');
    assert.deepEqual(items.filter((item) => item.includes('MLOps Lens ·')), [], 'a section heading never continues the previous citation');
    // Containerization's sources speak of reproducibility in general: the hover says so, as the panel does.
    assert.ok(items.some((item) => item.includes('(indirect support)')), items.join('\n'));
    await screenshot(page, 'hover');
    await dismiss(page);
  });

  it('the seed quick fix applies', async () => {
    const { page } = editor;
    await openFile(page, 'src/models/train_baseline.py');
    await goToLine(page, 1);
    await page.keyboard.press('Control+.');
    const row = page.locator('.action-widget .monaco-list-row', { hasText: "Seed Python's and NumPy's random generators" }).first();
    await waitUntil(page, 'the seed quick fix in the menu', () => row.isVisible(), 30_000);
    await row.click();
    await waitUntil(page, 'the seeding code in the editor', async () =>
      (await page.locator('.editor-instance .view-lines').first().innerText()).includes('np.random.seed(SEED)'));
  });

  it('one finding is suppressed from its row with a reason, listed as suppressed, and unsuppressed from that list', async () => {
    const { page } = editor;
    const config = join(workspace, '.mlops-lens.yaml');
    const seedProblem = async () => (await readProblems(page)).some((r) => `${r.ariaLabel} ${r.text}`.includes(HTML_NAME));
    await waitUntil(page, 'the seed finding on the HTML-named file in Problems', seedProblem, 30_000);
    let frame = await openPanel(page);
    const practice = frame.locator('details[data-id="p:random-seeds"]');
    if ((await practice.getAttribute('open')) === null) await practice.locator('summary').first().click();
    await practice.locator(`button[aria-label="Suppress this finding in src/${HTML_NAME}"]`).click();
    const input = page.locator('.quick-input-widget input.input').first();
    await waitUntil(page, 'the reason prompt', () => input.isVisible());
    await input.fill('exploratory script, results are never compared');
    await page.keyboard.press('Enter');
    await waitUntil(page, 'the suppression in .mlops-lens.yaml', async () => existsSync(config) && readFileSync(config, 'utf8').includes('random-seeds/training-script-without-seed'));
    const written = readFileSync(config, 'utf8');
    assert.match(written, /path: .*onerror=alert\\\(1\\\)>_train\.py/, `the file's own path, its glob characters escaped:\n${written}`);
    await waitUntil(page, 'the finding gone from Problems', async () => !(await seedProblem()), 30_000);
    assert.ok((await readProblems(page)).some((r) => /python:latest/.test(`${r.ariaLabel} ${r.text}`)), 'the other findings stay');

    frame = await openPanel(page);
    const suppressed = frame.locator('details[data-id="sec:suppressed"]');
    await waitUntil(page, 'the Suppressed list', () => suppressed.isVisible(), 30_000);
    if ((await suppressed.getAttribute('open')) === null) await suppressed.locator('summary').first().click();
    const item = suppressed.locator('.suppressed-item', { hasText: HTML_NAME });
    assert.match(await item.innerText(), /Reason: exploratory script, results are never compared/);
    assert.equal(await frame.locator('img').count(), 0);
    await screenshot(page, 'panel-suppressed');
    await item.getByRole('button', { name: /Unsuppress/ }).click();
    await waitUntil(page, 'the entry removed from .mlops-lens.yaml', async () => !readFileSync(config, 'utf8').includes('random-seeds/training-script-without-seed'));
    await waitUntil(page, 'the finding back in Problems', seedProblem, 30_000);
  });

  it('a broken dvc.yaml shows under the level with the practice it leaves unjudged, in Problems at the error, and opens there', async () => {
    const { page } = editor;
    const dvc = join(workspace, 'dvc.yaml');
    const original = readFileSync(dvc, 'utf8');
    writeFileSync(dvc, 'stages:\n  prepare:\n    cmd: [python src/prepare.py\n    deps: {\n');
    try {
      const frame = await openPanel(page);
      const banner = frame.locator('.report-header .unjudged');
      await waitUntil(page, 'the unjudged-file banner under the level', () => banner.isVisible(), 60_000);
      const text = await banner.innerText();
      assert.match(text, /A file could not be read or parsed/);
      assert.match(text, /dvc\.yaml:4/);
      assert.match(text, /Not judged: Pipeline as code/);
      const top = await banner.evaluate((node) => node.getBoundingClientRect().top + node.ownerDocument.defaultView!.scrollY);
      assert.ok(top < 400, `near the top of the panel: ${top} px down`);
      await banner.scrollIntoViewIfNeeded();
      await screenshot(page, 'panel-broken-file');
      const rows = await readProblems(page, { minMarkers: 1 });
      assert.ok(rows.some((r) => /Pipeline as code could not be judged/.test(`${r.ariaLabel} ${r.text}`)), rows.map((r) => r.ariaLabel).join('\n'));
      await (await openPanel(page)).locator('.unjudged').getByRole('button', { name: /dvc\.yaml:4/ }).click();
      await waitUntil(page, 'dvc.yaml open at line 4', async () => {
        const tab = await page.locator('.tabs-container .tab.active').innerText().catch(() => '');
        const position = await page.locator('.statusbar-item:has-text("Ln ")').first().innerText().catch(() => '');
        return /dvc\s*\.yaml/.test(tab) && /Ln 4\b/.test(position);
      });
    } finally {
      writeFileSync(dvc, original);
    }
    const frame = await openPanel(page);
    await waitUntil(page, 'the banner gone once the file parses again', async () => (await frame.locator('.unjudged').count()) === 0, 60_000);
  });

  it('after the first view trade-offs and next steps are one line each, Tab reaches the practices in a few stops, and Re-audit keeps focus', async () => {
    const { page } = editor;
    // Hiding the side bar destroys the webview; showing it again restores its state.
    await openPanel(page);
    await page.keyboard.press('Control+B');
    await waitUntil(page, 'the side bar hidden', async () => !(await page.locator('.part.sidebar').isVisible()));
    const frame = await openPanel(page);
    await waitUntil(page, 'the trade-offs section', async () => (await frame.locator('details.tradeoff').count()) > 0, 30_000);
    assert.equal(await frame.locator('details.tradeoff[open]').count(), 0, 'each trade-off is one line');
    assert.equal(await frame.locator('details.rec[open]').count(), 0, 'each next step is one line');
    assert.equal(await frame.locator('details.gap[open]').count(), 0, 'each foundation gap is one line');
    await frame.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'panel-second-view');

    const activeKey = () => frame.evaluate('document.activeElement && document.activeElement.getAttribute("data-key")') as Promise<string | null>;
    await frame.locator('.skip-link').focus();
    let stops = 0;
    while ((await activeKey()) !== 'sec:practices' && stops < 40) {
      await page.keyboard.press('Tab');
      stops++;
    }
    assert.equal(await activeKey(), 'sec:practices', 'Tab reaches the practices');
    assert.ok(stops <= 15, `${stops} Tab stops from the top to the practices`);
    await frame.locator('.skip-link').focus();
    await page.keyboard.press('Enter');
    assert.equal(await activeKey(), 'sec:practices', 'the skip link goes straight there');

    await frame.getByRole('button', { name: 'Re-audit' }).focus();
    await page.keyboard.press('Enter');
    await waitUntil(page, 'the audit started', async () => (await frame.locator('.status', { hasText: 'Auditing' }).count()) > 0, 30_000).catch(() => undefined);
    await waitUntil(page, 'the audit done', async () => (await frame.locator('.status', { hasText: 'Auditing' }).count()) === 0, 60_000);
    assert.equal(await activeKey(), 'reaudit:Re-audit', 'focus stays on Re-audit');

    // Typing in an editor while the panel re-renders after a save: the panel never takes the focus.
    await openFile(page, 'src/models/train_baseline.py');
    await goToLine(page, 1);
    await page.keyboard.press('End');
    await page.keyboard.type('  # first');
    await page.keyboard.press('Control+S');
    await waitUntil(page, 'the re-audit after the save', async () => (await frame.locator('.status', { hasText: 'Auditing' }).count()) === 0, 60_000);
    await page.waitForTimeout(1_000);
    await page.keyboard.type(' second');
    await waitUntil(page, 'both words in the editor', async () =>
      (await page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ').includes('# first second'));
  });

  it('at 250 px in the 2026 themes, level and effort badges stay on their title\'s line and Missing only reads off until pressed', async () => {
    const { page } = editor;
    const panel = await openPanel(page);
    // Drag the side bar's edge until the panel's content is 250 px wide.
    const sidebar = page.locator('.part.sidebar');
    const webviewWidth = async () => panel.evaluate('document.documentElement.clientWidth') as Promise<number>;
    for (let attempt = 0; attempt < 4 && Math.abs((await webviewWidth()) - 250) > 6; attempt++) {
      const box = (await sidebar.boundingBox())!;
      const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((nodes) => nodes.map((n) => {
        const r = n.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, height: r.height };
      }));
      const sash = sashes.filter((r) => r.height > 100).sort((a, b) => Math.abs(a.x - (box.x + box.width)) - Math.abs(b.x - (box.x + box.width)))[0];
      await page.mouse.move(sash.x, sash.y);
      await page.mouse.down();
      await page.mouse.move(sash.x - ((await webviewWidth()) - 250), sash.y, { steps: 5 });
      await page.mouse.up();
    }
    assert.ok(Math.abs((await webviewWidth()) - 250) <= 6, `the panel is ${await webviewWidth()} px wide`);
    for (const theme of ['Light 2026', 'Dark 2026']) {
      await runCommand(page, 'Preferences: Color Theme');
      const input = page.locator('.quick-input-widget input.input').first();
      await input.fill(theme);
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: theme }).first();
      await waitUntil(page, `the ${theme} row`, () => row.isVisible());
      await row.click();
      await waitUntil(page, `the ${theme} theme applied`, async () => ((await page.locator('.monaco-workbench').getAttribute('class')) ?? '').includes(theme.startsWith('Light') ? 'vs' : 'vs-dark'));
      const frame = await openPanel(page);
      // Every practice row: the badge on the same line as the title's last character.
      const apart = await frame.evaluate(`(() => {
        const bad = [];
        for (const summary of document.querySelectorAll('details.practice > summary, details.rec > summary')) {
          const title = summary.querySelector('.title');
          const badge = summary.querySelector('.badge');
          const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
          let last = null;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent.trim() && !badge.contains(n) && !n.parentElement.closest('.sr-only, .finding-count')) last = n;
          const range = document.createRange();
          range.setStart(last, last.textContent.length - 1);
          range.setEnd(last, last.textContent.length);
          const rects = range.getClientRects();
          const end = rects[rects.length - 1];
          const b = badge.getBoundingClientRect();
          if (Math.abs((end.top + end.bottom) / 2 - (b.top + b.bottom) / 2) > 6) bad.push(title.textContent);
          // A next step's rank starts the line its title starts on.
          const first = title.firstChild;
          const rank = /^\\d+\\. /.exec(first.textContent || '');
          if (rank) {
            const at = (i) => { const r = document.createRange(); r.setStart(first, i); r.setEnd(first, i + 1); return r.getBoundingClientRect(); };
            if (Math.abs(at(0).top - at(rank[0].length).top) > 6) bad.push(title.textContent);
          }
        }
        return bad;
      })()`) as string[];
      assert.deepEqual(apart, [], `${theme}: badges on a line of their own`);
      const toggle = frame.locator('[data-key="filter-missing"]');
      const look = () => toggle.evaluate((node) => {
        const style = getComputedStyle(node);
        return { background: style.backgroundColor, border: style.borderTopColor, pressed: node.getAttribute('aria-pressed'), check: !!node.querySelector('.codicon-check') };
      });
      const accent = await frame.evaluate('getComputedStyle(document.documentElement).getPropertyValue("--vscode-button-border").trim()') as string;
      const off = await look();
      assert.equal(off.pressed, 'false');
      assert.equal(off.background, 'rgba(0, 0, 0, 0)', `${theme}: off is not filled`);
      assert.equal(off.check, false);
      await toggle.scrollIntoViewIfNeeded();
      await screenshot(page, `panel-250-${theme.replace(' ', '-').toLowerCase()}`);
      await toggle.click();
      await waitUntil(page, 'the toggle pressed', async () => (await look()).pressed === 'true');
      const on = await look();
      assert.notEqual(on.background, off.background, `${theme}: pressed is filled`);
      assert.equal(on.check, true, `${theme}: pressed shows a check mark`);
      assert.ok(accent === '' || off.border !== on.border, `${theme}: the off border is not the pressed one`);
      await toggle.click();
      await waitUntil(page, 'the toggle released', async () => (await look()).pressed === 'false');
    }
  });
});

describe('MLOps Lens commands', () => {
  let editor: Editor;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace();
    editor = await startEditor({ workspace, extensions: [VSIX], settings: { 'mlopsLens.auditOnOpen': false } });
  });

  after(async () => {
    await editor?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  // Monaco renders spaces as non-breaking spaces.
  const editorText = async (page: Page) => (await page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');

  /** The palette can miss an extension's commands for a moment after the workbench opens: retry. */
  async function runCommandEventually(page: Page, title: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await runCommand(page, title, 5_000);
        return;
      } catch (err) {
        if (attempt === 4) throw err;
        await dismiss(page);
        await page.waitForTimeout(2_000);
      }
    }
  }

  it('Show Evidence lists the paraphrased claims with their sources', async () => {
    const { page } = editor;
    await runCommandEventually(page, 'MLOps Lens: Show Evidence');
    const rows = await waitUntil(page, 'evidence rows', async () => {
      const found = await quickInputRows(page);
      return found.length > 5 ? found : null;
    });
    const all = rows.map((r) => r.ariaLabel || r.label).join('\n');
    // The list is virtual: the first study's claims are the rows on screen.
    assert.match(all, /main obstacles reported are fragmented tooling/);
    assert.match(all, /https:\/\/arxiv\.org\/abs\/2502\.05634/);
    // The group's separator names the authors and year; the study's title is on each claim's row.
    const separator = (await page.locator('.quick-input-widget .quick-input-list-separator').first().innerText()).trim();
    assert.ok(separator.length > 0 && separator.length <= 60, `a short separator label: "${separator}"`);
    await screenshot(page, 'show-evidence');
    await dismiss(page);
  });

  it('Explain Practice opens a read-only explanation with evidence and this workspace\'s status; closing it asks nothing', async () => {
    const { page } = editor;
    await runCommandEventually(page, 'MLOps Lens: Audit Workspace');
    await findWebviewFrame(page, 'Level 3', 90_000);
    await runCommandEventually(page, 'MLOps Lens: Explain Practice');
    const input = page.locator('.quick-input-widget input.input').first();
    await input.fill('Data versioning');
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Data versioning' }).first();
    await waitUntil(page, 'the Data versioning row', () => row.isVisible());
    await row.click();
    await waitUntil(page, 'the explanation document', async () => {
      const text = await editorText(page);
      return text.includes('# Data versioning') && text.includes('## Evidence') && /present/.test(text);
    });
    const tab = page.locator('.tabs-container .tab.active');
    assert.match((await tab.getAttribute('aria-label')) ?? '', /data-versioning\.md/);
    // Typing changes nothing in a read-only document, and it never becomes dirty.
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.type('zzz');
    assert.doesNotMatch(await editorText(page), /zzz/);
    assert.equal(await tab.evaluate((el) => el.classList.contains('dirty')), false);
    await page.keyboard.press('Control+W');
    await waitUntil(page, 'the explanation closed', async () => !(await page.locator('.tabs-container .tab', { hasText: 'data-versioning.md' }).count()));
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no dialog asks to save it');
  });

  it('Create Starter File lists a shared starter once and opens a file that already exists instead of writing it', async () => {
    const { page } = editor;
    await runCommandEventually(page, 'MLOps Lens: Create Starter File');
    const input = page.locator('.quick-input-widget input.input').first();
    await input.fill('.github/workflows/ci.yml');
    const rows = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'ci.yml' });
    await waitUntil(page, 'the CI starter row', () => rows.first().isVisible());
    assert.equal(await rows.count(), 1, 'one entry for the workflow both CI practices start from');
    const row = await rows.first().innerText();
    assert.match(row, /Continuous integration/);
    assert.match(row, /Tests run in CI/);
    assert.match(row, /Already in this folder/);
    await rows.first().click();
    await waitUntil(page, 'the existing workflow, not the starter', async () => {
      const text = await editorText(page);
      return text.includes('name: CI') && !text.includes('Runs the test suite on every push');
    });
  });

  it('Create Config File writes a commented .mlops-lens.yaml and opens it', async () => {
    const { page } = editor;
    await runCommandEventually(page, 'MLOps Lens: Create Config File');
    await waitUntil(page, 'the config file in the editor', async () => (await editorText(page)).includes('MLOps Lens configuration'));
    assert.ok(existsSync(join(workspace, '.mlops-lens.yaml')), 'written to the workspace');
  });
});

describe('MLOps Lens with a broken configuration', () => {
  let editor: Editor;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace();
    editor = await startEditor({ workspace, extensions: [VSIX], settings: { 'mlopsLens.auditOnOpen': false } });
  });

  after(async () => {
    await editor?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('shows the error once, with file and line, and keeps the last good assessment', async () => {
    const { page } = editor;
    await openPanel(page, 'Level 3');
    // Saved from outside the editor: the file watcher picks it up and re-audits.
    writeFileSync(join(workspace, '.mlops-lens.yaml'), 'stage: pilot\nsuppress:\n  - id: drift-monitoring\n');
    const message = await waitForNotification(page, /invalid configuration/, 30_000);
    assert.match(message, /\.mlops-lens\.yaml:3:5: suppress\[0\]\.reason: missing required field 'reason'/);
    const frame = await findWebviewFrame(page, /invalid configuration/, 30_000);
    assert.match(await frame.evaluate('document.body.innerText') as string, /Level 3 — Automated delivery/, 'the last good report stays');
    await runCommand(page, 'MLOps Lens: Audit Workspace');
    await findWebviewFrame(page, /invalid configuration/, 30_000);
    const shown = await page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'invalid configuration' }).count();
    assert.equal(shown, 1, 'the same error is not shown again');
    // The status bar says so too (its accessible label carries the error), keeping the last level.
    const item = await waitForStatusBarItem(page, /missing required field 'reason'/, 30_000);
    assert.match(item.text, /MLOps L3 → L\d/);
    await screenshot(page, 'config-error');
  });
});

describe('MLOps Lens in a multi-root workspace', () => {
  let editor: Editor;
  let alpha: string;
  let beta: string;
  let tmp: string;

  before(async () => {
    alpha = makeWorkspace();
    tmp = mkdtempSync(join(tmpdir(), 'mlops-lens-e2e-multi-'));
    beta = join(tmp, 'churn');
    cpSync(join(REPO_ROOT, 'examples', 'churn-prediction'), beta, { recursive: true });
    mkdirSync(join(beta, '.git'));
    writeFileSync(join(beta, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const file = join(tmp, 'both.code-workspace');
    writeFileSync(file, JSON.stringify({ folders: [{ path: alpha }, { path: beta }] }));
    editor = await startEditor({ workspace: file, extensions: [VSIX], settings: { 'mlopsLens.auditOnOpen': false } });
  });

  after(async () => {
    await editor?.close();
    for (const dir of [alpha, tmp]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the panel and the status bar show the same folder: the active editor\'s, or the one picked in the panel', async () => {
    const { page } = editor;
    await openPanel(page, /Level \d/);
    // A file of the second folder in the editor: both follow it.
    await openFile(page, 'src/churn/train.py');
    await waitForStatusBarItem(page, /MLOps L2 → L2/, 60_000);
    let frame = await findWebviewFrame(page, /Level 2 — /, 30_000);
    assert.equal(await frame.locator('#folder-select').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent), 'churn');
    // The first folder picked in the panel: the status bar follows.
    await frame.locator('#folder-select').selectOption({ label: basename(alpha) });
    await waitForStatusBarItem(page, /MLOps L3 → L3/, 30_000);
    frame = await findWebviewFrame(page, /Level 3 — /, 30_000);
    await screenshot(page, 'multi-root');
  });
});

describe('MLOps Lens on a folder without ML project markers', () => {
  let editor: Editor;
  let workspace: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'mlops-lens-e2e-notml-'));
    writeFileSync(join(workspace, 'README.md'), '# Notes\n\nMeeting notes and a helper script.\n');
    writeFileSync(join(workspace, 'tidy.py'), 'import os\n\nprint(os.listdir("."))\n');
    editor = await startEditor({ workspace, extensions: [VSIX], settings: { 'mlopsLens.auditOnOpen': true } });
  });

  after(async () => {
    await editor?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('says so, and Show the audit anyway shows the audit instead of the same message', async () => {
    const { page } = editor;
    const frame = await openPanel(page, 'No ML project markers');
    await frame.getByRole('button', { name: 'Show the audit anyway' }).click();
    await waitUntil(page, 'the audit in the panel', async () => /Level 0 —/.test(await frame.evaluate('document.body.innerText') as string));
    assert.doesNotMatch(await frame.evaluate('document.body.innerText') as string, /No ML project markers/);
  });
});

describe('MLOps Lens in Restricted Mode', () => {
  let editor: Editor;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace({
      'RUNBOOK.md': '# Runbook\n',
      '.mlops-lens.yaml': [
        'practices:',
        '  - id: team-runbook',
        '    title: Team runbook custom practice',
        '    dimension: governance',
        '    level: 2',
        '    why: On-call needs a runbook.',
        '    evidence: [{ref: mlops-principles-2024#restore-previous-state, supports: need}]',
        '    benefits: [rollback]',
        '    effort: low',
        '    detect: [{id: runbook, kind: file, glob: ["RUNBOOK.md"]}]',
        '    remediation: {firstStep: Write RUNBOOK.md, path: Keep it current}',
        '',
      ].join('\n'),
    });
    editor = await startEditor({ workspace, extensions: [VSIX], workspaceTrust: true, settings: { 'mlopsLens.auditOnOpen': false } });
  });

  after(async () => {
    await editor?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('audits by reading files only, and ignores the repository\'s custom rules', async () => {
    const { page } = editor;
    // Decline trust if the workbench asks: the folder then opens in Restricted Mode.
    const decline = page.getByRole('button', { name: /No, I don.t trust the authors|Don.t Trust/ }).first();
    if (await decline.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) await decline.click();
    await waitUntil(page, 'Restricted Mode', async () => (await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).count()) > 0, 30_000);
    // Opening the panel audits the folder (the palette may not list commands until the extension host settles).
    const frame = await openPanel(page, 'Level 3');
    const text = await frame.evaluate('document.body.innerText') as string;
    assert.match(text, /Level 3 — Automated delivery/);
    assert.ok(!text.includes('Team runbook custom practice'), 'custom practices are not run in Restricted Mode');
    await screenshot(page, 'restricted-mode');
  });
});
