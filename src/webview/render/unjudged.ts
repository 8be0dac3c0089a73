/// <reference lib="dom" />
/**
 * Files that could not be read or parsed where a practice's evidence would be (a broken
 * dvc.yaml): shown right under the level, each opening the file at the error, with the
 * practices left unjudged, so a broken file never lowers the level silently.
 */
import type { Report } from '../../core/model/report';
import { repoText, unjudgedFiles } from '../../core/report/sections';
import type { RenderContext } from './context';
import { el, icon } from './dom';
import { locationButton } from './evidence';

export function unjudgedBanner(ctx: RenderContext, folder: string, report: Report): HTMLElement | null {
  const files = unjudgedFiles(report);
  if (files.length === 0) return null;
  const { doc } = ctx;
  return el(doc, 'div', { class: 'unjudged', role: 'note' },
    el(doc, 'div', { class: 'unjudged-title' }, icon(doc, 'warning', 'sev-warning'),
      ` ${files.length === 1 ? 'A file' : `${files.length} files`} could not be read or parsed: what ${files.length === 1 ? 'it holds is' : 'they hold is'} not judged, and the level may be higher once fixed`),
    el(doc, 'ul', { class: 'unjudged-list' }, ...files.map((file, i) => el(doc, 'li', null,
      locationButton(ctx, folder, file, `unjudged:${i}`),
      el(doc, 'span', { class: 'muted' }, ` ${repoText(file.reason, 300)}`),
      el(doc, 'div', { class: 'muted' }, `Not judged: ${file.practices.map((t) => repoText(t, 100)).join(', ')}`)))));
}
