/** The overall maturity level: the highest level whose criteria, and all lower ones', hold. */
import type { LevelDef } from '../model/knowledge';
import type { LevelResult } from '../model/report';
import { explain, holds, missingPractices, type ConditionContext } from './conditions';

/** Decide the level and what the next one needs. */
export function decideLevel(levels: readonly LevelDef[], target: number, ctx: ConditionContext): LevelResult {
  const levelCtx = { ...ctx, suppressedMeets: true };
  let current = 0;
  while (current + 1 < levels.length && holds(levels[current + 1].when!, levelCtx)) current++;
  const nextDef = levels[current + 1];
  const missing = nextDef?.when ? missingPractices(nextDef.when, levelCtx) : [];
  const met = current > 0 ? explain(levels[current].when!, levelCtx) : [];
  const decidedBy = [
    current === 0 ? 'Level 0: the criteria of level 1 are not met.' : `Level ${current}: its criteria hold (${met.join(', ')}) and so do those of every lower level.`,
    nextDef ? `Level ${nextDef.level} needs ${describeMissing(missing)}.` : 'This is the highest level.',
  ].join(' ');
  return {
    current,
    name: levels[current].name,
    target,
    targetName: levels[target]?.name ?? '',
    decidedBy,
    ...(nextDef ? { next: { level: nextDef.level, name: nextDef.name, missing: [...new Set(missing.flat())], requirements: missing } } : {}),
  };
}

/** "ci, ci-runs-tests and one of continuous-deployment / model-registry". */
export function describeMissing(groups: readonly string[][]): string {
  const parts = groups.map((g) => (g.length === 1 ? g[0] : `one of ${g.join(' / ')}`));
  if (parts.length === 0) return 'criteria that are not about single practices';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
