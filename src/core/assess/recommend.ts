/**
 * Right-sized recommendations: only practices expected at or below the target level
 * for the project's stage (or needed for the very next level), ordered by
 * evidence-backed benefit against effort.
 */
import type { KnowledgeBase, Practice } from '../model/knowledge';
import type { LevelResult, PracticeResult, Recommendation } from '../model/report';
import { priorityOf } from './weights';

export function recommend(
  knowledge: KnowledgeBase,
  practices: readonly Practice[],
  results: readonly PracticeResult[],
  level: LevelResult,
  weights: ReadonlyMap<string, number>,
): Recommendation[] {
  // Beyond the target the next level is shown as information, not pushed as work.
  const neededNext = new Set(level.next && level.next.level <= level.target ? level.next.missing : []);
  const candidates = results.flatMap((result, i) => {
    const practice = practices[i];
    if (result.status !== 'absent' && result.status !== 'partial') return [];
    if (practice.level > level.target && !neededNext.has(practice.id)) return [];
    return [{ practice, result, next: neededNext.has(practice.id) }];
  });
  return candidates
    .map(({ practice, result, next }): Recommendation & { level: number; next: boolean } => ({
      practice: practice.id,
      title: practice.title,
      firstStep: practice.remediation.firstStep,
      effort: practice.effort,
      benefits: practice.benefits,
      priority: priorityOf(practice, weights, knowledge),
      reason: reasonFor(practice, result, next, level, practices),
      level: practice.level,
      next,
    }))
    .sort((a, b) => Number(b.next) - Number(a.next) || b.priority - a.priority || a.level - b.level || (a.practice < b.practice ? -1 : 1))
    .map(({ level: _level, next: _next, ...recommendation }) => recommendation);
}

function reasonFor(practice: Practice, result: PracticeResult, next: boolean, level: LevelResult, practices: readonly Practice[]): string {
  const state = result.status === 'partial' ? 'only partly in place' : 'missing';
  if (next) {
    const group = level.next!.requirements.find((g) => g.includes(practice.id) && g.length > 1);
    const title = (id: string): string => practices.find((p) => p.id === id)?.title ?? id;
    const need = group ? `one of ${group.map(title).join(' / ')} is needed` : 'needed';
    return `${state}; ${need} for level ${level.next!.level} (${level.next!.name})`;
  }
  return `${state}; expected from level ${practice.level}, within the target level ${level.target}`;
}
