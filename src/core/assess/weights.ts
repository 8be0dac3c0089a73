/**
 * Weights derived from the evidence (knowledge/scoring.yaml explains them): a benefit
 * weighs as many as the distinct sources that report it; a practice weighs the sum of
 * its benefits; recommendation priority is practice weight over effort cost.
 */
import type { Benefit, KnowledgeBase, Practice } from '../model/knowledge';

/**
 * Weight of each benefit: the number of distinct sources that report it (citations with
 * `supports: benefit`, not indirect). One that no source reports weighs 1, by convention.
 */
export function benefitWeights(knowledge: KnowledgeBase): Map<string, number> {
  return new Map(knowledge.benefits.map((b) => [b.id, Math.max(1, reportingSources(b).size)]));
}

/** The sources that report a benefit. */
export function reportingSources(benefit: Benefit): Set<string> {
  return new Set(benefit.citations.filter((c) => c.supports === 'benefit' && !c.indirect).map((c) => c.ref.split('#')[0]));
}

/** Weight of a practice: the summed weights of the benefits it serves. */
export function practiceWeight(practice: Practice, weights: ReadonlyMap<string, number>): number {
  return practice.benefits.reduce((sum, b) => sum + (weights.get(b) ?? 0), 0);
}

/** Priority of doing a practice next: benefit against effort, rounded for stable output. */
export function priorityOf(practice: Practice, weights: ReadonlyMap<string, number>, knowledge: KnowledgeBase): number {
  return Math.round((practiceWeight(practice, weights) / knowledge.scoring.effortCost[practice.effort]) * 100) / 100;
}
