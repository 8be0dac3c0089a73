/**
 * The overall maturity level: the highest level whose defining capabilities, and all
 * lower ones', hold; plus the foundation gaps beside it and what the next level needs.
 */
import type { LevelDef, Practice } from '../model/knowledge';
import type { FoundationGap, LevelResult } from '../model/report';
import { explain, holds, missingPractices, unmetFacts, type ConditionContext } from './conditions';

/** Decide the level, its foundation gaps and what the next one needs. */
export function decideLevel(levels: readonly LevelDef[], practices: readonly Practice[], target: number, ctx: ConditionContext): LevelResult {
  const levelCtx = { ...ctx, suppressedMeets: true };
  let current = 0;
  while (current + 1 < levels.length && holds(levels[current + 1].when!, levelCtx)) current++;
  const byId = new Map(practices.map((p) => [p.id, p]));
  const gaps = levels.slice(1, current + 1).flatMap((def) => foundationGaps(def, byId, levelCtx));
  const nextDef = levels[current + 1];
  const requirements = nextDef?.when ? missingPractices(nextDef.when, levelCtx) : [];
  return {
    current,
    name: levels[current].name,
    target,
    targetName: levels[target]?.name ?? '',
    decidedBy: whySentence(levels, current, gaps, requirements, levelCtx, byId) + unjudgedSentence(requirements, levelCtx, byId),
    foundationGaps: gaps,
    ...(nextDef ? { next: { level: nextDef.level, name: nextDef.name, missing: [...new Set(requirements.flat())], requirements } } : {}),
  };
}

/** What the next level needs but could not be judged: the level may be higher than it says. */
function unjudgedSentence(requirements: readonly string[][], ctx: ConditionContext, byId: ReadonlyMap<string, Practice>): string {
  const unjudged = [...new Set(requirements.flat())].filter((id) => ctx.status(id) === 'not-available');
  if (unjudged.length === 0) return '';
  const titles = joinAnd(unjudged.map((id) => byId.get(id)?.title ?? id));
  return ` ${titles} could not be judged (files that would show ${unjudged.length === 1 ? 'it' : 'them'} could not be read or parsed): the level may be higher.`;
}

/** The level's foundations that no present (or suppressed) practice meets. */
function foundationGaps(def: LevelDef, byId: ReadonlyMap<string, Practice>, ctx: ConditionContext): FoundationGap[] {
  return (def.foundations ?? []).flatMap((item) => {
    if (item.some((id) => holds({ practice: id }, ctx))) return [];
    const [first, ...alternatives] = item;
    const practice = byId.get(first);
    return [{
      practice: first,
      title: practice?.title ?? first,
      alternatives,
      level: def.level,
      status: item.some((id) => ctx.status(id) === 'partial') ? 'partial' : 'absent',
      why: firstSentence(practice?.why ?? ''),
      firstStep: practice?.remediation.firstStep ?? '',
    }];
  });
}

/**
 * One sentence: the capabilities that put the repository at its level (for level 0,
 * what level 1 would need: `nextNeeds`) and the foundation gaps below it, by practice title.
 */
function whySentence(
  levels: readonly LevelDef[], current: number, gaps: readonly FoundationGap[], nextNeeds: readonly string[][],
  ctx: ConditionContext, byId: ReadonlyMap<string, Practice>,
): string {
  const title = (id: string): string => byId.get(id)?.title ?? id;
  if (current === 0) {
    const facts = levels[1]?.when ? unmetFacts(levels[1].when, ctx) : [];
    if (facts.length > 0) return `Level 0 (${levels[0].name}): level 1 needs ${joinAnd(facts)}.`;
    return `Level 0 (${levels[0].name}): the repository does not yet have what level 1 needs: ${describeGroups(nextNeeds, title)}.`;
  }
  // Counted facts (such as the ML imports level 1 needs) are preconditions, not capabilities.
  const met = explain(levels[current].when!, ctx).filter((part) => byId.has(part)).map(title);
  const because = `Level ${current} (${levels[current].name}) because of ${joinAnd(met)}`;
  if (gaps.length === 0) return `${because}, with no foundation gaps below it.`;
  return `${because}; foundation gaps: ${joinAnd(gaps.map((g) => (g.alternatives.length ? [g.practice, ...g.alternatives].map(title).join(' or ') : g.title)))}.`;
}

/** "Experiment tracking, Data versioning and one of Model registry / Tests run in CI". */
function describeGroups(groups: readonly string[][], title: (id: string) => string): string {
  const parts = groups.map((g) => (g.length === 1 ? title(g[0]) : `one of ${g.map(title).join(', ')}`));
  return parts.length === 0 ? 'criteria that are not about single practices' : joinAnd(parts);
}

function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The first sentence of a rationale (they are written as several sentences of prose). */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end < 0 ? flat : flat.slice(0, end + 1);
}
