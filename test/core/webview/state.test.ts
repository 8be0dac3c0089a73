/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_EXPANDED, defaultState, isExpanded, restoreState, withExpanded, type UiState } from '../../../src/webview/state';
import { buttonsWith, click, folderView, hostileReport, knowledgeFor, startApp } from './setup';

describe('webview state', () => {
  test('round-trips through JSON', () => {
    let state: UiState = { ...defaultState(), folder: 'file:///a', missingOnly: true, dimension: 'data', scrollY: 120, seen: true };
    state = withExpanded(withExpanded(state, 'p:ci', true), 'sec:tradeoffs', false);
    const back = restoreState(JSON.parse(JSON.stringify(state)));
    assert.deepEqual(JSON.parse(JSON.stringify(back)), JSON.parse(JSON.stringify(state)));
    assert.equal(isExpanded(back, 'p:ci'), true);
    assert.equal(isExpanded(back, 'sec:tradeoffs', true), false);
    assert.equal(isExpanded(back, 'p:other', true), true);
  });

  test('anything malformed falls back to defaults', () => {
    for (const raw of [undefined, null, 42, 'x', [], { v: 99, missingOnly: true }]) {
      assert.deepEqual(restoreState(raw), defaultState());
    }
    const odd = restoreState({ v: 1, folder: 7, missingOnly: 'yes', dimension: {}, scrollY: -5, seen: 'yes', expanded: { a: true, b: 'no', __proto__: true } });
    assert.equal(odd.seen, false);
    assert.equal(odd.folder, undefined);
    assert.equal(odd.missingOnly, false);
    assert.equal(odd.dimension, '');
    assert.equal(odd.scrollY, 0);
    assert.deepEqual(Object.keys(odd.expanded), ['a']);
    assert.equal(isExpanded(odd, 'constructor'), false, 'inherited names are not state');
  });

  test('keeps at most MAX_EXPANDED entries, most recent last', () => {
    let state = defaultState();
    for (let i = 0; i < MAX_EXPANDED + 10; i++) state = withExpanded(state, `p:${i}`, true);
    assert.equal(Object.keys(state.expanded).length, MAX_EXPANDED);
    assert.equal(isExpanded(state, 'p:0'), false);
    assert.equal(isExpanded(state, `p:${MAX_EXPANDED + 9}`), true);
  });

  test('a new view restores filters and expanded practices from the saved state', () => {
    const report = hostileReport();
    const messages = [
      { type: 'knowledge', knowledge: knowledgeFor(report) },
      { type: 'folders', folders: [folderView(report)] },
    ];
    const first = startApp(messages);
    click(first.root.querySelector('[data-key="filter-missing"]'));
    // Opening a practice: the DOM toggles the attribute and fires `toggle`.
    const row = first.root.querySelector('details[data-id="p:data-validation"]')!;
    row.setAttribute('open', '');
    row.dispatchEvent(new (first.document.defaultView as unknown as { Event: typeof Event }).Event('toggle'));
    assert.equal(isExpanded(first.app.state, 'p:data-validation'), true);

    // The sidebar is hidden (webview destroyed) and shown again with the saved state.
    const second = startApp(messages, first.api.saved);
    assert.equal(second.root.querySelector('[data-key="filter-missing"]')!.getAttribute('aria-pressed'), 'true');
    assert.ok(second.root.querySelector('details[data-id="p:data-validation"]')!.hasAttribute('open'));
    assert.equal(second.root.querySelector('details[data-id="p:ci"]'), null, 'present practices stay filtered out');
  });

  test('"Show N more" expands a long signal list and remembers it', () => {
    const report = hostileReport();
    const ci = report.practices.find((p) => p.id === 'ci')!;
    for (let i = 1; i <= 20; i++) ci.signals.push({ path: `w${i}.yml`, line: i, rule: 'ci/x', strength: 'ci' });
    const { root, app } = startApp([{ type: 'folders', folders: [folderView(report)] }]);
    const list = () => root.querySelector('details[data-id="p:ci"] ul.signals')!;
    assert.equal(list().querySelectorAll('li').length, 9, 'eight signals and the button');
    click(buttonsWith(list(), 'more')[0]);
    assert.equal(list().querySelectorAll('li').length, ci.signals.length);
    assert.equal(isExpanded(app.state, 'more:sig:p:ci'), true);
  });

  test('a recommendation reveals its practice, clearing filters that hide it', () => {
    const report = hostileReport();
    const target = report.recommendations[0].practice;
    const { root, app } = startApp([{ type: 'folders', folders: [folderView(report)] }], {
      v: 1, missingOnly: false, dimension: 'deployment', expanded: {}, scrollY: 0,
    });
    assert.equal(root.querySelector(`details[data-id="p:${target}"]`), null);
    click(root.querySelector(`[data-key="rec:${target}"]`));
    assert.equal(app.state.dimension, '');
    assert.ok(root.querySelector(`details[data-id="p:${target}"]`)!.hasAttribute('open'));
  });

  test('an identical folders message does not rebuild the view', () => {
    const report = hostileReport();
    const message = { type: 'folders', folders: [folderView(report)] };
    const { root, app } = startApp([message]);
    const before = root.firstChild;
    app.handle(JSON.parse(JSON.stringify(message)));
    assert.equal(root.firstChild, before);
    app.handle({ type: 'folders', folders: [folderView(report, { status: 'auditing' })] });
    assert.notEqual(root.firstChild, before);
  });

  test('unknown or malformed host messages are ignored', () => {
    const { root, app } = startApp([{ type: 'noWorkspace' }]);
    const before = root.textContent;
    for (const m of [null, 'folders', { type: 'folders' }, { type: 'evil', html: '<img>' }, { type: 'folders', folders: [{ key: 1 }] }]) {
      app.handle(m);
    }
    assert.equal(root.querySelector('img'), null);
    assert.ok(typeof before === 'string');
  });
});
