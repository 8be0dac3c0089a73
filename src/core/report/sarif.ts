/**
 * The SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers. Every practice
 * and every applicable trade-off is a rule; a result is a gap that matters for the target
 * level (an absent or partial practice expected at or below it) or a trade-off warning.
 * Suppressed items stay in the log, marked as externally suppressed, so that viewers
 * can show what was waived and why.
 */
import { createHash } from 'node:crypto';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { KnowledgeBase, Severity } from '../model/knowledge';
import type { Finding, PracticeResult, Report, SourceRef, TradeoffResult } from '../model/report';
import { DEFAULT_LOCATION } from './issues';
import { markdownSourceLink } from './markdown';
import { escapeMarkdown as md, httpUrl } from './sanitize';
import { attribution, evidenceSources, suppressionReason, unseenEvidenceText } from './sections';

export interface SarifOptions {
  /**
   * The knowledge base the report was made with. Rule descriptions and help then come from
   * each practice's own text, the same for every repository; without it (e.g. when
   * converting a saved JSON report) they carry the report's own content only.
   */
  knowledge?: Pick<KnowledgeBase, 'practices'>;
  /** `runs[].automationDetails.id` (GitHub code scanning keeps one analysis per category). */
  category?: string;
  /**
   * The audited folder's path from the repository root (`services/churn`), when a sub-folder
   * was audited: file locations are given from the root, where code scanning looks for them.
   */
  pathPrefix?: string;
}

/** Where each practice is documented (docs/practices/<id>.md). */
const DOCS_URI = 'https://github.com/mlops-lens/mlops-lens/blob/main/docs/practices';


const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_NAME = 'MLOps Lens';
const INFORMATION_URI = 'https://github.com/mlops-lens/mlops-lens';
/** Signal paths are repository-relative; viewers resolve them against the checkout. */
const SRCROOT = '%SRCROOT%';

const SEVERITY_LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** What the rules and results say about one practice beyond the report itself. */
interface PracticeHelp {
  why?: string;
  firstStep?: string;
  /** The file the practice's starter file would be (a result's default location). */
  home?: string;
}

/** Renders the report as a SARIF 2.1.0 log (JSON text). */
export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const help = practiceHelp(report, options);
  const rules: ReportingDescriptor[] = [
    ...report.practices.map((p) => practiceRule(report, p, help.get(p.id) ?? {})),
    ...report.tradeoffs.map((t) => tradeoffRule(report, t)),
  ];
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const gaps = new Set(report.level.foundationGaps.map((g) => g.practice));
  const results: Result[] = [
    ...report.practices.filter((p) => p.status !== 'present' && (p.level <= report.level.target || gaps.has(p.id)))
      .map((p) => practiceResult(report, p, help.get(p.id) ?? {}, gaps.has(p.id))),
    ...report.tradeoffs.map(tradeoffResult),
    ...report.findings.map(findingResult),
    ...(report.suppressedFindings ?? []).map((f) => ({ ...findingResult(f), ...suppressions(f, true) })),
  ].map((result) => withPrefix(result, options.pathPrefix)).map((result) => ({
    ...result,
    ruleIndex: ruleIndex.get(result.ruleId ?? ''),
    partialFingerprints: fingerprint(result),
    ...(report.comparison ? { baselineState: baselineState(result, report) } : {}),
  }));

  const log: Log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: TOOL_NAME, version: report.tool.version, informationUri: INFORMATION_URI, rules } },
      ...(options.category ? { automationDetails: { id: `${options.category}/` } } : {}),
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * Rationale, first step and home file per practice id: the knowledge base's own text, so a
 * rule reads the same in every repository; without it, the report's recommendations.
 */
function practiceHelp(report: Report, options: SarifOptions): Map<string, PracticeHelp> {
  if (options.knowledge) {
    return new Map(options.knowledge.practices.map((p) => [p.id, {
      why: p.why, firstStep: p.remediation.firstStep, ...(p.remediation.template && { home: p.remediation.template.path }),
    }]));
  }
  return new Map(report.recommendations.map((r) => [r.practice, { firstStep: r.firstStep }]));
}

