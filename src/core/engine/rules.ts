/**
 * The generic rule engine: each detection rule kind (./kinds) is one matcher over the facts.
 * Rules are data (knowledge/practices/*.yaml); nothing here knows about a tool.
 */
import type { Facts } from '../model/facts';
import type { Signal } from '../model/report';
import { globMatcher } from '../scan/globs';
import { cut } from './detail';
import { kindOf, type DetectionRule } from './kinds';
import type { Hit } from './kinds/kind';
import type { PatternEngine } from './patterns';

export { flattenRules } from './kinds';

/** The hits of one rule, less those in paths the rule excludes. */
function hitsOf(rule: DetectionRule, facts: Facts, engine: PatternEngine): Hit[] {
  const hits = kindOf(rule).match(rule, facts, { engine, hitsOf: (sub) => hitsOf(sub, facts, engine) });
  if (!rule.exclude) return hits;
  const excluded = globMatcher(rule.exclude);
  return hits.filter((h) => !excluded(h.path));
}

/** The signals one rule of one practice finds in the facts (deduplicated; reports cap them). */
export function evaluateRule(rule: DetectionRule, facts: Facts, practiceId: string, engine: PatternEngine = 'native'): Signal[] {
  const hits = hitsOf(rule, facts, engine);
  const seen = new Set<string>();
  const signals: Signal[] = [];
  for (const hit of hits) {
    const key = `${hit.path}:${hit.line ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    signals.push({
      path: hit.path,
      ...(hit.line !== undefined ? { line: hit.line } : {}),
      rule: `${practiceId}/${rule.id}`,
      strength: rule.strength ?? kindOf(rule).defaultStrength,
      ...(rule.tool ? { tool: rule.tool } : {}),
      ...(hit.detail !== undefined ? { detail: cut(hit.detail) } : {}),
    });
  }
  return signals;
}
