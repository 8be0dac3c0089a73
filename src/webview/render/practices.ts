/// <reference lib="dom" />
/**
 * The filter bar and the practices, grouped by dimension. Each practice expands to why it
 * matters, the evidence behind it, the signals found, problems found in files, how to
 * get it, and actions (create a starter file, suppress, explain).
 */
import type { PracticeStatus } from '../../core/model/knowledge';
import type { Finding, PracticeResult, Report } from '../../core/model/report';
import { practicesByDimension, repoText, type DimensionGroup } from '../../core/report/sections';
import type { UiState } from '../state';
import type { RenderContext } from './context';
import { button, el, icon, srOnly, titleWithTail, withCode } from './dom';
import { evidenceList, findingList, persistentDetails, signalList } from './evidence';
import { selectValue } from './header';
import { unsuppressButton } from './suppressed';

export const STATUS_ICON: Record<PracticeStatus, string> = {
  present: 'pass-filled',
  partial: 'pass',
  absent: 'circle-large-outline',
  'not-available': 'question',
  suppressed: 'eye-closed',
};

export const STATUS_LABEL: Record<PracticeStatus, string> = {
  present: 'Present',
  partial: 'Partial',
  absent: 'Absent',
  'not-available': 'Not available',
  suppressed: 'Suppressed',
};

function statusOf(practice: PracticeResult): PracticeStatus {
  return STATUS_ICON[practice.status] ? practice.status : 'absent';
}

/** Missing = still to do: absent or only partly there (suppressed practices are not missing). */
export function isMissing(practice: PracticeResult): boolean {
  return practice.status === 'absent' || practice.status === 'partial';
}

/** The dimension groups (report order) holding the practices the filters let through. */
export function filterPractices(report: Report, filters: Pick<UiState, 'missingOnly' | 'dimension'>): DimensionGroup[] {
  const dimension = validDimension(report, filters.dimension);
  return practicesByDimension(report)
    .filter((group) => !dimension || group.dimension.id === dimension)
    .map((group) => ({ ...group, practices: group.practices.filter((p) => !filters.missingOnly || isMissing(p)) }))
    .filter((group) => group.practices.length > 0);
}

/** The selected dimension if the report has it, else '' (all). */
export function validDimension(report: Report, dimension: string): string {
  return dimension && report.practices.some((p) => p.dimension === dimension) ? dimension : '';
}

export function findingsByPractice(report: Report): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const finding of report.findings ?? []) {
    const list = map.get(finding.practice) ?? [];
    list.push(finding);
    map.set(finding.practice, list);
  }
  return map;
}

export function filterBar(ctx: RenderContext, report: Report, shown: number): HTMLElement {
  const { doc, state } = ctx;
  const dimension = validDimension(report, state.dimension);
  const toggle = button(doc, {
    kind: 'secondary',
    // A check mark says it is on in every theme, whatever its colours.
    icon: state.missingOnly ? 'check' : 'filter',
    label: 'Missing only',
    title: 'Show only practices that are absent or partial',
    key: 'filter-missing',
    onClick: () => ctx.update({ missingOnly: !ctx.state.missingOnly }),
  });
  toggle.setAttribute('aria-pressed', String(state.missingOnly));
  toggle.classList.add('toggle');
  const select = el(doc, 'select', { id: 'dimension-select', 'data-key': 'dimension-select', 'aria-label': 'Dimension' });
  select.appendChild(el(doc, 'option', { value: '', selected: !dimension }, 'All dimensions'));
  for (const group of practicesByDimension(report)) {
    select.appendChild(el(doc, 'option', { value: group.dimension.id, selected: group.dimension.id === dimension }, repoText(group.dimension.title, 80)));
  }
  select.addEventListener('change', () => ctx.update({ dimension: selectValue(select) }));
  return el(doc, 'div', { class: 'filters', role: 'toolbar', 'aria-label': 'Filter practices' },
    toggle,
    select,
    el(doc, 'span', { class: 'muted count', 'aria-live': 'polite' }, `${shown} of ${report.practices.length}`),
  );
}

