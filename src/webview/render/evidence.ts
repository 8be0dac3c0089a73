/// <reference lib="dom" />
/**
 * Evidence (cited claims) and signals (places in the repository), shared by practices
 * and trade-offs.
 */
import type { Finding, FindingSeverity, Report, Signal } from '../../core/model/report';
import { attribution, repoText } from '../../core/report/sections';
import { isExpanded } from '../state';
import type { RenderContext } from './context';
import { button, el, icon, isOpen } from './dom';

/** Signals or findings listed before a "Show N more" button. */
export const MAX_LISTED = 8;

/** `path:line`, sanitised for display (control and bidi characters removed, length-capped). */
export function locationText(item: { path: string; line?: number }): string {
  return validLine(item.line) ? `${repoText(item.path)}:${item.line}` : repoText(item.path);
}

function validLine(line: unknown): line is number {
  return typeof line === 'number' && Number.isInteger(line) && line >= 1;
}

/** A button that asks the host to open `path` at `line` in `folder`. */
export function locationButton(ctx: RenderContext, folder: string, item: { path: string; line?: number }, key: string): HTMLButtonElement {
  const where = locationText(item);
  return button(ctx.doc, {
    kind: 'link',
    icon: 'go-to-file',
    label: where,
    title: `Open ${where}`,
    key,
    onClick: () =>
      ctx.post({ type: 'openSignal', folder, path: item.path, ...(validLine(item.line) ? { line: item.line } : {}) }),
  });
}

/**
 * A list that shows its first `MAX_LISTED` items and a button for the rest; whether the
 * rest is shown is part of the UI state (`more:<key>`).
 */
export function cappedList<T>(ctx: RenderContext, cls: string, items: readonly T[], key: string, item: (value: T, index: number) => Node): HTMLUListElement {
  const { doc } = ctx;
  const all = isExpanded(ctx.state, `more:${key}`);
  const shown = all ? items : items.slice(0, MAX_LISTED);
  const list = el(doc, 'ul', { class: cls });
  shown.forEach((value, index) => list.appendChild(el(doc, 'li', null, item(value, index))));
  const rest = items.length - shown.length;
  if (rest > 0) {
    list.appendChild(
      el(doc, 'li', { class: 'more' },
        button(doc, {
          kind: 'link',
          label: `Show ${rest} more`,
          key: `more:${key}`,
          onClick: () => {
            ctx.setExpanded(`more:${key}`, true);
            ctx.update({});
          },
        })),
    );
  }
  return list;
}

export function signalList(ctx: RenderContext, folder: string, signals: readonly Signal[], key: string): HTMLUListElement {
  const { doc } = ctx;
  return cappedList(ctx, 'signals', signals, `sig:${key}`, (signal, index) => {
    const how = signal.tool ? `${signal.strength}, ${repoText(signal.tool, 60)}` : signal.strength;
    return el(doc, 'div', { class: 'signal' },
      locationButton(ctx, folder, signal, `sig:${key}:${index}`),
      signal.detail ? el(doc, 'code', { class: 'detail' }, repoText(signal.detail)) : null,
      el(doc, 'span', { class: 'muted strength' }, `(${how})`),
    );
  });
}

const FINDING_ICON: Record<FindingSeverity, string> = { warning: 'warning', info: 'info', hint: 'lightbulb' };

export function findingList(ctx: RenderContext, folder: string, findings: readonly Finding[], key: string): HTMLUListElement {
  const { doc } = ctx;
  return cappedList(ctx, 'findings', findings, `find:${key}`, (finding, index) => {
    const severity = FINDING_ICON[finding.severity] ? finding.severity : 'info';
    return el(doc, 'div', { class: `finding sev-${severity}` },
      icon(doc, FINDING_ICON[severity], `sev-${severity}`, severity),
      el(doc, 'span', { class: 'message' }, repoText(finding.message, 400)),
      ' ',
      locationButton(ctx, folder, finding, `find:${key}:${index}`),
      finding.detail ? el(doc, 'code', { class: 'detail' }, repoText(finding.detail)) : null,
      ' ',
      button(doc, {
        kind: 'link',
        label: icon(doc, 'eye-closed'),
        title: 'Suppress this finding (this check in this file) with a reason',
        ariaLabel: `Suppress this finding in ${repoText(finding.path, 300)}`,
        key: `suppress:${finding.id}:${finding.path}`,
        onClick: () => ctx.post({ type: 'suppress', folder, id: finding.id, path: finding.path }),
      }),
    );
  });
}

/**
 * The cited claims behind a practice or trade-off: source (a link-like button that asks the
 * host to open it), year, the paraphrased claim and where in the source it stands.
 */
export function evidenceList(ctx: RenderContext, report: Report, refs: readonly string[], indirect: Readonly<Record<string, string>> = {}): HTMLUListElement {
  const { doc, knowledge } = ctx;
  const reportSources = new Map((report.sources ?? []).map((source) => [source.id, source]));
  const list = el(doc, 'ul', { class: 'evidence' });
  for (const ref of refs) {
    const sourceId = ref.split('#')[0];
    const source = knowledge?.sources[sourceId] ?? reportSources.get(sourceId);
    const claim = knowledge?.claims[ref];
    const title = source ? `${source.title}, ${attribution(source)}` : sourceId;
    list.appendChild(
      el(doc, 'li', null,
        el(doc, 'div', { class: 'source' },
          button(doc, {
            kind: 'link',
            icon: 'link-external',
            label: repoText(title, 300),
            title: 'Open the source',
            key: `src:${ref}`,
            onClick: () => ctx.post({ type: 'openSource', sourceId }),
          }),
          claim?.unverified ? el(doc, 'span', { class: 'tag', title: 'Seen only in a secondary summary' }, 'unverified') : null,
          ref in indirect ? el(doc, 'span', { class: 'tag', title: repoText(indirect[ref] || 'about something this practice serves', 300) }, 'indirect') : null,
        ),
        claim ? el(doc, 'div', { class: 'claim' }, repoText(claim.statement, 600)) : null,
        claim?.locator ? el(doc, 'div', { class: 'locator muted' }, repoText(claim.locator, 200)) : null,
      ),
    );
  }
  return list;
}

/** A `<details>` whose open state lives in the UI state under `key`. */
export function persistentDetails(ctx: RenderContext, key: string, byDefault: boolean, cls: string, summary: Node[], ...body: Node[]): HTMLDetailsElement {
  const { doc } = ctx;
  const open = isExpanded(ctx.state, key, byDefault);
  const details = el(doc, 'details', { class: cls, open, 'data-id': key });
  details.appendChild(el(doc, 'summary', { 'data-key': key }, ...summary));
  for (const node of body) details.appendChild(node);
  details.addEventListener('toggle', () => {
    const now = isOpen(details);
    if (now !== isExpanded(ctx.state, key, byDefault)) ctx.setExpanded(key, now);
  });
  return details;
}
