/// <reference lib="dom" />
/** "Next steps": the top recommendations, in the report's priority order. */
import type { Report } from '../../core/model/report';
import { repoText, topRecommendations } from '../../core/report/sections';
import type { RenderContext } from './context';
import { button, el, icon, withCode } from './dom';
import { persistentDetails } from './evidence';

export function recommendationSection(ctx: RenderContext, report: Report): HTMLElement | undefined {
  const recommendations = topRecommendations({ ...report, recommendations: report.recommendations ?? [] });
  if (!recommendations.length) return undefined;
  const { doc } = ctx;
  const known = new Set(report.practices.map((p) => p.id));
  const list = el(doc, 'ol', { class: 'recommendations' });
  for (const r of recommendations) {
    // One line (title and effort) each once the report has been seen; the first step beneath.
    list.appendChild(el(doc, 'li', null, persistentDetails(ctx, `r:${r.practice}`, ctx.firstView, 'rec',
      [el(doc, 'span', { class: 'rec-title' },
        known.has(r.practice)
          ? button(doc, {
              kind: 'link',
              label: repoText(r.title, 200),
              title: 'Show this practice',
              key: `rec:${r.practice}`,
              onClick: () => ctx.reveal(r.practice),
            })
          : el(doc, 'strong', null, repoText(r.title, 200)),
        el(doc, 'span', { class: 'badge effort', title: 'Effort' }, repoText(String(r.effort), 20)))],
      el(doc, 'div', { class: 'rec-step' }, ...withCode(doc, repoText(r.firstStep, 2000))),
      ...(r.reason ? [el(doc, 'div', { class: 'rec-reason muted' }, repoText(r.reason, 300))] : []),
    )));
  }
  return persistentDetails(ctx, 'sec:next', true, 'section',
    [el(doc, 'h3', null, icon(doc, 'lightbulb'), ' Next steps')],
    el(doc, 'div', { class: 'section-body' }, list));
}
