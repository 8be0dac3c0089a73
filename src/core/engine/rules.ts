/**
 * The generic rule engine: each detection rule kind (./kinds) is one matcher over the facts.
 * Rules are data (knowledge/practices/*.yaml); nothing here knows about a tool.
 */
import type { Facts } from '../model/facts';
import type { Signal } from '../model/report';
import { globMatcher } from '../scan/globs';
import { cut } from './detail';
import { indexFacts, type FactIndex, type RuleHits } from './factIndex';
import { factsOfFiles } from './factsOfFiles';
import { byPath, itemsIn, replaceFiles } from './pathOrder';
import { kindOf, type DetectionRule } from './kinds';
import type { Hit } from './kinds/kind';
import type { PatternEngine } from './patterns';

export { flattenRules } from './kinds';

/** The hits of one rule, less those in paths the rule excludes (kept per facts: sub-rules and re-audits ask again). */
function hitsOf(rule: DetectionRule, facts: Facts, engine: PatternEngine): Hit[] {
  return ruleHits(rule, facts, engine).hits;
}

function ruleHits(rule: DetectionRule, facts: Facts, engine: PatternEngine): RuleHits {
  const index = indexFacts(facts);
  let known = index.hits.get(rule);
  if (known?.engine !== engine) {
    known = { engine, hits: editedHits(rule, facts, engine, index) ?? matchRule(rule, facts, engine) };
    index.hits.set(rule, known);
  }
  return known;
}

function matchRule(rule: DetectionRule, facts: Facts, engine: PatternEngine): Hit[] {
  const hits = kindOf(rule).match(rule, facts, { engine, hitsOf: (sub) => hitsOf(sub, facts, engine) });
  const excluded = rule.exclude ? globMatcher(rule.exclude) : undefined;
  const kept = excluded ? hits.filter((h) => !excluded(h.path)) : hits;
  // A file-local rule's hits in path order (a file's own in the kind's order): an edit replaces one file's run.
  return kindOf(rule).locality?.(rule) === 'file' ? [...kept].sort(byPath) : kept;
}

/**
 * After edits, the hits of the last facts (see FactIndex.before) carried over: the same for a
 * rule on the listing alone, and with only the edited files matched again for a file-local
 * one. Undefined when the rule must be matched afresh.
 */
function editedHits(rule: DetectionRule, facts: Facts, engine: PatternEngine, index: FactIndex): Hit[] | undefined {
  const before = index.before?.hits.get(rule);
  if (before?.engine !== engine) return undefined;
  const locality = kindOf(rule).locality?.(rule);
  if (locality === 'listing') return before.hits;
  if (locality !== 'file') return undefined;
  const { edited } = index.before!;
  const fresh = matchRule(rule, editedFacts(facts, edited), engine);
  return replaceFiles(before.hits, edited.map((path) => [path, itemsIn(fresh, path)]));
}

/** The edited files' facts, once per facts. */
const editedFactsOf = new WeakMap<Facts, Facts>();

function editedFacts(facts: Facts, edited: readonly string[]): Facts {
  let found = editedFactsOf.get(facts);
  if (!found) {
    found = factsOfFiles(facts, edited);
    editedFactsOf.set(facts, found);
  }
  return found;
}

/** The signals one rule of one practice finds in the facts (deduplicated; reports cap them). */
export function evaluateRule(rule: DetectionRule, facts: Facts, practiceId: string, engine: PatternEngine = 'native'): Signal[] {
  const known = ruleHits(rule, facts, engine);
  if (known.signals?.practiceId !== practiceId) known.signals = { practiceId, signals: editedSignals(rule, facts, practiceId, known) ?? signalsOf(rule, practiceId, known.hits) };
  return known.signals.signals;
}

/** After edits, the last facts' signals with the edited files' made again (as editedHits does for hits). */
function editedSignals(rule: DetectionRule, facts: Facts, practiceId: string, known: RuleHits): Signal[] | undefined {
  const index = indexFacts(facts);
  const before = index.before?.hits.get(rule);
  if (before?.engine !== known.engine || before.signals?.practiceId !== practiceId) return undefined;
  if (before.hits === known.hits) return before.signals.signals;
  if (kindOf(rule).locality?.(rule) !== 'file') return undefined;
  const { edited } = index.before!;
  // A signal is one hit per place in a file: a file's signals come from its own hits alone.
  return replaceFiles(before.signals.signals, edited.map((path) => [path, signalsOf(rule, practiceId, itemsIn(known.hits, path))]));
}

function signalsOf(rule: DetectionRule, practiceId: string, hits: readonly Hit[]): Signal[] {
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
