/**
 * Every example a rule in knowledge/ carries, run through the real audit (src/core/ruleExamples.ts):
 * a positive example must give the rule's signal at the expected strength, a negative one
 * (`expect: none`) no signal of that rule. Every rule must carry at least one of each.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkRuleExample, rulesLackingExamples } from '../../src/core/ruleExamples';
import { knowledge } from '../helpers/auditFixture';

const practices = knowledge().practices;
const rules = practices.flatMap((practice) => practice.detect.map((rule) => ({ practice, rule })));
const covered = rules.filter(({ rule }) => (rule.examples?.length ?? 0) > 0);

describe('rule examples', () => {
  it(`every rule carries a positive example and a near miss (${covered.length} of ${rules.length} carry examples)`, () => {
    console.log(`RULE EXAMPLES: ${covered.length} of ${rules.length} rules carry examples`);
    assert.deepEqual(rulesLackingExamples(practices), [], 'rules without examples');
  });

  for (const { practice, rule } of covered) {
    const ruleId = `${practice.id}/${rule.id}`;
    rule.examples!.forEach((example, index) => {
      const label = `${ruleId} #${index + 1}: ${example.expect === 'none' ? 'does not fire' : `fires (${example.expect})`}${example.note ? ` — ${example.note}` : ''}`;
      it(label, async () => {
        const outcome = await checkRuleExample(knowledge(), practice, rule, index);
        assert.ok(outcome.passed, `expected ${example.expect === 'none' ? 'no signal' : `a ${example.expect} signal`}; got ${outcome.got}`);
      });
    });
  }
});
