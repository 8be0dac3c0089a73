/** The project's stage: configured, or inferred from the first stage whose condition holds. */
import type { StageDef, StageId } from '../model/knowledge';
import type { StageResult } from '../model/report';
import { explainInWords, holds, type ConditionContext } from './conditions';

/** Infer (or take the configured) stage; the last stage in the knowledge base is the default. */
export function decideStage(stages: readonly StageDef[], configured: StageId | undefined, ctx: ConditionContext): StageResult {
  if (configured) return { id: configured, inferred: false, reason: 'set in the configuration' };
  const stage = stages.find((s) => !s.when || holds(s.when, ctx)) ?? stages[stages.length - 1];
  return {
    id: stage.id,
    inferred: true,
    reason: stage.when ? `from ${explainInWords(stage.when, ctx).join(', ')}` : `from the absence of ${stages.filter((s) => s.when).map((s) => s.id).join(' or ')} signals`,
  };
}
