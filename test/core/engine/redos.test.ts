/**
 * Proof that no knowledge-base pattern backtracks catastrophically on V8 (issue 11).
 * recheck decides each pattern: by automata theory where it can (a proof), by fuzzing
 * for lookaround. Exponential patterns fail, and so do polynomial ones of degree 3 or
 * more: on a line cut to MAX_MATCHED_LINE, a quadratic pattern costs milliseconds, a
 * cubic one seconds. An undecided pattern fails too: no verdict is no proof.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { check, type Diagnostics } from 'recheck';
import { flattenRules, patternsOf } from '../../../src/core/engine/kinds';
import { knowledge } from '../../helpers/auditFixture';

/** Highest polynomial degree allowed (see above). */
const MAX_DEGREE = 2;
/** Per pattern; recheck counts time queued in its agent, hence the generous bound. */
const PARAMS = { timeout: 30_000 };

/** Why a verdict is unacceptable, or undefined. */
function problem(d: Diagnostics): string | undefined {
  if (d.status === 'safe') return undefined;
  if (d.status === 'unknown') return `recheck could not decide (${d.error.kind})`;
  const { complexity, attack } = d;
  if (complexity.type === 'polynomial' && complexity.degree <= MAX_DEGREE) return undefined;
  return `${complexity.summary}, attack ${attack.pattern}`;
}

/** Every pattern the knowledge base runs on V8: rule patterns and the scope's publish commands. */
function knowledgePatterns(): string[] {
  const kb = knowledge();
  const rules = kb.practices.flatMap((p) => flattenRules(p.detect)).flatMap((r) => patternsOf(r).map((rp) => rp.pattern));
  return [...new Set([...rules, ...kb.scope.libraries.publishCommands])];
}

/** Check patterns a few at a time: recheck's one agent process uses the cores, a queue of hundreds would time out. */
async function checkAll(patterns: readonly string[]): Promise<Diagnostics[]> {
  const results: Diagnostics[] = [];
  let next = 0;
  const worker = async () => {
    while (next < patterns.length) {
      const i = next++;
      results[i] = await check(patterns[i], 'i', PARAMS);
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, worker));
  return results;
}

test('recheck flags exponential and high-degree polynomial patterns', async () => {
  const [exponential, quintic, quadratic] = await checkAll(['(a|aa)+$', '.*.*.*.*x', '\\bsetup\\.py\\b.*\\bupload\\b']);
  assert.match(problem(exponential) ?? '', /exponential/);
  assert.match(problem(quintic) ?? '', /5th degree polynomial/);
  assert.equal(problem(quadratic), undefined, 'quadratic on a 2,000-character line is allowed');
});

test('no knowledge-base pattern backtracks catastrophically', { timeout: 300_000 }, async () => {
  const patterns = knowledgePatterns();
  assert.ok(patterns.length > 200, `found only ${patterns.length} patterns`);
  const results = await checkAll(patterns);
  // Fuzzing (patterns with lookaround) estimates a degree from timings, and a timeout gives
  // no verdict: a busy machine can cause either. Such a result counts only when two more
  // checks, one at a time, agree. A proof by the automaton never varies.
  const timingBound = (d: Diagnostics) => d.status === 'unknown' || (d.status === 'vulnerable' && d.checker === 'fuzz' && d.complexity.type === 'polynomial');
  const suspects = patterns.filter((_, i) => problem(results[i]) !== undefined && timingBound(results[i]));
  const confirmed = new Set<string>();
  for (const p of suspects) {
    const again = [await check(p, 'i', PARAMS), await check(p, 'i', PARAMS)];
    if (again.every((d) => problem(d) !== undefined)) confirmed.add(p);
  }
  const failures = patterns.flatMap((p, i) => {
    const why = problem(results[i]);
    return why === undefined || (suspects.includes(p) && !confirmed.has(p)) ? [] : [`${JSON.stringify(p)}: ${why}`];
  });
  assert.deepEqual(failures, [], `unsafe patterns:\n${failures.join('\n')}`);
});
