/// <reference lib="dom" />
/** Trade-off warnings: shown first, each with its message, action, evidence and signals. */
import type { Severity } from '../../core/model/knowledge';
import type { Report, TradeoffResult } from '../../core/model/report';
import { repoText } from '../../core/report/sections';
import type { RenderContext } from './context';
import { el, icon, withCode } from './dom';
import { unsuppressButton } from './suppressed';
import { evidenceList, persistentDetails, signalList } from './evidence';

export const SEVERITY_ICON: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

function severityOf(tradeoff: TradeoffResult): Severity {
  return SEVERITY_ICON[tradeoff.severity] ? tradeoff.severity : 'info';
}

export function tradeoffItem(ctx: RenderContext, folder: string, report: Report, tradeoff: TradeoffResult): HTMLElement {
  const { doc } = ctx;
  const severity = severityOf(tradeoff);
  const suppressed = tradeoff.suppressedReason !== undefined;
  const body: Node[] = [
    el(doc, 'p', { class: 'message' }, ...withCode(doc, repoText(tradeoff.message, 2000))),
    el(doc, 'p', { class: 'action' }, el(doc, 'span', { class: 'label' }, 'Action: '), ...withCode(doc, repoText(tradeoff.action, 2000))),
  ];
  if (suppressed) {
    body.unshift(el(doc, 'p', { class: 'suppressed-reason' }, icon(doc, 'eye-closed'), ` Suppressed: ${repoText(tradeoff.suppressedReason || 'no reason given', 500)}`));
    body.push(el(doc, 'div', { class: 'actions' }, unsuppressButton(ctx, folder, { id: tradeoff.id, what: `trade-off ${repoText(tradeoff.title, 200)}`, key: `unsuppress:${tradeoff.id}` })));
  }
  if (tradeoff.signals?.length) {
    body.push(el(doc, 'div', { class: 'subhead' }, 'Signals'), signalList(ctx, folder, tradeoff.signals, `t:${tradeoff.id}`));
  }
  if (tradeoff.evidence?.length) {
    body.push(el(doc, 'div', { class: 'subhead' }, 'Evidence'), evidenceList(ctx, report, tradeoff.evidence));
  }
  return persistentDetails(
    ctx,
    `t:${tradeoff.id}`,
    !suppressed && ctx.firstView,
    `tradeoff sev-${severity}${suppressed ? ' is-suppressed' : ''}`,
    [
      icon(doc, suppressed ? 'eye-closed' : SEVERITY_ICON[severity], `sev-${severity}`, suppressed ? `suppressed ${severity}` : severity),
      el(doc, 'span', { class: 'title' }, repoText(tradeoff.title, 300)),
    ],
    el(doc, 'div', { class: 'body' }, ...body),
  );
}

/** Active trade-offs first (errors, then warnings, then information), suppressed ones last. */
export function orderedTradeoffs(tradeoffs: readonly TradeoffResult[]): TradeoffResult[] {
  const order: Record<string, number> = { error: 0, warning: 1, info: 2 };
  const rank = (t: TradeoffResult) => (t.suppressedReason !== undefined ? 10 : 0) + (order[t.severity] ?? 3);
  return [...tradeoffs].sort((a, b) => rank(a) - rank(b));
}

export function tradeoffSection(ctx: RenderContext, folder: string, report: Report): HTMLElement | undefined {
  const tradeoffs = orderedTradeoffs(report.tradeoffs ?? []);
  if (!tradeoffs.length) return undefined;
  const { doc } = ctx;
  const active = tradeoffs.filter((t) => t.suppressedReason === undefined).length;
  return persistentDetails(
    ctx,
    'sec:tradeoffs',
    true,
    'section',
    [el(doc, 'h3', null, icon(doc, 'warning'), ` Trade-offs (${active})`)],
    el(doc, 'div', { class: 'section-body' }, ...tradeoffs.map((t) => tradeoffItem(ctx, folder, report, t))),
  );
}
