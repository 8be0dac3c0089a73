/**
 * Running rules' examples: each example is a tiny repository audited in memory; a positive
 * one must give its rule's signal at the expected strength, a near miss (`expect: none`)
 * none. The shipped knowledge base's examples run in the test suite; a team's custom
 * practices' examples run with `mlops-lens --check-rules`.
 */
import { audit } from './audit';
import { EMPTY_CONFIG, type Config } from './config/config';
import { createMemoryHost } from './host/memoryFileHost';
import type { DetectionRule, KnowledgeBase, Practice, RuleExample, Strength } from './model/knowledge';

const STRENGTH_ORDER: readonly Strength[] = ['mentioned', 'configured', 'ci'];

/** How one example went. */
export interface ExampleOutcome {
  /** Global rule id, `practice/rule`. */
  rule: string;
  /** 1-based position in the rule's examples. */
  index: number;
  example: RuleExample;
  passed: boolean;
  /** What the rule did: `no signal`, or its strongest signal and where. */
  got: string;
}

/**
 * Audit one example of a rule. `custom` are the config's practices (examples of custom
 * practices are audited with them, as the repository would be).
 */
export async function checkRuleExample(
  knowledge: KnowledgeBase, practice: Practice, rule: DetectionRule, index: number, custom: readonly Practice[] = [],
): Promise<ExampleOutcome> {
  const example = rule.examples![index];
  const config: Config = { ...EMPTY_CONFIG, practices: [...custom] };
  const files = Object.fromEntries(example.files.map((f) => [f.path, f.text]));
  const report = await audit(createMemoryHost(files), { knowledge, config, rootName: 'example', tool: { name: 'mlops-lens', version: 'examples' } });
  const ruleId = `${practice.id}/${rule.id}`;
  const signals = report.practices.find((p) => p.id === practice.id)?.signals.filter((s) => s.rule === ruleId) ?? [];
  const strongest = [...signals].sort((a, b) => STRENGTH_ORDER.indexOf(b.strength) - STRENGTH_ORDER.indexOf(a.strength))[0];
  const got = strongest
    ? `${strongest.strength} signal at ${strongest.path}${strongest.line !== undefined ? `:${strongest.line}` : ''}${strongest.detail ? ` (${strongest.detail})` : ''}`
    : 'no signal';
  const passed = example.expect === 'none' ? signals.length === 0 : strongest?.strength === example.expect;
  return { rule: ruleId, index: index + 1, example, passed, got };
}

/** Every example of these practices' rules, in order. */
export async function checkRuleExamples(knowledge: KnowledgeBase, practices: readonly Practice[], custom: readonly Practice[] = []): Promise<ExampleOutcome[]> {
  const outcomes: ExampleOutcome[] = [];
  for (const practice of practices) {
    for (const rule of practice.detect) {
      for (let i = 0; i < (rule.examples ?? []).length; i++) outcomes.push(await checkRuleExample(knowledge, practice, rule, i, custom));
    }
  }
  return outcomes;
}

/** The rules of these practices that lack a positive example or a near miss. */
export function rulesLackingExamples(practices: readonly Practice[]): string[] {
  return practices.flatMap((practice) => practice.detect.flatMap((rule) => {
    const examples = rule.examples ?? [];
    const missing = [
      ...(examples.some((e) => e.expect !== 'none') ? [] : ['a positive example']),
      ...(examples.some((e) => e.expect === 'none') ? [] : ['a near miss (expect: none)']),
    ];
    return missing.length > 0 ? [`${practice.id}/${rule.id}: ${missing.join(' and ')}`] : [];
  }));
}