function practiceRule(report: Report, p: PracticeResult, help: PracticeHelp): ReportingDescriptor {
  const sources = evidenceSources(report, p.evidence);
  const dimension = report.dimensionDetails.find((d) => d.id === p.dimension)?.title ?? p.dimension;
  const summary = help.why ?? `${p.title}: a ${dimension} practice expected from maturity level ${p.level}.`;
  const steps = help.firstStep ? [`First step: ${help.firstStep}`] : [];
  return {
    id: p.id,
    ...ruleName(p.id),
    shortDescription: { text: p.title },
    fullDescription: { text: summary },
    help: {
      text: [summary, ...steps, ...evidenceText(sources)].join('\n'),
      markdown: [md(summary), ...steps.map(md), ...evidenceMarkdown(sources)].join('\n\n'),
    },
    helpUri: `${DOCS_URI}/${encodeURIComponent(p.id)}.md`,
    // GitHub code scanning reads these: how sure a result is, and how it ranks it.
    properties: { tags: [p.dimension, 'mlops'], level: p.level, precision: 'medium', 'problem.severity': 'recommendation' },
  };
}

function tradeoffRule(report: Report, t: TradeoffResult): ReportingDescriptor {
  const sources = evidenceSources(report, t.evidence);
  const action = `Action: ${t.action}`;
  return {
    id: tradeoffRuleId(t),
    name: `Tradeoff${pascalCase(t.id)}`,
    shortDescription: { text: t.title },
    fullDescription: { text: t.message },
    defaultConfiguration: { level: SEVERITY_LEVEL[t.severity] },
    help: {
      text: [t.message, action, ...evidenceText(sources)].join('\n'),
      markdown: [md(t.message), md(action), ...evidenceMarkdown(sources)].join('\n\n'),
    },
    ...helpUri(sources),
    properties: { tags: ['tradeoff', 'mlops'], precision: 'medium', 'problem.severity': t.severity === 'info' ? 'recommendation' : 'warning' },
  };
}

function practiceResult(report: Report, p: PracticeResult, help: PracticeHelp, foundationGap: boolean): Result {
  const expected = foundationGap
    ? `a foundation gap below the current level ${report.level.current}`
    : `expected from level ${p.level}; target ${report.level.target}`;
  const what = {
    partial: `${p.title} is only partly in place: ${p.mixed ? `${p.mixed.reason}, see the ${p.mixed.check} results` : 'the evidence found is weaker than required'} (${expected}).`,
    absent: `${p.title} is missing: no evidence of it was found (${expected}).`,
    suppressed: `${p.title} is suppressed (${expected}).`,
    'not-available': `${p.title} could not be judged: ${unseenEvidenceText(p)} (${expected}).`,
    present: '', // never a result: filtered out by the caller
  }[p.status];
  if (p.status === 'not-available') {
    // SARIF's `open`: the tool could not tell whether the practice is in place; level must be `none`.
    return {
      ruleId: p.id,
      kind: 'open',
      level: 'none',
      message: { text: what },
      ...locations(p.unavailable ?? [], help.home),
    };
  }
  return {
    ruleId: p.id,
    level: foundationGap || p.level <= report.level.current + 1 ? 'warning' : 'note',
    message: { text: help.firstStep ? `${what} First step: ${help.firstStep}` : what },
    ...(foundationGap ? { properties: { foundationGap: true } } : {}),
    ...locations(p.signals, help.home),
    ...suppressions(p, p.status === 'suppressed'),
  };
}

function tradeoffResult(t: TradeoffResult): Result {
  return {
    ruleId: tradeoffRuleId(t),
    level: SEVERITY_LEVEL[t.severity],
    message: { text: `${t.title}: ${t.message} Action: ${t.action}` },
    ...locations(t.signals),
    ...suppressions(t, t.suppressedReason !== undefined),
  };
}

/** A located finding of a practice's check, reported under the practice's rule. */
function findingResult(f: Finding): Result {
  return {
    ruleId: f.practice,
    level: FINDING_LEVEL[f.severity],
    message: { text: f.message },
    ...locations([f]),
    properties: { check: f.id },
  };
}

const FINDING_LEVEL: Record<Finding['severity'], NonNullable<Result['level']>> = { warning: 'warning', info: 'note', hint: 'none' };

