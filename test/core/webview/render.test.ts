/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { dimensionChart } from '../../../src/webview/render/chart';
import { nextRequirements } from '../../../src/webview/render/header';
import { filterPractices } from '../../../src/webview/render/practices';
import { withCode } from '../../../src/webview/render/dom';
import { isWebviewMessage } from '../../../src/webview/protocol';
import { REPO_ROOT } from '../../helpers/paths';
import {
  HOSTILE_DETAIL, HOSTILE_MESSAGE, HOSTILE_MIXED, HOSTILE_NAME, HOSTILE_PATH, HOSTILE_REASON,
  buttonsWith, choose, click, folderView, hostileReport, knowledgeFor, newDocument, startApp,
} from './setup';

function auditedApp() {
  const report = hostileReport();
  const started = startApp([
    { type: 'knowledge', knowledge: knowledgeFor(report) },
    { type: 'folders', folders: [folderView(report, { name: HOSTILE_NAME })] },
  ]);
  return { ...started, report };
}

describe('webview rendering', () => {
  test('posts ready once, on load', () => {
    const { api } = auditedApp();
    assert.deepEqual(api.posted, [{ type: 'ready' }]);
  });

  test('inline code in knowledge-base text becomes code elements, never markup; an unpaired backtick stays', () => {
    const { document } = newDocument();
    const nodes = withCode(document, 'Run `pytest -q` then `<img src=x onerror=alert(1)>` and a stray ` here');
    const p = document.createElement('p');
    for (const node of nodes) p.append(node as Node | string);
    assert.deepEqual(Array.from(p.querySelectorAll('code')).map((c) => c.textContent), ['pytest -q', '<img src=x onerror=alert(1)>']);
    assert.equal(p.querySelector('img'), null);
    assert.equal(p.textContent, 'Run pytest -q then <img src=x onerror=alert(1)> and a stray ` here');
  });

  test('the panel shows the knowledge base\'s backticks as code: a trade-off\'s action, a first step', () => {
    const { root } = auditedApp();
    const codes = Array.from(root.querySelectorAll('.rec-step code, .action code, .gap-list code')).map((c) => c.textContent ?? '');
    assert.ok(codes.length > 0, 'some inline code is rendered as code');
    assert.ok(!Array.from(root.querySelectorAll('.rec-step, .action, .gap-list')).some((n) => /`[^`]+`/.test(n.textContent ?? '')), 'no raw backtick pairs left');
  });

  test('while a large folder is audited: the count so far, the last report kept, and a Cancel that posts a valid message', () => {
    const report = hostileReport();
    const { root, api } = startApp([
      { type: 'knowledge', knowledge: knowledgeFor(report) },
      { type: 'folders', folders: [folderView(report, { status: 'auditing', progress: { phase: 'reading', done: 4500, total: 37000 }, cancellable: true })] },
    ]);
    const status = root.querySelector('.status')!.textContent ?? '';
    assert.match(status, /Auditing churn…/);
    assert.match(status, /4,500 of 37,000 files read/);
    assert.match(status, /last completed audit/);
    assert.ok(root.querySelector('.report-header'), 'the last report stays on screen');
    const [cancel] = buttonsWith(root, 'Cancel');
    click(cancel);
    const message = api.posted[api.posted.length - 1];
    assert.deepEqual(message, { type: 'cancel', folder: 'file:///work/churn' });
    assert.ok(isWebviewMessage(message));
  });

  test('listing shows the files found; a cancelled audit offers to audit again', () => {
    const listing = startApp([{ type: 'folders', folders: [folderView(undefined, { status: 'auditing', progress: { phase: 'listing', done: 12000 } })] }]);
    assert.match(listing.root.textContent ?? '', /12,000 files listed/);
    assert.equal(buttonsWith(listing.root, 'Cancel').length, 0, 'no Cancel where the audit cannot be stopped');
    const cancelled = startApp([{ type: 'folders', folders: [folderView(undefined, { status: 'cancelled' })] }]);
    assert.match(cancelled.root.textContent ?? '', /audit of churn was cancelled/);
    assert.equal(buttonsWith(cancelled.root, 'Audit again').length, 1);
  });

  test('hostile repository strings become text, never elements', () => {
    const { root } = auditedApp();
    for (const tag of ['img', 'script', 'iframe', 'b', 'u']) {
      assert.equal(root.querySelector(tag), null, `no <${tag}> from data`);
    }
    const text = root.textContent ?? '';
    assert.ok(text.includes(HOSTILE_PATH), 'the path is shown literally');
    assert.ok(text.includes(HOSTILE_DETAIL), 'the detail is shown literally');
    assert.ok(text.includes(HOSTILE_MESSAGE), 'the finding and trade-off message are shown literally');
    assert.ok(text.includes(HOSTILE_REASON), 'the suppression reason is shown literally');
  });

  test('the suppressed list shows each suppressed practice and finding with its reason, and Unsuppress posts a valid message', () => {
    const { root, api } = auditedApp();
    const section = root.querySelector('[data-id="sec:suppressed"]')!;
    assert.match(section.querySelector('summary')!.textContent ?? '', /Suppressed \(2\)/);
    const items = Array.from(section.querySelectorAll('.suppressed-item'));
    assert.deepEqual(items.map((i) => i.querySelector('.label')!.textContent), ['Practice: ', 'Finding: ']);
    assert.ok(items.every((i) => (i.querySelector('.suppressed-reason')!.textContent ?? '').includes(HOSTILE_REASON)));
    for (const unsuppress of buttonsWith(section, 'Unsuppress')) click(unsuppress);
    const posted = api.posted.slice(-2);
    assert.deepEqual(posted, [
      { type: 'unsuppress', folder: 'file:///work/churn', id: 'feature-store' },
      { type: 'unsuppress', folder: 'file:///work/churn', id: 'random-seeds/training-script-without-seed', path: HOSTILE_PATH },
    ]);
    assert.ok(posted.every(isWebviewMessage));
  });

  test('a finding row offers to suppress that finding in its file', () => {
    const { root, api } = auditedApp();
    const row = root.querySelector('#practice-containerization .finding')!;
    const suppress = row.querySelector('button[aria-label^="Suppress this finding"]') as HTMLButtonElement;
    click(suppress);
    const message = api.posted[api.posted.length - 1];
    assert.deepEqual(message, { type: 'suppress', folder: 'file:///work/churn', id: 'containerization/unpinned-base', path: HOSTILE_PATH });
    assert.ok(isWebviewMessage(message));
  });

  test('a file that could not be parsed shows under the level with the practices it leaves unjudged, and opens at the error', () => {
    const { root, api } = auditedApp();
    const banner = root.querySelector('.report-header .unjudged')!;
    assert.ok(banner, 'the banner is in the header');
    assert.match(banner.textContent ?? '', /A file could not be read or parsed/);
    assert.match(banner.textContent ?? '', /Not judged: Data and model drift monitoring/);
    assert.ok((banner.textContent ?? '').includes(HOSTILE_PATH), 'the path is shown as text');
    assert.equal(banner.querySelector('img, script, iframe'), null);
    click(banner.querySelector('button'));
    assert.deepEqual(api.posted[api.posted.length - 1], { type: 'openSignal', folder: 'file:///work/churn', path: HOSTILE_PATH });
  });

  test('the first view of a report explains; later views show trade-offs and next steps one line each', () => {
    const report = hostileReport();
    const messages = [{ type: 'knowledge', knowledge: knowledgeFor(report) }, { type: 'folders', folders: [folderView(report)] }];
    const first = startApp(messages);
    const openItems = (root: HTMLElement, selector: string) => Array.from(root.querySelectorAll(selector)).filter((d) => d.hasAttribute('open')).length;
    assert.ok(openItems(first.root, 'details.tradeoff:not(.is-suppressed)') > 0, 'trade-offs open on the first view');
    assert.ok(openItems(first.root, 'details.rec') > 0, 'next steps open on the first view');
    assert.ok(openItems(first.root, 'details.gap') > 0, 'foundation gaps explained on the first view');
    assert.equal((first.api.saved as { seen?: boolean }).seen, true, 'the state records that a report was seen');

    const later = startApp(messages, first.api.saved);
    assert.equal(openItems(later.root, 'details.tradeoff'), 0, 'each trade-off is its title line');
    assert.equal(openItems(later.root, 'details.rec'), 0, 'each next step is its title line');
    assert.equal(openItems(later.root, 'details.gap'), 0, 'each foundation gap is its title line');
    assert.ok(later.root.querySelectorAll('details.rec').length > 0 && later.root.querySelector('details[data-id="sec:next"]')!.hasAttribute('open'), 'the list itself stays open');
    // A part the user opened stays open.
    const toggled = startApp(messages, { ...(first.api.saved as object), expanded: { [`t:${report.tradeoffs[0].id}`]: true } });
    assert.ok(toggled.root.querySelector(`details[data-id="t:${report.tradeoffs[0].id}"]`)!.hasAttribute('open'));
  });

  test('the first Tab stop skips to the practices', () => {
    const { root } = auditedApp();
    const first = root.querySelector('button, summary, a, select, input')!;
    assert.equal(first.textContent, 'Skip to practices');
    assert.ok(first.classList.contains('skip-link'));
  });

  test('a practice partial because it holds in part of the repository says why on its row', () => {
    const { root } = auditedApp();
    const row = root.querySelector('#practice-explainability summary')!;
    assert.ok(Array.from(row.querySelectorAll('.row-note')).some((n) => n.textContent === HOSTILE_MIXED));
  });

  test('the folder name is text in the welcome states too', () => {
    const { root } = startApp([{ type: 'folders', folders: [folderView(undefined, { name: HOSTILE_NAME, notMl: true })] }]);
    assert.equal(root.querySelector('iframe'), null);
    assert.ok((root.textContent ?? '').includes(`No ML project markers found in ${HOSTILE_NAME}.`));
  });

  test('no webview source builds HTML from strings', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts')) files.push(path);
      }
    };
    walk(join(REPO_ROOT, 'src', 'webview'));
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser/, file);
    }
  });

  test('a signal button posts the raw path and line', () => {
    const { root, api } = auditedApp();
    const [signal] = buttonsWith(root, `${HOSTILE_PATH}:3`);
    assert.ok(signal, 'the hostile signal has a button');
    click(signal);
    assert.deepEqual(api.posted.at(-1), { type: 'openSignal', folder: 'file:///work/churn', path: HOSTILE_PATH, line: 3 });
  });

  test('every button posts a message the host accepts', () => {
    const { root, api } = auditedApp();
    for (const b of Array.from(root.querySelectorAll('button'))) click(b);
    const sent = api.posted.slice(1);
    assert.ok(sent.length > 20);
    for (const message of sent) assert.ok(isWebviewMessage(message), JSON.stringify(message));
    const types = new Set(sent.map((m) => (m as { type: string }).type));
    for (const type of ['openSignal', 'openSource', 'suppress', 'scaffold', 'reaudit', 'explain']) assert.ok(types.has(type), type);
    assert.ok(sent.some((m) => JSON.stringify(m) === JSON.stringify({ type: 'scaffold', folder: 'file:///work/churn', practice: 'data-validation' })));
  });

  test('header: level, target with stage, score, foundation gaps and what the next level needs', () => {
    const { root, report } = auditedApp();
    const header = root.querySelector('.report-header')!;
    assert.match(header.textContent ?? '', /Level 3 — Automated delivery/);
    assert.match(header.textContent ?? '', /target 3 for production \(inferred\)/);
    assert.match(root.querySelector('.score')!.textContent ?? '', /^66\/100$/);
    assert.match(header.querySelector('.decided')!.textContent ?? '', /because of Tests run in CI, Continuous deployment, Model registry and Model evaluation gate; foundation gaps: Code quality checks/);
    const gaps = Array.from(header.querySelectorAll('.gap-list li'));
    assert.deepEqual(gaps.map((li) => li.getAttribute('data-practice')), ['code-quality']);
    assert.equal(gaps[0].querySelector('summary')!.textContent, 'Code quality checks level 2, missing', 'one line: the title and its state');
    assert.match(gaps[0].querySelector('details > p')!.textContent ?? '', /^Linters, .+ First step: Add a \.pre-commit-config\.yaml/);
    assert.deepEqual(nextRequirements(report), [
      'Data and model drift monitoring or Service monitoring',
      'Scheduled retraining',
    ]);
    const next = root.querySelector('.next')!.textContent ?? '';
    assert.ok(next.startsWith('Next level needs:'));
    assert.ok(next.includes('Scheduled retraining'));
  });

  test('chart: nine bars, scores visible, an accessible label', () => {
    const { document } = newDocument();
    const report = hostileReport();
    const chart = dimensionChart(document, report);
    assert.equal(chart.getAttribute('role'), 'img');
    assert.equal(chart.querySelectorAll('.chart-bar').length, 9);
    const label = chart.getAttribute('aria-label') ?? '';
    for (const d of report.dimensionDetails) assert.ok(label.includes(`${d.title} ${d.score}`), d.title);
    const values = Array.from(chart.querySelectorAll('.chart-value')).map((t) => t.textContent);
    assert.deepEqual(values, report.dimensionDetails.map((d) => String(d.score)));
    assert.equal(chart.namespaceURI, 'http://www.w3.org/2000/svg');
  });

  test('trade-offs come before the practices, with severity, action, evidence and signals', () => {
    const { root } = auditedApp();
    const sections = Array.from(root.querySelectorAll('details.section')).map((d) => d.getAttribute('data-id'));
    assert.ok(sections.indexOf('sec:tradeoffs') < sections.indexOf('sec:practices'));
    const tradeoff = root.querySelector('details.tradeoff')!;
    assert.ok(tradeoff.querySelector('.codicon-warning'));
    assert.match(tradeoff.textContent ?? '', /Action: Expose service metrics/);
    assert.ok(tradeoff.querySelector('ul.evidence li'));
    assert.ok(tradeoff.querySelector('ul.signals li'));
  });

  test('practices: status icon, level badge, evidence with unverified tag, findings under their practice', () => {
    const { root } = auditedApp();
    const rows = Array.from(root.querySelectorAll('details.practice'));
    assert.equal(rows.length, 27);
    const containerization = rows.find((r) => r.getAttribute('data-id') === 'p:containerization')!;
    assert.ok(containerization.querySelector('summary .codicon-pass-filled'));
    const badge = containerization.querySelector('summary .badge')!;
    assert.equal(badge.textContent, 'L2');
    assert.equal(badge.getAttribute('aria-hidden'), 'true', 'a screen reader skips the bare badge…');
    assert.match(containerization.querySelector('summary')!.textContent ?? '', /expected at level 2/, '…and hears what it means');
    const finding = containerization.querySelector('ul.findings .finding')!;
    assert.ok(finding.querySelector('.codicon-warning'));
    assert.ok((finding.textContent ?? '').includes(`${HOSTILE_PATH}:1`));
    assert.ok(root.querySelector('ul.evidence .tag'), 'an unverified claim is tagged');
    // Indirect support: each citation tagged with its note as the tooltip, the heading says convention.
    const indirectTags = Array.from(containerization.querySelectorAll('ul.evidence .tag')).filter((t) => t.textContent === 'indirect');
    assert.ok(indirectTags.length > 0);
    assert.equal(indirectTags[0].getAttribute('title'), `${HOSTILE_MESSAGE} serves it`);
    assert.ok(Array.from(containerization.querySelectorAll('.subhead')).some((h) => h.textContent === 'Evidence (indirect only: expert convention)'));
    assert.equal(containerization.querySelector('ul.evidence b'), null);
    const suppressed = rows.find((r) => r.getAttribute('data-id') === 'p:feature-store')!;
    assert.ok(suppressed.querySelector('summary .codicon-eye-closed'));
    assert.equal(buttonsWith(suppressed, 'Suppress').length, 0);
    // Not judged: its own icon and label, and the files that hid the evidence, as text.
    const unjudged = rows.find((r) => r.getAttribute('data-id') === 'p:drift-monitoring')!;
    assert.ok(unjudged.querySelector('summary .codicon-question'));
    assert.match(unjudged.querySelector('summary')!.textContent ?? '', /Not available: /);
    const unseen = unjudged.querySelector('ul.unavailable li')!;
    assert.equal(unseen.querySelector('code')!.textContent, HOSTILE_PATH);
    assert.ok((unseen.textContent ?? '').includes(HOSTILE_DETAIL));
    assert.equal(unjudged.querySelector('ul.unavailable img, ul.unavailable script'), null);
    assert.ok((root.textContent ?? '').includes('orphan finding'), 'findings of unknown practices are still listed');
  });

  test('recommendations: at most five, with first step, effort and reason', () => {
    const report = hostileReport();
    const extra = report.recommendations[0];
    report.recommendations.push(...[1, 2, 3, 4].map((i) => ({ ...extra, title: `Extra ${i}` })));
    const { root } = startApp([{ type: 'folders', folders: [folderView(report)] }]);
    const items = root.querySelectorAll('ol.recommendations > li');
    assert.equal(items.length, 5);
    assert.ok(items[0].querySelector('.rec-step')!.textContent);
    assert.ok(items[0].querySelector('.effort')!.textContent);
    assert.ok(items[0].querySelector('.rec-reason')!.textContent);
  });

  test('welcome: no workspace', () => {
    const { root } = startApp([{ type: 'noWorkspace' }]);
    assert.equal(root.textContent, 'Open a folder that holds an ML project to audit it.');
  });

  test('welcome: not an ML project; Show the audit anyway shows the report, and is remembered', () => {
    const report = hostileReport();
    const { root, api } = startApp([{ type: 'folders', folders: [folderView(report, { name: 'docs', notMl: true })] }]);
    assert.ok((root.textContent ?? '').includes('No ML project markers found in docs.'));
    assert.equal(root.querySelector('.report-header'), null);
    click(buttonsWith(root, 'Show the audit anyway')[0]);
    assert.ok(root.querySelector('.report-header'), 'the report, not the same message again');
    assert.equal((root.textContent ?? '').includes('No ML project markers'), false);
    const again = startApp([{ type: 'folders', folders: [folderView(report, { name: 'docs', notMl: true })] }], api.saved);
    assert.ok(again.root.querySelector('.report-header'), 'the choice survives the view being recreated');
  });

  test('status: spinner while auditing, error text beside the last good report', () => {
    const report = hostileReport();
    const auditing = startApp([{ type: 'folders', folders: [folderView(report, { status: 'auditing' })] }]);
    assert.ok(auditing.root.querySelector('.status .codicon-loading.codicon-modifier-spin'));
    assert.ok(auditing.root.querySelector('.report-header'));
    const failed = startApp([{ type: 'folders', folders: [folderView(report, { status: 'error', error: 'Bad config <x>' })] }]);
    const status = failed.root.querySelector('.status-error')!;
    assert.ok((status.textContent ?? '').includes('Bad config <x>'));
    assert.ok(failed.root.querySelector('.report-header'), 'the last report stays');
  });

  test('multi-root: a folder picker; picking a folder persists, renders it and tells the host', () => {
    const a = folderView(hostileReport(), { key: 'file:///a', name: 'alpha' });
    const b = folderView(undefined, { key: 'file:///b', name: 'beta', notMl: true });
    const { root, api, app } = startApp([{ type: 'folders', folders: [a, b], active: 'file:///a' }]);
    const select = root.querySelector('#folder-select') as HTMLSelectElement;
    assert.equal(select.querySelectorAll('option').length, 2);
    assert.ok(root.querySelector('.report-header'));
    choose(select, 'file:///b');
    assert.equal(app.state.folder, 'file:///b');
    assert.equal((api.saved as { folder: string }).folder, 'file:///b');
    assert.ok((root.textContent ?? '').includes('No ML project markers found in beta.'));
    assert.equal(root.querySelector('.report-header'), null);
    const told = api.posted[api.posted.length - 1];
    assert.deepEqual(told, { type: 'selectFolder', folder: 'file:///b' }, 'the host is told, so the status bar shows the same folder');
    assert.ok(isWebviewMessage(told));
  });

  test('multi-root: the host\'s current folder (an editor opened in another folder) wins over the one picked before', () => {
    const a = folderView(hostileReport(), { key: 'file:///a', name: 'alpha' });
    const b = folderView(undefined, { key: 'file:///b', name: 'beta', notMl: true });
    const { root, app } = startApp([{ type: 'folders', folders: [a, b], active: 'file:///a' }]);
    choose(root.querySelector('#folder-select') as HTMLSelectElement, 'file:///b');
    app.handle({ type: 'folders', folders: [a, b], active: 'file:///a' });
    assert.ok(root.querySelector('.report-header'), 'alpha is shown again');
  });

  test('single folder: no picker', () => {
    const { root } = auditedApp();
    assert.equal(root.querySelector('#folder-select'), null);
  });
});

describe('webview filters', () => {
  test('filterPractices: missing only and by dimension', () => {
    const report = hostileReport();
    const missing = filterPractices(report, { missingOnly: true, dimension: '' }).flatMap((g) => g.practices);
    assert.ok(missing.length > 0);
    assert.ok(missing.every((p) => p.status === 'absent' || p.status === 'partial'));
    assert.ok(missing.some((p) => p.status === 'partial'));
    const data = filterPractices(report, { missingOnly: false, dimension: 'data' });
    assert.deepEqual(data.map((g) => g.dimension.id), ['data']);
    const unknown = filterPractices(report, { missingOnly: false, dimension: 'no-such' });
    assert.equal(unknown.flatMap((g) => g.practices).length, report.practices.length, 'an unknown dimension shows all');
  });

  test('the Missing only toggle filters rows, is pressed, and is saved', () => {
    const { root, api } = auditedApp();
    const toggle = root.querySelector('[data-key="filter-missing"]')!;
    assert.equal(toggle.getAttribute('aria-pressed'), 'false');
    click(toggle);
    const rows = Array.from(root.querySelectorAll('details.practice'));
    assert.ok(rows.length > 0 && rows.length < 27);
    assert.ok(rows.every((r) => /st-(absent|partial)/.test(r.getAttribute('class') ?? '')));
    assert.equal(root.querySelector('[data-key="filter-missing"]')!.getAttribute('aria-pressed'), 'true');
    assert.equal((api.saved as { missingOnly: boolean }).missingOnly, true);
  });

  test('the dimension select shows one group', () => {
    const { root, app } = auditedApp();
    const select = root.querySelector('#dimension-select') as HTMLSelectElement;
    assert.equal(select.querySelectorAll('option').length, 10);
    choose(select, 'monitoring');
    assert.equal(app.state.dimension, 'monitoring');
    const groups = Array.from(root.querySelectorAll('section.group')).map((g) => g.getAttribute('data-dimension'));
    assert.deepEqual(groups.filter((g) => g !== null), ['monitoring']);
  });

  test('filters that match nothing offer to clear them', () => {
    const report = hostileReport();
    for (const p of report.practices) if (p.dimension === 'versioning') p.status = 'present';
    const { root } = startApp([{ type: 'folders', folders: [folderView(report)] }], {
      v: 1, missingOnly: true, dimension: 'versioning', expanded: {}, scrollY: 0,
    });
    assert.equal(root.querySelectorAll('details.practice').length, 0);
    click(buttonsWith(root, 'Clear filters')[0]);
    assert.equal(root.querySelectorAll('details.practice').length, 27);
  });
});
