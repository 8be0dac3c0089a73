/// <reference lib="dom" />
/**
 * The whole view for one state of the host's data: a pure function of (document, data,
 * UI state) apart from the callbacks it wires, so tests can render it without a webview.
 */
import type { Report } from '../../core/model/report';
import { repoText, scanWarningLine } from '../../core/report/sections';
import type { FolderView } from '../protocol';
import { dimensionChart } from './chart';
import type { RenderContext } from './context';
import { button, el } from './dom';
import { persistentDetails } from './evidence';
import { folderPicker, header, nextLevel, noWorkspace, notMl, reauditButton, statusLine } from './header';
import { practiceSection } from './practices';
import { recommendationSection } from './recommendations';
import { suppressedSection } from './suppressed';
import { tradeoffSection } from './tradeoffs';

/** What the host has told the view so far. */
export type HostData =
  | { kind: 'loading' }
  | { kind: 'noWorkspace' }
  | { kind: 'folders'; folders: FolderView[]; active?: string };

/** The folder to show: the host's current one (shared with the status bar), else the one last picked here, else the first. */
export function selectedFolder(folders: readonly FolderView[], picked?: string, active?: string): FolderView | undefined {
  return folders.find((f) => f.key === active) ?? folders.find((f) => f.key === picked) ?? folders[0];
}

function scanNotes(ctx: RenderContext, report: Report): HTMLElement | undefined {
  const warnings = report.warnings ?? [];
  if (!warnings.length) return undefined;
  const { doc } = ctx;
  const shown = warnings.slice(0, 50);
  return persistentDetails(ctx, 'sec:notes', false, 'section notes',
    [el(doc, 'h3', null, `Scan notes (${warnings.length})`)],
    el(doc, 'ul', { class: 'section-body scan-notes muted' },
      ...shown.map((w) => el(doc, 'li', null, scanWarningLine(w))),
      warnings.length > shown.length ? el(doc, 'li', null, `+${warnings.length - shown.length} more`) : null));
}

/** The first Tab stop: straight to the practices, past the level, trade-offs and next steps. */
function skipToPractices(ctx: RenderContext): HTMLButtonElement {
  const link = button(ctx.doc, {
    kind: 'link',
    label: 'Skip to practices',
    key: 'skip:practices',
    onClick: () => {
      const summary = ctx.doc.querySelector('summary[data-key="sec:practices"]') as HTMLElement | null;
      summary?.scrollIntoView?.({ block: 'start' });
      summary?.focus();
    },
  });
  link.classList.add('skip-link');
  return link;
}

function reportView(ctx: RenderContext, folder: FolderView, report: Report): Node[] {
  const { doc } = ctx;
  const nodes: (Node | undefined)[] = [
    skipToPractices(ctx),
    header(ctx, folder, report),
    nextLevel(ctx, report),
    el(doc, 'div', { class: 'chart-box' }, dimensionChart(doc, report)),
    tradeoffSection(ctx, folder.key, report),
    recommendationSection(ctx, report),
    practiceSection(ctx, folder.key, report),
    suppressedSection(ctx, folder.key, report),
    scanNotes(ctx, report),
  ];
  return nodes.filter((n): n is Node => n !== undefined);
}

/** Builds the view's content (to be put into the root element). */
export function renderView(ctx: RenderContext, data: HostData): DocumentFragment {
  const { doc } = ctx;
  const out = doc.createDocumentFragment();
  if (data.kind === 'loading') {
    out.appendChild(el(doc, 'div', { class: 'status', role: 'status' }, 'Loading…'));
    return out;
  }
  if (data.kind === 'noWorkspace' || data.folders.length === 0) {
    out.appendChild(noWorkspace(ctx));
    return out;
  }
  const folder = selectedFolder(data.folders, ctx.state.folder, data.active)!;
  if (data.folders.length > 1) out.appendChild(folderPicker(ctx, data.folders, folder.key));
  const status = statusLine(ctx, folder);
  if (status) out.appendChild(status);
  if (folder.notMl && !ctx.state.shownAnyway.includes(folder.key)) {
    out.appendChild(notMl(ctx, folder));
    return out;
  }
  if (folder.report) {
    for (const node of reportView(ctx, folder, folder.report)) out.appendChild(node);
  } else if (folder.status === 'ready' || folder.status === 'error') {
    out.appendChild(el(doc, 'div', { class: 'welcome' },
      el(doc, 'p', null, `No audit of ${repoText(folder.name, 120)} yet.`),
      reauditButton(ctx, folder.key, 'Audit')));
  }
  return out;
}
