/** Dimension scores 0–100: benefit-weighted share of practice credit; suppressed and not-available practices left out. */
import type { KnowledgeBase, Practice } from '../model/knowledge';
import type { DimensionResult, PracticeResult } from '../model/report';
import { practiceWeight } from './weights';

export function scoreDimensions(
  knowledge: KnowledgeBase,
  practices: readonly Practice[],
  results: readonly PracticeResult[],
  weights: ReadonlyMap<string, number>,
): DimensionResult[] {
  const credit = knowledge.scoring.statusCredit;
  return knowledge.dimensions.map((dimension) => {
    let earned = 0;
    let possible = 0;
    const counts = { present: 0, partial: 0, absent: 0, notAvailable: 0 };
    results.forEach((result, i) => {
      if (result.dimension !== dimension.id || result.status === 'suppressed') return;
      // A practice that could not be judged counts neither for nor against the dimension.
      if (result.status === 'not-available') {
        counts.notAvailable++;
        return;
      }
      const weight = practiceWeight(practices[i], weights);
      counts[result.status]++;
      earned += credit[result.status] * weight;
      possible += weight;
    });
    return { id: dimension.id, title: dimension.title, score: possible > 0 ? Math.round((100 * earned) / possible) : 0, ...counts };
  });
}
