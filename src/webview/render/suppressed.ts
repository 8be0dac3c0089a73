/// <reference lib="dom" />
/**
 * The suppressed list: every practice, trade-off and finding `.mlops-lens.yaml` suppresses,
 * each with its reason and an Unsuppress button that asks the host to remove the entry.
 */
import type { Report } from '../../core/model/report';
import { repoText } from '../../core/report/sections';
import type { RenderContext } from './context';
import { button, el, icon } from './dom';
import { locationButton, persistentDetails } from './evidence';

interface SuppressedItem {
  kind: 'Practice' | 'Trade-off' | 'Finding';
  title: string;
  reason: string;
  id: string;
  /** A finding's file: where it is and which entry to remove. */
  place?: { path: string; line?: number };
}

function suppressedItems(report: Report): SuppressedItem[] {
  return [
    ...report.practices.filter((p) => p.status === 'suppressed')
      .map((p): SuppressedItem => ({ kind: 'Practice', title: p.title, reason: p.suppressedReason ?? '', id: p.id })),
    ...(report.tradeoffs ?? []).filter((t) => t.suppressedReason !== undefined)
      .map((t): SuppressedItem => ({ kind: 'Trade-off', title: t.title, reason: t.suppressedReason ?? '', id: t.id })),
    ...(report.suppressedFindings ?? [])
      .map((f): SuppressedItem => ({ kind: 'Finding', title: f.message, reason: f.suppressedReason, id: f.id, place: { path: f.path, ...(f.line !== undefined && { line: f.line }) } })),
  ];
}

/** Asks the host to remove the `suppress` entry of `id` (with `path`, the one covering that finding's file). */
export function unsuppressButton(ctx: RenderContext, folder: string, target: { id: string; path?: string; what: string; key: string }): HTMLButtonElement {
  return button(ctx.doc, {
    kind: 'secondary',
    icon: 'eye',
    label: 'Unsuppress',
    title: 'Remove this suppression from .mlops-lens.yaml',
    ariaLabel: `Unsuppress ${target.what}`,
    key: target.key,
    onClick: () => ctx.post({ type: 'unsuppress', folder, id: target.id, ...(target.path !== undefined && { path: target.path }) }),
  });
}

export function suppressedSection(ctx: RenderContext, folder: string, report: Report): HTMLElement | undefined {
  const items = suppressedItems(report);
  if (items.length === 0) return undefined;
  const { doc } = ctx;
  const rows = items.map((item, index) => el(doc, 'li', { class: 'suppressed-item' },
    el(doc, 'span', { class: 'label' }, `${item.kind}: `),
    el(doc, 'span', { class: 'title' }, repoText(item.title, 400)),
    item.place ? ' ' : null,
    item.place ? locationButton(ctx, folder, item.place, `suppressed:${index}`) : null,
    el(doc, 'p', { class: 'suppressed-reason' }, `Reason: ${repoText(item.reason || 'no reason given', 500)}`),
    unsuppressButton(ctx, folder, { id: item.id, path: item.place?.path, what: `${item.kind.toLowerCase()} ${repoText(item.title, 200)}`, key: `unsuppress-listed:${item.id}:${item.place?.path ?? ''}` })));
  return persistentDetails(ctx, 'sec:suppressed', false, 'section',
    [el(doc, 'h3', null, icon(doc, 'eye-closed'), ` Suppressed (${items.length})`)],
    el(doc, 'ul', { class: 'section-body suppressed-list' }, ...rows));
}
