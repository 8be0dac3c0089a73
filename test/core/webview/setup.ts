/// <reference lib="dom" />
/**
 * Shared set-up for the webview tests: a DOM (linkedom), a fake VS Code webview API, a
 * report (the level-3 golden report with hostile strings planted) and a knowledge digest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../../src/core/model/report';
import { createApp, type App, type VsCodeApi } from '../../../src/webview/app';
import type { FolderView, KnowledgeDigest } from '../../../src/webview/protocol';
import type { RenderContext } from '../../../src/webview/render/context';
import { defaultState, withExpanded, type UiState } from '../../../src/webview/state';
import { REPO_ROOT } from '../../helpers/paths';

export const HOSTILE_PATH = '<img src=x onerror=alert(1)>.py';
export const HOSTILE_DETAIL = '<script>alert("detail")</script>';
export const HOSTILE_MESSAGE = '<b onmouseover=alert(2)>bold</b>';
export const HOSTILE_REASON = 'no shared features <u>here</u>';
/** A custom practice's `mixed` text comes from the repository's config. */
export const HOSTILE_MIXED = 'pinned in <b>part</b> only';
export const HOSTILE_NAME = '<iframe src=javascript:alert(3)>';

// linkedom ships ESM type declarations; this CommonJS test build loads its CommonJS entry.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseHTML } = require('linkedom') as { parseHTML(html: string): { document: unknown; window: unknown } };

export function newDocument(): { document: Document; window: Window } {
  const { document, window } = parseHTML('<!doctype html><html><head></head><body><div id="root"></div></body></html>');
  return { document: document as unknown as Document, window: window as unknown as Window };
}

/** The level-3 golden report with findings added and hostile strings in paths, details, messages. */
export function hostileReport(): Report {
  const report = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'golden', 'level-3-delivery.json'), 'utf8')) as Report;
  const ci = report.practices.find((p) => p.id === 'ci-runs-tests')!;
  ci.signals.push({ path: HOSTILE_PATH, line: 3, rule: 'ci-runs-tests/x', strength: 'ci', detail: HOSTILE_DETAIL });
  report.tradeoffs[0].signals.push({ path: HOSTILE_PATH, rule: 't/x', strength: 'configured', detail: HOSTILE_DETAIL });
  report.tradeoffs[0].message += ` ${HOSTILE_MESSAGE}`;
  const featureStore = report.practices.find((p) => p.id === 'feature-store')!;
  featureStore.status = 'suppressed';
  featureStore.suppressedReason = HOSTILE_REASON;
  const explainability = report.practices.find((p) => p.id === 'explainability')!;
  explainability.status = 'partial';
  explainability.mixed = { check: 'explainability/x', reason: HOSTILE_MIXED, findings: 2 };
  const drift = report.practices.find((p) => p.id === 'drift-monitoring')!;
  drift.status = 'not-available';
  drift.unavailable = [{ path: HOSTILE_PATH, reason: HOSTILE_DETAIL }];
  report.findings = [
    { id: 'containerization/unpinned-base', practice: 'containerization', severity: 'warning', message: HOSTILE_MESSAGE, path: HOSTILE_PATH, line: 1, detail: HOSTILE_DETAIL },
    { id: 'ghost/check', practice: 'no-such-practice', severity: 'hint', message: 'orphan finding', path: 'x.py' },
  ];
  report.suppressedFindings = [
    { id: 'random-seeds/training-script-without-seed', practice: 'random-seeds', severity: 'warning', message: HOSTILE_MESSAGE, path: HOSTILE_PATH, line: 2, suppressedReason: HOSTILE_REASON },
  ];
  return report;
}

export function knowledgeFor(report: Report): KnowledgeDigest {
  const practices: KnowledgeDigest['practices'] = {};
  for (const p of report.practices) {
    practices[p.id] = {
      why: `Why ${p.id} matters.`, firstStep: `Start ${p.id}.`, path: `Grow ${p.id}.`, effort: 'low', hasTemplate: p.id === 'data-validation',
      ...(p.id === 'containerization' && { indirect: Object.fromEntries(p.evidence.map((ref) => [ref, `${HOSTILE_MESSAGE} serves it`])) }),
    };
  }
  const claims: KnowledgeDigest['claims'] = {};
  const refs = [...report.practices.flatMap((p) => p.evidence), ...report.tradeoffs.flatMap((t) => t.evidence)];
  refs.forEach((ref, i) => {
    claims[ref] ??= { statement: `Claim ${ref}`, locator: `Section ${i}`, unverified: i === 0 };
  });
  const sources: KnowledgeDigest['sources'] = {};
  for (const s of report.sources) sources[s.id] = { title: s.title, authors: s.authors, year: s.year, url: s.url };
  return { practices, claims, sources, dimensions: report.dimensionDetails.map((d) => ({ id: d.id, title: d.title })) };
}

export function folderView(report: Report | undefined, extra: Partial<FolderView> = {}): FolderView {
  return { key: 'file:///work/churn', name: 'churn', status: 'ready', ...(report ? { report } : {}), ...extra };
}

export class FakeApi implements VsCodeApi {
  posted: unknown[] = [];
  saved: unknown;
  constructor(initial?: unknown) {
    this.saved = initial;
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  getState(): unknown {
    return this.saved === undefined ? undefined : JSON.parse(JSON.stringify(this.saved));
  }
  setState(state: unknown): void {
    this.saved = JSON.parse(JSON.stringify(state));
  }
}

/** An app on a fresh document; the host messages given are delivered in order. */
export function startApp(messages: unknown[] = [], initialState?: unknown): { app: App; api: FakeApi; document: Document; root: HTMLElement } {
  const { document } = newDocument();
  const api = new FakeApi(initialState);
  const root = document.getElementById('root')!;
  const app = createApp(document, api, root);
  for (const message of messages) app.handle(message);
  return { app, api, document, root };
}

/** A render context for calling render functions directly. */
export function testContext(doc: Document, state: UiState = defaultState(), knowledge?: KnowledgeDigest): RenderContext & { posted: unknown[] } {
  const posted: unknown[] = [];
  const ctx = {
    doc,
    knowledge,
    state,
    firstView: true,
    posted,
    post: (m: unknown) => posted.push(m),
    update: (change: Partial<UiState>) => {
      ctx.state = { ...ctx.state, ...change };
    },
    setExpanded: (key: string, open: boolean) => {
      ctx.state = withExpanded(ctx.state, key, open);
    },
    reveal: () => undefined,
  };
  return ctx as RenderContext & { posted: unknown[] };
}

/** Picks an option of a `<select>` (by its selected attribute) and fires `change`. */
export function choose(select: Element, value: string): void {
  for (const option of Array.from(select.querySelectorAll('option'))) {
    if (option.getAttribute('value') === value) option.setAttribute('selected', '');
    else option.removeAttribute('selected');
  }
  const view = select.ownerDocument.defaultView as unknown as { Event: typeof Event };
  select.dispatchEvent(new view.Event('change', { bubbles: true }));
}

export function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  const view = node.ownerDocument.defaultView as unknown as { Event: typeof Event };
  node.dispatchEvent(new view.Event('click', { bubbles: true }));
}

/** Buttons whose text content contains `text`. */
export function buttonsWith(root: ParentNode, text: string): HTMLButtonElement[] {
  return Array.from(root.querySelectorAll('button')).filter((b) => (b.textContent ?? '').includes(text)) as HTMLButtonElement[];
}
