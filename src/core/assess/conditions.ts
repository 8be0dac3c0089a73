/**
 * The condition language shared by levels, stages and trade-offs (see
 * knowledge/README.md): evaluated over practice statuses, detected tools, the stage
 * and a few counted facts.
 */
import type { Condition, FactName, PracticeStatus, StageId } from '../model/knowledge';
import type { Signal } from '../model/report';

/** What a condition can look at. */
export interface ConditionContext {
  status(practiceId: string): PracticeStatus;
  /** Practice signals by the practice they belong to. */
  signals(practiceId: string): readonly Signal[];
  /** Signals (configured strength or stronger) of each detected tool. */
  tools: ReadonlyMap<string, readonly Signal[]>;
  counts: Readonly<Record<FactName, number>>;
  stage?: StageId;
  /** Level criteria count a suppressed practice as met (its reason is in the report). */
  suppressedMeets: boolean;
  /** A practice's title, for explanations people read (undefined for other ids). */
  titleOf?(practiceId: string): string | undefined;
}

/** Does the condition hold? */
export function holds(condition: Condition, ctx: ConditionContext): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, ctx));
  if ('any' in condition) return condition.any.some((c) => holds(c, ctx));
  if ('not' in condition) return !holds(condition.not, ctx);
  if ('practice' in condition) {
    const status = ctx.status(condition.practice);
    const wanted = condition.status ?? ['present'];
    return wanted.includes(status) || (ctx.suppressedMeets && status === 'suppressed' && wanted.includes('present'));
  }
  if ('tools' in condition) return detectedTools(condition.tools, ctx).length >= (condition.min ?? 1);
  if ('stage' in condition) return ctx.stage !== undefined && condition.stage.includes(ctx.stage);
  const value = ctx.counts[condition.fact];
  return value >= (condition.min ?? 0) && value <= (condition.max ?? Number.POSITIVE_INFINITY);
}

/**
 * The repository evidence behind a holding condition: signals of the practices and
 * tools its positive parts name (what a person should look at to see why it fired).
 */
export function evidenceOf(condition: Condition, ctx: ConditionContext): Signal[] {
  if (!holds(condition, ctx)) return [];
  if ('all' in condition) return condition.all.flatMap((c) => evidenceOf(c, ctx));
  if ('any' in condition) return condition.any.flatMap((c) => evidenceOf(c, ctx));
  if ('practice' in condition) return [...ctx.signals(condition.practice)];
  if ('tools' in condition) return detectedTools(condition.tools, ctx).flatMap((tool) => ctx.tools.get(tool)!.slice(0, 3));
  return [];
}

/**
 * Practices a condition needs present that are not, as groups of alternatives. Of an
 * `any`, the ways that lack the fewest groups are given: those lacking one group merge
 * into one ("one of ..."), otherwise the first, so every group listed is really needed.
 */
export function missingPractices(condition: Condition, ctx: ConditionContext): string[][] {
  if (holds(condition, ctx)) return [];
  if ('all' in condition) return condition.all.flatMap((c) => missingPractices(c, ctx));
  if ('any' in condition) {
    const ways = condition.any.map((c) => missingPractices(c, ctx)).filter((groups) => groups.length > 0);
    const fewest = Math.min(...ways.map((groups) => groups.length));
    if (fewest === 1) return [unique(ways.filter((groups) => groups.length === 1).flat(2))];
    return ways.find((groups) => groups.length === fewest) ?? [];
  }
  if ('practice' in condition && (condition.status ?? ['present']).includes('present')) return [[condition.practice]];
  return [];
}

/** Counted facts a failing condition needs and lacks, e.g. `imports of ML libraries: found 0, at least 1 needed`. */
export function unmetFacts(condition: Condition, ctx: ConditionContext): string[] {
  if (holds(condition, ctx)) return [];
  if ('all' in condition) return condition.all.flatMap((c) => unmetFacts(c, ctx));
  if (!('fact' in condition)) return [];
  const bounds = [condition.min !== undefined ? `at least ${condition.min}` : '', condition.max !== undefined ? `at most ${condition.max}` : ''];
  return [`${FACT_LABELS[condition.fact]}: found ${ctx.counts[condition.fact]}, ${bounds.filter(Boolean).join(' and ')} needed`];
}

function detectedTools(tools: readonly string[], ctx: ConditionContext): string[] {
  return tools.filter((tool) => (ctx.tools.get(tool)?.length ?? 0) > 0);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Human-readable parts of a holding condition that made it hold, e.g. `ci`, `mlflow`, `30 pythonFiles`. */
export function explain(condition: Condition, ctx: ConditionContext): string[] {
  if (!holds(condition, ctx)) return [];
  if ('all' in condition) return unique(condition.all.flatMap((c) => explain(c, ctx)));
  if ('any' in condition) return unique(condition.any.flatMap((c) => explain(c, ctx)));
  if ('practice' in condition) return [condition.practice];
  if ('tools' in condition) return detectedTools(condition.tools, ctx);
  if ('stage' in condition) return [`stage ${ctx.stage}`];
  if ('fact' in condition) return [`${ctx.counts[condition.fact]} ${FACT_LABELS[condition.fact]}`];
  return [];
}

/** `explain`, with practice ids as their titles: for sentences shown to people. */
export function explainInWords(condition: Condition, ctx: ConditionContext): string[] {
  return explain(condition, ctx).map((part) => ctx.titleOf?.(part) ?? part);
}

const FACT_LABELS: Record<FactName, string> = {
  pythonFiles: 'Python files',
  notebooks: 'notebooks',
  manualSteps: 'manual steps in the README',
  ciPipelines: 'CI pipelines',
  files: 'files',
  releaseTriggers: 'release-triggered CI pipelines',
  mlImports: 'imports of ML libraries',
};
