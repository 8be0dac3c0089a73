/** The assessment stage: facts + knowledge → the report every adapter renders. */
import type { Facts } from '../model/facts';
import { indexFacts } from '../engine/factIndex';
import type { FactName, KnowledgeBase, PracticeStatus, StageId } from '../model/knowledge';
import { REPORT_SCHEMA_VERSION, type LevelResult, type Recommendation, type Report, type Signal } from '../model/report';
import type { ScanStats } from '../scan/scanner';
import type { ConditionContext } from './conditions';
import { collectionLevel, collectionScopes } from './collection';
import { decideLevel } from './level';
import { assessFindings } from './findings';
import { findingSuppressor, type FindingSuppression } from './findingSuppressions';
import { assessPractices, capSignals, STRENGTH_RANK } from './practices';
import { recommend } from './recommend';
import { mlImportCount, signalScope } from './scope';
import { scoreDimensions } from './scores';
import { decideStage } from './stage';
import { evaluateTradeoffs } from './tradeoffs';
import { benefitWeights } from './weights';

export interface AssessInput {
  /** The knowledge base, custom practices from the config already merged in. */
  knowledge: KnowledgeBase;
  facts: Facts;
  stats: ScanStats;
  /** Stage from the config or command line; inferred when undefined. */
  stage?: StageId;
  /** Practice or trade-off id → reason. */
  suppressions: ReadonlyMap<string, string>;
  /** Suppressed findings: a check's, everywhere or in some paths. */
  findingSuppressions?: readonly FindingSuppression[];
  /** From the configuration: the repository is (`true`) or is not (`false`) a collection; unset: recognised. */
  collection?: boolean;
  rootName: string;
  tool: { name: string; version: string };
  /** Signals of general-purpose workflow tools (scope.yaml `mlCode.generalTools`) need ML code in the repository. */
  requireMlCode: boolean;
}

export function assess(input: AssessInput): Report {
  const { knowledge, facts } = input;
  const mlImports = mlImportCount(knowledge.scope.mlCode.modules, facts);
  const scope = signalScope(knowledge.scope, facts, input.requireMlCode && mlImports === 0);
  const suppressedFinding = findingSuppressor(input.findingSuppressions ?? []);
  const practices = assessPractices(knowledge.practices, facts, input.suppressions, scope, suppressedFinding);
  const byId = new Map(practices.map((p) => [p.id, p]));
  const tools = new Map<string, Signal[]>();
  for (const practice of practices) {
    if (practice.status === 'suppressed') continue;
    for (const signal of practice.signals) {
      if (signal.tool && STRENGTH_RANK[signal.strength] >= STRENGTH_RANK.configured) {
        const list = tools.get(signal.tool);
        if (list) list.push(signal);
        else tools.set(signal.tool, [signal]);
      }
    }
  }
  const baseCtx: ConditionContext = {
    status: (id) => byId.get(id)?.status ?? ('absent' as PracticeStatus),
    signals: (id) => byId.get(id)?.signals ?? [],
    tools,
    counts: countFacts(facts, mlImports, input.requireMlCode),
    suppressedMeets: false,
    titleOf: (id) => byId.get(id)?.title,
  };
  const stage = decideStage(knowledge.stages, input.stage, baseCtx);
  const ctx = { ...baseCtx, stage: stage.id };
  const target = knowledge.stages.find((s) => s.id === stage.id)!.target;
  const scopes = knowledge.collections && input.collection !== false ? collectionScopes(facts.files, knowledge.collections, input.collection) : undefined;
  const level = scopes ? collectionLevel(knowledge, practices, scopes, target, ctx) : decideLevel(knowledge.levels, knowledge.practices, target, ctx);
  // Checks see every signal; the report keeps a bounded number per rule.
  const { findings, suppressed } = assessFindings(knowledge.practices, practices, facts, target, suppressedFinding);
  const reported = practices.map((p) => ({ ...p, signals: capSignals(p.signals) }));
  const weights = benefitWeights(knowledge);
  const dimensionDetails = scoreDimensions(knowledge, knowledge.practices, reported, weights);
  const recommendations = recommend(knowledge, knowledge.practices, reported, level, weights);

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: input.tool,
    root: input.rootName,
    stage,
    level: inRecommendationOrder(level, recommendations),
    dimensions: Object.fromEntries(dimensionDetails.map((d) => [d.id, d.score])),
    dimensionDetails,
    score: Math.round(dimensionDetails.reduce((sum, d) => sum + d.score, 0) / Math.max(1, dimensionDetails.length)),
    practices: reported,
    tradeoffs: evaluateTradeoffs(knowledge.tradeoffs, ctx, input.suppressions),
    findings,
    suppressedFindings: suppressed,
    recommendations,
    sources: knowledge.sources.map((s) => ({ id: s.id, title: s.title, authors: s.authors, year: s.year, url: s.url, kind: s.kind })),
    scope: scope.notes(),
    warnings: facts.warnings,
    stats: input.stats,
  };
}

/** The next level's requirement groups in the order the recommendations give their practices. */
function inRecommendationOrder(level: LevelResult, recommendations: readonly Recommendation[]): LevelResult {
  if (!level.next) return level;
  const rank = new Map(recommendations.map((r, i) => [r.practice, i]));
  const first = (group: readonly string[]): number => Math.min(...group.map((id) => rank.get(id) ?? Number.MAX_SAFE_INTEGER));
  const requirements = [...level.next.requirements].sort((a, b) => first(a) - first(b));
  return { ...level, next: { ...level.next, requirements, missing: [...new Set(requirements.flat())] } };
}

/** With `requireMlCode` off the configuration vouches for ML code the tool cannot see (R, Julia, SQL). */
function countFacts(facts: Facts, mlImports: number, requireMlCode: boolean): Record<FactName, number> {
  return {
    mlImports: requireMlCode ? mlImports : Math.max(1, mlImports),
    // The listing's path index answers globs case-insensitively on the rendered path, and keeps the answer for a re-audit.
    pythonFiles: indexFacts(facts).files.matching(['**/*.py']).length,
    notebooks: facts.notebooks.length,
    manualSteps: facts.manualSteps.length,
    ciPipelines: facts.ci.length,
    files: facts.files.length,
    releaseTriggers: facts.ci.filter((p) => p.triggers.includes('tag')).length,
  };
}