function remediation(ctx: RenderContext, folder: string, practice: PracticeResult): Node[] {
  const { doc } = ctx;
  const k = ctx.knowledge?.practices[practice.id];
  if (!k) return [];
  const nodes: Node[] = [el(doc, 'div', { class: 'subhead' }, icon(doc, 'lightbulb'), ' How to get there')];
  if (k.firstStep) nodes.push(el(doc, 'p', null, el(doc, 'span', { class: 'label' }, 'First step: '), ...withCode(doc, repoText(k.firstStep, 2000))));
  if (k.path) nodes.push(el(doc, 'p', null, el(doc, 'span', { class: 'label' }, 'Then: '), ...withCode(doc, repoText(k.path, 4000))));
  if (k.effort) nodes.push(el(doc, 'p', { class: 'muted' }, `Effort: ${repoText(k.effort, 20)}`));
  if (k.hasTemplate) {
    nodes.push(el(doc, 'div', { class: 'actions' },
      button(doc, {
        icon: 'new-file',
        label: 'Create starter file',
        key: `scaffold:${practice.id}`,
        onClick: () => ctx.post({ type: 'scaffold', folder, practice: practice.id }),
      })));
  }
  return nodes;
}

export function practiceItem(ctx: RenderContext, folder: string, report: Report, practice: PracticeResult, findings: readonly Finding[]): HTMLDetailsElement {
  const { doc } = ctx;
  const status = statusOf(practice);
  const key = `p:${practice.id}`;
  const why = ctx.knowledge?.practices[practice.id]?.why;
  const body: Node[] = [];
  if (status === 'suppressed') {
    body.push(el(doc, 'p', { class: 'suppressed-reason' }, `Suppressed: ${repoText(practice.suppressedReason || 'no reason given', 500)}`));
  }
  if (status === 'not-available') {
    // Not judged, not missing: say which files hid the evidence so the user can fix them.
    body.push(el(doc, 'div', { class: 'subhead' }, 'Could not be judged: these files could not be read or parsed'),
      el(doc, 'ul', { class: 'unavailable' }, ...(practice.unavailable ?? []).map((u) =>
        el(doc, 'li', {}, el(doc, 'code', {}, repoText(u.path, 300)), ` ${repoText(u.reason, 300)}`))));
  }
  if (why) body.push(el(doc, 'p', { class: 'why' }, ...withCode(doc, repoText(why, 4000))));
  if (practice.signals?.length) {
    body.push(el(doc, 'div', { class: 'subhead' }, `Signals (${practice.confidence} confidence)`), signalList(ctx, folder, practice.signals, key));
  }
  if (findings.length) {
    body.push(el(doc, 'div', { class: 'subhead' }, `Problems found (${findings.length})`), findingList(ctx, folder, findings, key));
  }
  if (status === 'absent' || status === 'partial') body.push(...remediation(ctx, folder, practice));
  if (practice.evidence?.length) {
    const indirect = ctx.knowledge?.practices[practice.id]?.indirect
      ?? Object.fromEntries((practice.indirectEvidence ?? []).map((ref) => [ref, '']));
    const allIndirect = practice.evidence.every((ref) => ref in indirect);
    body.push(el(doc, 'div', { class: 'subhead' }, allIndirect ? 'Evidence (indirect only: expert convention)' : 'Evidence'), evidenceList(ctx, report, practice.evidence, indirect));
  }
  const actions = el(doc, 'div', { class: 'actions' });
  if (status !== 'suppressed') {
    actions.appendChild(button(doc, {
      kind: 'secondary',
      icon: 'eye-closed',
      label: 'Suppress…',
      title: 'Mark this practice as not applicable to this project',
      key: `suppress:${practice.id}`,
      onClick: () => ctx.post({ type: 'suppress', folder, id: practice.id }),
    }));
  } else {
    actions.appendChild(unsuppressButton(ctx, folder, { id: practice.id, what: `practice ${repoText(practice.title, 200)}`, key: `unsuppress:${practice.id}` }));
  }
  actions.appendChild(button(doc, {
    kind: 'secondary',
    icon: 'book',
    label: 'Explain',
    title: 'Open the full explanation of this practice',
    key: `explain:${practice.id}`,
    onClick: () => ctx.post({ type: 'explain', practice: practice.id }),
  }));
  body.push(actions);

  const summary: Node[] = [
    icon(doc, STATUS_ICON[status], `st-${status}`),
    srOnly(doc, `${STATUS_LABEL[status]}: `),
    titleWithTail(doc, repoText(practice.title, 200),
      // `L2` is for the eye; a screen reader hears what it means.
      el(doc, 'span', { class: 'badge', title: `Expected at level ${practice.level}`, 'aria-hidden': 'true' }, `L${practice.level}`),
      srOnly(doc, `, expected at level ${practice.level}`),
      findingCount(doc, findings)),
  ];
  if (status === 'suppressed') {
    summary.push(el(doc, 'span', { class: 'row-note muted' }, repoText(practice.suppressedReason || 'no reason given', 200)));
  }
  if (status === 'not-available') summary.push(el(doc, 'span', { class: 'row-note muted' }, 'not judged: files could not be read'));
  if (practice.starter) summary.push(el(doc, 'span', { class: 'row-note muted' }, 'starter file not filled in yet'));
  if (practice.mixed) summary.push(el(doc, 'span', { class: 'row-note muted' }, practice.mixed.reason));
  const details = persistentDetails(ctx, key, false, `practice st-${status}`, summary, el(doc, 'div', { class: 'body' }, ...body));
  details.setAttribute('id', `practice-${practice.id}`);
  return details;
}

