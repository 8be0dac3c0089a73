/// <reference lib="dom" />
/**
 * The top of the view: folder picker (multi-root), status line, level headline with the
 * target and score, and what the next level needs.
 */
import type { Report } from '../../core/model/report';
import { foundationGapText, repoText } from '../../core/report/sections';
import type { FolderView } from '../protocol';
import type { RenderContext } from './context';
import { button, el, icon, withCode } from './dom';
import { persistentDetails } from './evidence';
import { unjudgedBanner } from './unjudged';

/** A `<select>`'s value; falls back to the selected option where a DOM lacks the property. */
export function selectValue(select: HTMLSelectElement): string {
  if (typeof select.value === 'string') return select.value;
  const option = select.querySelector('option[selected]') ?? select.querySelector('option');
  return option?.getAttribute('value') ?? '';
}

export function folderPicker(ctx: RenderContext, folders: readonly FolderView[], selected: string): HTMLElement {
  const { doc } = ctx;
  const select = el(doc, 'select', { id: 'folder-select', 'data-key': 'folder-select' });
  for (const folder of folders) {
    select.appendChild(el(doc, 'option', { value: folder.key, selected: folder.key === selected }, repoText(folder.name, 120)));
  }
  select.addEventListener('change', () => {
    const folder = selectValue(select);
    ctx.update({ folder, scrollY: 0 });
    // The host's current folder too: the status bar shows the same one.
    ctx.post({ type: 'selectFolder', folder });
  });
  return el(doc, 'div', { class: 'folder-picker' }, el(doc, 'label', { for: 'folder-select' }, 'Folder'), select);
}

/** Auditing spinner, pending note or error text; nothing when the folder is simply ready. */
export function statusLine(ctx: RenderContext, folder: FolderView): HTMLElement | undefined {
  const { doc } = ctx;
  const name = repoText(folder.name, 120);
  switch (folder.status) {
    case 'auditing':
      return el(doc, 'div', { class: 'status', role: 'status' },
        icon(doc, 'loading', 'codicon-modifier-spin'), ` Auditing ${name}…`,
        folder.progress ? el(doc, 'span', { class: 'muted progress' }, ` ${progressText(folder.progress)}`) : null,
        folder.report ? el(doc, 'span', { class: 'muted' }, ' Showing the last completed audit meanwhile.') : null,
        folder.cancellable
          ? button(doc, { kind: 'link', icon: 'stop-circle', label: 'Cancel', title: 'Stop this audit', key: `cancel:${folder.key}`, onClick: () => ctx.post({ type: 'cancel', folder: folder.key }) })
          : null);
    case 'cancelled':
      return el(doc, 'div', { class: 'status', role: 'status' },
        icon(doc, 'debug-stop'), ` The audit of ${name} was cancelled.`,
        folder.report ? el(doc, 'span', { class: 'muted' }, ' Showing the last completed audit.') : null,
        ' ', reauditButton(ctx, folder.key, 'Audit again'));
    case 'pending':
      return el(doc, 'div', { class: 'status', role: 'status' },
        icon(doc, 'loading', 'codicon-modifier-spin'), ` Waiting to audit ${name}…`);
    case 'error':
      return el(doc, 'div', { class: 'status status-error', role: 'alert' },
        icon(doc, 'error', 'sev-error'),
        el(doc, 'span', null, ` ${repoText(folder.error ?? 'The audit failed.', 1000)}`),
        folder.report ? el(doc, 'span', { class: 'muted' }, ' Showing the last completed audit.') : null);
    default:
      return folder.error
        ? el(doc, 'div', { class: 'status status-error', role: 'alert' }, icon(doc, 'error', 'sev-error'), ` ${repoText(folder.error, 1000)}`)
        : undefined;
  }
}

/** `12,345 files listed` or `4,500 of 37,000 files read`. */
export function progressText(progress: NonNullable<FolderView['progress']>): string {
  const count = (n: number) => n.toLocaleString('en-US');
  return progress.phase === 'listing' || progress.total === undefined
    ? `${count(progress.done)} files listed`
    : `${count(progress.done)} of ${count(progress.total)} files read`;
}

export function reauditButton(ctx: RenderContext, folder: string, label = 'Re-audit'): HTMLButtonElement {
  return button(ctx.doc, {
    kind: 'secondary',
    icon: 'refresh',
    label,
    title: 'Audit this folder again',
    key: `reaudit:${label}`,
    onClick: () => ctx.post({ type: 'reaudit', folder }),
  });
}