function tradeoffRuleId(t: TradeoffResult): string {
  return `tradeoff/${t.id}`;
}

/**
 * The first place (a signal, an unreadable file) as the result's location, at line 1 when
 * it has none. A result with no place (an absent practice) points at `home`, the file that
 * would hold it, or the README: GitHub rejects results without a location.
 */
function locations(places: readonly { path: string; line?: number }[], home = DEFAULT_LOCATION): { locations: Location[] } {
  const first = places[0] ?? { path: home };
  return {
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: encodePath(first.path), uriBaseId: SRCROOT },
        region: { startLine: first.line && first.line >= 1 ? first.line : 1 },
      },
    }],
  };
}

/** The result's file locations from the repository root, when a sub-folder was audited. */
function withPrefix(result: Result, prefix: string | undefined): Result {
  if (!prefix) return result;
  return {
    ...result,
    locations: result.locations?.map((l) => ({
      ...l,
      physicalLocation: {
        ...l.physicalLocation,
        artifactLocation: { ...l.physicalLocation?.artifactLocation, uri: `${encodePath(prefix)}/${l.physicalLocation?.artifactLocation?.uri ?? ''}` },
      },
    })),
  };
}

/**
 * `new` or `unchanged` against the baseline report: a finding by its identity, a trade-off
 * by its id, a practice result by whether its status changed.
 */
function baselineState(result: Result, report: Report): Result.baselineState {
  const c = report.comparison!;
  const check = (result.properties as { check?: string } | undefined)?.check;
  if (check !== undefined) {
    const isNew = c.newFindings.some((f) => f.id === check && encodePath(f.path) === result.locations?.[0]?.physicalLocation?.artifactLocation?.uri && f.message === result.message.text);
    return isNew ? 'new' : 'unchanged';
  }
  if (result.ruleId?.startsWith('tradeoff/')) return c.newTradeoffs.includes(result.ruleId.slice('tradeoff/'.length)) ? 'new' : 'unchanged';
  return c.practices.some((p) => p.id === result.ruleId) ? 'new' : 'unchanged';
}

/**
 * A fingerprint that survives edits elsewhere in the file: the rule, the file, and for a
 * check's finding the check and what it says (never the line), so code scanning tracks one
 * alert across commits.
 */
function fingerprint(result: Result): Record<string, string> {
  const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  const check = (result.properties as { check?: string } | undefined)?.check;
  const what = check === undefined ? '' : `${check}\0${result.message.text ?? ''}`;
  return { 'mlopsLens/v1': createHash('sha256').update(`${result.ruleId}\0${uri}\0${what}`).digest('hex').slice(0, 32) };
}

/** An external suppression (configuration or baseline) with its reason, when `suppressed`. */
function suppressions(item: { suppressedReason?: string }, suppressed: boolean): Pick<Result, 'suppressions'> {
  if (!suppressed) return {};
  return { suppressions: [{ kind: 'external', justification: suppressionReason(item) }] };
}

/** A repository path as a relative URI reference: each segment percent-encoded. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * A rule's `name` (`experiment-tracking` → `ExperimentTracking`), omitted where it would equal
 * the id but for case (`ci`): SARIF wants the two to differ when both are given.
 */
function ruleName(id: string): { name?: string } {
  const name = pascalCase(id);
  return name.toLowerCase() === id.toLowerCase() ? {} : { name };
}

/** `experiment-tracking` → `ExperimentTracking` (SARIF rule names are identifier-like). */
function pascalCase(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function helpUri(sources: readonly SourceRef[]): { helpUri?: string } {
  const url = sources.map((s) => httpUrl(s.url)).find(Boolean);
  return url ? { helpUri: url } : {};
}

function evidenceText(sources: readonly SourceRef[]): string[] {
  return sources.length > 0 ? [`Evidence: ${sources.map((s) => `${s.title}, ${attribution(s)} ${s.url}`).join('; ')}`] : [];
}

function evidenceMarkdown(sources: readonly SourceRef[]): string[] {
  if (sources.length === 0) return [];
  const items = sources.map((s) => `- ${markdownSourceLink(s, `${s.title}, ${attribution(s)}`)}`);
  return [`**Evidence**\n\n${items.join('\n')}`];
}