/** The number of problems found in files for a practice, in the colour of the worst; null when none. */
function findingCount(doc: Document, findings: readonly Finding[]): HTMLElement | null {
  if (!findings.length) return null;
  const worst = findings.some((f) => f.severity === 'warning') ? 'warning' : findings.some((f) => f.severity === 'info') ? 'info' : 'hint';
  return el(doc, 'span', { class: `finding-count sev-${worst}`, title: `${findings.length} problem(s) found in files` },
    icon(doc, worst === 'hint' ? 'lightbulb' : worst), String(findings.length), srOnly(doc, ' problems'));
}

export function practiceSection(ctx: RenderContext, folder: string, report: Report): HTMLElement {
  const { doc, state } = ctx;
  const groups = filterPractices(report, state);
  const findings = findingsByPractice(report);
  const shown = groups.reduce((n, g) => n + g.practices.length, 0);
  const content: Node[] = [filterBar(ctx, report, shown)];
  for (const group of groups) {
    const d = group.dimension;
    content.push(el(doc, 'section', { class: 'group', 'data-dimension': d.id },
      el(doc, 'h4', null,
        el(doc, 'span', { class: 'title' }, repoText(d.title, 80)),
        el(doc, 'span', { class: 'muted' }, ` ${d.score}/100`)),
      ...group.practices.map((p) => practiceItem(ctx, folder, report, p, findings.get(p.id) ?? []))));
  }
  if (!shown) {
    content.push(el(doc, 'p', { class: 'muted empty' }, 'No practices match the filters. ',
      button(doc, { kind: 'link', label: 'Clear filters', key: 'clear-filters', onClick: () => ctx.update({ missingOnly: false, dimension: '' }) })));
  }
  const known = new Set(report.practices.map((p) => p.id));
  const orphans = (report.findings ?? []).filter((f) => !known.has(f.practice));
  if (orphans.length) {
    content.push(el(doc, 'section', { class: 'group' }, el(doc, 'h4', null, 'Other problems'), findingList(ctx, folder, orphans, 'other')));
  }
  return persistentDetails(ctx, 'sec:practices', true, 'section',
    [el(doc, 'h3', null, icon(doc, 'checklist'), ' Practices')],
    el(doc, 'div', { class: 'section-body' }, ...content));
}
