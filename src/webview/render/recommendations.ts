/// <reference lib="dom" />
/** "Next steps": the top recommendations, in the report's priority order. */
import type { Report } from '../../core/model/report';
import { repoText, topRecommendations } from '../../core/report/sections';
import type { RenderContext } from './context';
import { button, el, icon, titleWithTail, withCode } from './dom';
import { persistentDetails } from './evidence';

/** The step's title with its effort badge kept on the title's last line; a link to the practice when it is listed. */
function recTitle(ctx: RenderContext, rank: number, practice: string, title: string, effort: string, linked: boolean): HTMLElement {
  const { doc } = ctx;
  // The rank inside the link: a link is one box, which would leave a rank before it alone on its line.
  const text = titleWithTail(doc, `${rank}. ${title}`, el(doc, 'span', { class: 'badge effort', title: 'Effort' }, effort));
  if (!linked) return el(doc, 'strong', null, text);
  return button(doc, {
    kind: 'link',
    label: text,
    title: 'Show this practice',
    ariaLabel: `${title}, effort ${effort}`,
    key: `rec:${practice}`,
    onClick: () => ctx.reveal(practice),
  });
}

export function recommendationSection(ctx: RenderContext, report: Report): HTMLElement | undefined {
  const recommendations = topRecommendations({ ...report, recommendations: report.recommendations ?? [] });
  if (!recommendations.length) return undefined;
  const { doc } = ctx;
  const known = new Set(report.practices.map((p) => p.id));
  const list = el(doc, 'ol', { class: 'recommendations' });
  for (const [i, r] of recommendations.entries()) {
    // One line (title and effort) each once the report has been seen; the first step beneath.
    list.appendChild(el(doc, 'li', null, persistentDetails(ctx, `r:${r.practice}`, ctx.firstView, 'rec',
      [el(doc, 'span', { class: 'rec-title' }, recTitle(ctx, i + 1, r.practice, repoText(r.title, 200), repoText(String(r.effort), 20), known.has(r.practice)))],
      el(doc, 'div', { class: 'rec-step' }, ...withCode(doc, repoText(r.firstStep, 2000))),
      ...(r.reason ? [el(doc, 'div', { class: 'rec-reason muted' }, repoText(r.reason, 300))] : []),
    )));
  }
  return persistentDetails(ctx, 'sec:next', true, 'section',
    [el(doc, 'h3', null, icon(doc, 'lightbulb'), ' Next steps')],
    el(doc, 'div', { class: 'section-body' }, list));
}
