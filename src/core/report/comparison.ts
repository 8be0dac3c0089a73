/**
 * A report compared with an earlier one of the same repository (`--baseline`): what moved
 * (level, score, dimensions, practice statuses), which findings and trade-offs are new or
 * resolved, and which changes are regressions, for pull-request comments and CI gates.
 */
import type { Comparison, Finding, Report } from '../model/report';

/** A finding's identity across runs: its check, file and message, never the line. */
export function findingKey(f: Pick<Finding, 'id' | 'path' | 'message'>): string {
  return `${f.id}\0${f.path}\0${f.message}`;
}

/** Compare `current` with `baseline`. */
export function compareReports(baseline: Report, current: Report): Comparison {
  const before = new Map(baseline.dimensionDetails.map((d) => [d.id, d.score]));
  const dimensions = current.dimensionDetails
    .filter((d) => before.has(d.id) && before.get(d.id) !== d.score)
    .map((d) => ({ id: d.id, title: d.title, from: before.get(d.id)!, to: d.score }));
  const was = new Map(baseline.practices.map((p) => [p.id, p.status]));
  const practices = current.practices
    .filter((p) => was.has(p.id) && was.get(p.id) !== p.status)
    .map((p) => ({ id: p.id, title: p.title, from: was.get(p.id)!, to: p.status }));
  const oldFindings = new Set(baseline.findings.map(findingKey));
  const newFindings = current.findings.filter((f) => !oldFindings.has(findingKey(f)));
  const nowFindings = new Set(current.findings.map(findingKey));
  const resolvedFindings = baseline.findings.filter((f) => !nowFindings.has(findingKey(f)));
  const oldTradeoffs = new Set(baseline.tradeoffs.map((t) => t.id));
  const nowTradeoffs = new Set(current.tradeoffs.map((t) => t.id));

  const regressions = [
    ...(current.level.current < baseline.level.current ? [`the level dropped from ${baseline.level.current} to ${current.level.current}`] : []),
    ...dimensions.filter((d) => d.to < d.from).map((d) => `${d.title} dropped from ${d.from} to ${d.to}`),
    ...practices
      .filter((p) => p.from === 'present' && (p.to === 'absent' || p.to === 'partial'))
      .map((p) => `${p.title} is no longer in place (${p.to})`),
    // A warning is a finding on a practice expected at or below the target level.
    ...newFindings.filter((f) => f.severity === 'warning').map((f) => `new finding: ${f.message} (${f.path}${f.line !== undefined ? `:${f.line}` : ''})`),
  ];
  return {
    baseline: { root: baseline.root, toolVersion: baseline.tool.version },
    level: { from: baseline.level.current, to: current.level.current },
    score: { from: baseline.score, to: current.score },
    dimensions,
    practices,
    newFindings,
    resolvedFindings,
    newTradeoffs: [...nowTradeoffs].filter((id) => !oldTradeoffs.has(id)),
    resolvedTradeoffs: [...oldTradeoffs].filter((id) => !nowTradeoffs.has(id)),
    regressions,
  };
}

/** Why a JSON text is not a report to compare with, or undefined when it is one. */
export function baselineProblem(value: unknown): string | undefined {
  const r = value as Partial<Report> | null;
  if (typeof r !== 'object' || r === null) return 'not a JSON object';
  if (typeof r.schemaVersion !== 'string' || !r.schemaVersion.startsWith('1.')) return 'not an MLOps Lens JSON report (schemaVersion 1.x)';
  if (typeof r.level?.current !== 'number' || !Array.isArray(r.practices) || !Array.isArray(r.findings) || !Array.isArray(r.tradeoffs) || !Array.isArray(r.dimensionDetails)) {
    return 'a JSON report is missing level, practices, findings, trade-offs or dimensions';
  }
  return undefined;
}
