/**
 * Property: on any small repository tree (meaningful and odd paths; valid, mutated,
 * random or empty contents; symlinks), `audit()` resolves with a schema-valid report
 * whose signals and findings point into the tree, and every format renders.
 */
import { after, test } from 'node:test';
import fc from 'fast-check';
import { audit } from '../../../src/core/audit';
import { EMPTY_CONFIG } from '../../../src/core/config/config';
import type { StageId } from '../../../src/core/model/knowledge';
import { knowledge, TEST_TOOL } from '../../helpers/auditFixture';
import { createMemoryHost } from '../../helpers/memoryHost';
import { params, SEED, treeArb } from './arbitraries';
import { checkReport } from './schema';

const NUM_RUNS = 3000;
let cases = 0;

after(() => console.log(`property cases: ${cases} (seed ${SEED})`));

test('audit() of a random in-memory tree resolves with a valid, renderable report', async () => {
  const kb = knowledge();
  await fc.assert(
    fc.asyncProperty(
      treeArb,
      fc.constantFrom<StageId | undefined>(undefined, 'prototype', 'pilot', 'production'),
      fc.constantFrom(EMPTY_CONFIG.limits.maxFileBytes, 1024),
      fc.boolean(),
      async (tree, stage, maxFileBytes, enclosingGit) => {
        cases++;
        const host = createMemoryHost(tree, { enclosingGit });
        const config = { ...EMPTY_CONFIG, limits: { ...EMPTY_CONFIG.limits, maxFileBytes } };
        const report = await audit(host, { knowledge: kb, config, stage, rootName: 'repo', tool: TEST_TOOL });
        // With a git folder at or above the root, the scanner lists '.git' (never read) for the VCS practice.
        const hasGit = enclosingGit || [...tree.keys()].some((p) => p === '.git' || p.startsWith('.git/'));
        checkReport(report, new Set([...tree.keys(), ...(hasGit ? ['.git'] : [])]));
      },
    ),
    params(NUM_RUNS),
  );
});
