/**
 * Every example a rule in knowledge/ carries, run through the real audit: a positive example
 * must give the rule's signal at the expected strength, a negative one (`expect: none`) no
 * signal of that rule. Coverage (rules with examples) is printed and may not fall below the
 * floor below, which rises as examples are added.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../src/core/audit';
import { EMPTY_CONFIG } from '../../src/core/config/config';
import type { Strength } from '../../src/core/model/knowledge';
import { knowledge, TEST_TOOL } from '../helpers/auditFixture';
import { createMemoryHost } from '../helpers/memoryHost';

/** Rules with examples: the count may only grow. */
const COVERAGE_FLOOR = 460;

const STRENGTH_ORDER: readonly Strength[] = ['mentioned', 'configured', 'ci'];

const practices = knowledge().practices;
const rules = practices.flatMap((practice) => practice.detect.map((rule) => ({ practice, rule })));
const covered = rules.filter(({ rule }) => (rule.examples?.length ?? 0) > 0);

describe('rule examples', () => {
  it(`coverage: ${covered.length} of ${rules.length} rules carry examples (floor ${COVERAGE_FLOOR})`, () => {
    console.log(`RULE EXAMPLES: ${covered.length} of ${rules.length} rules carry examples; ${rules.length - covered.length} have none yet`);
    assert.ok(covered.length >= COVERAGE_FLOOR, `only ${covered.length} rules carry examples; the floor is ${COVERAGE_FLOOR}`);
  });

  for (const { practice, rule } of covered) {
    const ruleId = `${practice.id}/${rule.id}`;
    rule.examples!.forEach((example, index) => {
      const label = `${ruleId} #${index + 1}: ${example.expect === 'none' ? 'does not fire' : `fires (${example.expect})`}${example.note ? ` — ${example.note}` : ''}`;
      it(label, async () => {
        const files = Object.fromEntries(example.files.map((f) => [f.path, f.text]));
        const report = await audit(createMemoryHost(files), { knowledge: knowledge(), config: EMPTY_CONFIG, rootName: 'example', tool: TEST_TOOL });
        const signals = report.practices.find((p) => p.id === practice.id)?.signals.filter((s) => s.rule === ruleId) ?? [];
        if (example.expect === 'none') {
          assert.deepEqual(signals.map((s) => `${s.path}:${s.line ?? ''} ${s.detail ?? ''}`), [], 'the rule must not fire');
          return;
        }
        assert.ok(signals.length > 0, `the rule must fire (expected strength ${example.expect})`);
        const strongest = signals.map((s) => s.strength).sort((a, b) => STRENGTH_ORDER.indexOf(b) - STRENGTH_ORDER.indexOf(a))[0];
        assert.equal(strongest, example.expect);
      });
    });
  }
});
