/// <reference lib="dom" />
/**
 * The nine dimension scores as a small horizontal bar chart in inline SVG. Positions are
 * percentages of the chart's width and text keeps the editor's font size, so it fits any
 * sidebar width without scaling the text. Screen readers get one label listing every score.
 */
import type { Report } from '../../core/model/report';
import { repoText } from '../../core/report/sections';
import { svg } from './dom';

const ROW = 18;
const BAR = 10;
const LABEL_END = 36; // % of the width taken by the labels
const BAR_WIDTH = 50; // % of the width the full (100) bar takes

export interface DimensionScore {
  id: string;
  title: string;
  score: number;
}

/** The dimensions in report order, each with a clamped whole-number score. */
export function dimensionScores(report: Report): DimensionScore[] {
  const details = report.dimensionDetails?.length
    ? report.dimensionDetails.map((d) => ({ id: d.id, title: d.title, score: d.score }))
    : Object.entries(report.dimensions ?? {}).map(([id, score]) => ({ id, title: id, score }));
  return details.map((d) => ({
    id: d.id,
    title: repoText(d.title || d.id, 80),
    score: Math.max(0, Math.min(100, Math.round(Number.isFinite(d.score) ? d.score : 0))),
  }));
}

/** A short label for a row: the title's first word ("Data management" → "Data"). */
export function shortLabel(title: string): string {
  const first = title.split(/\s+/)[0] ?? title;
  return first.length > 14 ? `${first.slice(0, 13)}…` : first;
}

export function band(score: number): 'high' | 'mid' | 'low' {
  return score >= 67 ? 'high' : score >= 34 ? 'mid' : 'low';
}

export function chartLabel(scores: readonly DimensionScore[]): string {
  return `Dimension scores out of 100: ${scores.map((s) => `${s.title} ${s.score}`).join(', ')}`;
}

export function dimensionChart(doc: Document, report: Report): SVGElement {
  const scores = dimensionScores(report);
  const label = chartLabel(scores);
  const height = scores.length * ROW + 2;
  const chart = svg(doc, 'svg', {
    class: 'chart',
    role: 'img',
    'aria-label': label,
    width: '100%',
    height,
    focusable: 'false',
  }, svg(doc, 'title', null, label));
  scores.forEach((s, row) => {
    const top = row * ROW;
    const g = svg(doc, 'g', { class: `chart-row band-${band(s.score)}`, 'data-dimension': s.id },
      svg(doc, 'title', null, `${s.title}: ${s.score}`),
      svg(doc, 'text', { class: 'chart-label', x: 0, y: top + 13 }, shortLabel(s.title)),
      svg(doc, 'rect', { class: 'chart-track', x: `${LABEL_END}%`, y: top + (ROW - BAR) / 2, width: `${BAR_WIDTH}%`, height: BAR, rx: 2 }),
      svg(doc, 'rect', {
        class: 'chart-bar',
        x: `${LABEL_END}%`,
        y: top + (ROW - BAR) / 2,
        width: `${(s.score / 100) * BAR_WIDTH}%`,
        height: BAR,
        rx: 2,
      }),
      svg(doc, 'text', { class: 'chart-value', x: '100%', y: top + 13, 'text-anchor': 'end' }, String(s.score)),
    );
    chart.appendChild(g);
  });
  return chart;
}
