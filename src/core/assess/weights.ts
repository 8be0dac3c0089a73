/**
 * Weights derived from the evidence (knowledge/scoring.yaml explains them): a benefit
 * weighs as many as the distinct sources that support it; a practice weighs the sum of
 * its benefits; recommendation priority is practice weight over effort cost.
 */
import type { KnowledgeBase, Practice } from '../model/knowledge';

/** Weight of each benefit: the number of distinct sources its evidence cites. */
export function benefitWeights(knowledge: KnowledgeBase): Map<string, number> {
  return new Map(knowledge.benefits.map((b) => [b.id, new Set(b.evidence.map((ref) => ref.split('#')[0])).size]));
}

/** Weight of a practice: the summed weights of the benefits it serves. */
export function practiceWeight(practice: Practice, weights: ReadonlyMap<string, number>): number {
  return practice.benefits.reduce((sum, b) => sum + (weights.get(b) ?? 0), 0);
}

/** Priority of doing a practice next: benefit against effort, rounded for stable output. */
export function priorityOf(practice: Practice, weights: ReadonlyMap<string, number>, knowledge: KnowledgeBase): number {
  return Math.round((practiceWeight(practice, weights) / knowledge.scoring.effortCost[practice.effort]) * 100) / 100;
}