/** "Level 3 — Automated delivery", "target 3 for production (inferred)", score, re-audit. */
export function header(ctx: RenderContext, folder: FolderView, report: Report): HTMLElement {
  const { doc } = ctx;
  const { level, stage } = report;
  const how = stage.inferred ? 'inferred' : 'configured';
  const target = el(doc, 'div', { class: 'target' },
    `target ${level.target} for ${repoText(stage.id, 40)} (${how})`);
  if (stage.reason) target.setAttribute('title', repoText(stage.reason, 500));
  return el(doc, 'header', { class: 'report-header' },
    el(doc, 'div', { class: 'headline' },
      el(doc, 'h2', { class: 'level' }, `Level ${level.current} — ${repoText(level.name, 120)}`),
      el(doc, 'div', { class: 'score', title: 'Overall score: the mean of the nine dimension scores' },
        el(doc, 'span', { class: 'score-value' }, String(report.score)), el(doc, 'span', { class: 'muted' }, '/100'))),
    target,
    level.decidedBy
      ? persistentDetails(ctx, 'sec:why-level', true, 'decided',
          [el(doc, 'span', null, `Why level ${level.current}?`)],
          el(doc, 'p', { class: 'muted' }, repoText(level.decidedBy, 1000)))
      : null,
    unjudgedBanner(ctx, folder.key, report),
    foundationGaps(ctx, report),
    el(doc, 'div', { class: 'toolbar' }, reauditButton(ctx, folder.key)),
  );
}

/** The foundation gaps beside the level: what is expected below it and missing, with the first step. */
function foundationGaps(ctx: RenderContext, report: Report): HTMLElement | null {
  const { doc } = ctx;
  const gaps = report.level.foundationGaps;
  if (gaps.length === 0) return null;
  return persistentDetails(ctx, 'sec:foundation-gaps', true, 'gaps',
    [icon(doc, 'warning', 'sev-warning'), el(doc, 'span', null, ` Foundation gaps (${gaps.length})`)],
    el(doc, 'p', { class: 'muted' }, `Expected at or below level ${report.level.current}; they do not lower it.`),
    el(doc, 'ul', { class: 'gap-list' }, ...gaps.map((gap) => {
      const { title, state, detail } = foundationGapText(report, gap);
      // One line each once the report has been seen, as trade-offs and next steps.
      return el(doc, 'li', { 'data-practice': gap.practice }, persistentDetails(ctx, `g:${gap.practice}`, ctx.firstView, 'gap',
        [el(doc, 'strong', null, repoText(title, 200)), el(doc, 'span', { class: 'muted' }, ` ${repoText(state, 100)}`)],
        el(doc, 'p', { class: 'muted' }, ...withCode(doc, repoText(detail, 1000)))));
    })));
}

/** Practice titles per requirement group: each group is met by any one of its practices. */
export function nextRequirements(report: Report, titles: Record<string, string> = {}): string[] {
  const next = report.level.next;
  if (!next) return [];
  const byId = new Map(report.practices.map((p) => [p.id, p.title]));
  return next.requirements.map((group) => group.map((id) => byId.get(id) ?? titles[id] ?? id).join(' or '));
}

export function nextLevel(ctx: RenderContext, report: Report): HTMLElement | undefined {
  const { doc } = ctx;
  const next = report.level.next;
  if (!next) return el(doc, 'p', { class: 'next' }, icon(doc, 'pass-filled', 'st-present'), ' Highest level reached.');
  const groups = nextRequirements(report);
  return el(doc, 'div', { class: 'next' },
    el(doc, 'div', { class: 'next-title' },
      'Next level needs: ',
      el(doc, 'span', { class: 'muted' }, `(level ${next.level} — ${repoText(next.name, 120)})`)),
    groups.length
      ? el(doc, 'ul', { class: 'next-list' }, ...groups.map((group) => el(doc, 'li', null, repoText(group, 400))))
      : el(doc, 'div', { class: 'muted' }, 'nothing more'),
  );
}

/** Welcome text when no folder is open. */
export function noWorkspace(ctx: RenderContext): HTMLElement {
  return el(ctx.doc, 'div', { class: 'welcome' },
    el(ctx.doc, 'p', null, 'Open a folder that holds an ML project to audit it.'));
}

/** Welcome text for a folder without ML markers, with a way to see its audit anyway. */
export function notMl(ctx: RenderContext, folder: FolderView): HTMLElement {
  return el(ctx.doc, 'div', { class: 'welcome' },
    el(ctx.doc, 'p', null, `No ML project markers found in ${repoText(folder.name, 120)}.`),
    button(ctx.doc, {
      label: 'Show the audit anyway',
      icon: 'checklist',
      key: 'audit-anyway',
      // The folder has been audited already: showing it is all that is asked.
      onClick: () => ctx.update({ shownAnyway: [...ctx.state.shownAnyway.filter((k) => k !== folder.key), folder.key] }),
    }),
  );
}
