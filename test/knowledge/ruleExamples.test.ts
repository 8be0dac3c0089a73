/**
 * Every example a rule in knowledge/ carries, run through the real audit: a positive example
 * must give the rule's signal at the expected strength, a negative one (`expect: none`) no
 * signal of that rule. Every rule must carry at least one of each.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../src/core/audit';
import { EMPTY_CONFIG } from '../../src/core/config/config';
import type { Strength } from '../../src/core/model/knowledge';
import { knowledge, TEST_TOOL } from '../helpers/auditFixture';
import { createMemoryHost } from '../helpers/memoryHost';

const STRENGTH_ORDER: readonly Strength[] = ['mentioned', 'configured', 'ci'];

const practices = knowledge().practices;
const rules = practices.flatMap((practice) => practice.detect.map((rule) => ({ practice, rule })));
const covered = rules.filter(({ rule }) => (rule.examples?.length ?? 0) > 0);

describe('rule examples', () => {
  it(`every rule carries a positive example and a near miss (${covered.length} of ${rules.length} carry examples)`, () => {
    console.log(`RULE EXAMPLES: ${covered.length} of ${rules.length} rules carry examples`);
    const lacking = rules.flatMap(({ practice, rule }) => {
      const examples = rule.examples ?? [];
      const missing = [
        ...(examples.some((e) => e.expect !== 'none') ? [] : ['a positive example']),
        ...(examples.some((e) => e.expect === 'none') ? [] : ['a near miss (expect: none)']),
      ];
      return missing.length > 0 ? [`${practice.id}/${rule.id}: ${missing.join(' and ')}`] : [];
    });
    assert.deepEqual(lacking, [], 'rules without examples');
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
