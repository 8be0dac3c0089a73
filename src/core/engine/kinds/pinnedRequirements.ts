/** `pinned-requirements`: a requirements file whose requirements are pinned. */
import { opt } from '../../knowledge/fields';
import type { RuleBase, RuleKindDefinition } from './kind';
import { DEPENDENCY_FILES } from './evidence';

/** A requirements file in which every requirement (or at least `share` of them) is pinned (`==`/`===`) or hashed. */
export interface PinnedRequirementsRule extends RuleBase { kind: 'pinned-requirements'; share?: number }

export const pinnedRequirementsKind: RuleKindDefinition<PinnedRequirementsRule> = {
  kind: 'pinned-requirements',
  matches: 'a requirements file in which every requirement is pinned (`==`, `===`) or hashed; with `share` (0.5 to 1), at least that share of them',
  fields: { share: { ...opt({ type: 'number', min: 0.5, max: 1 }), doc: 'the share of requirements that must be pinned (default 1)' } },
  defaultStrength: 'configured',
  evidenceFiles: () => DEPENDENCY_FILES,
  locality: () => 'file',
  match: (rule, facts) =>
    facts.requirementsFiles
      .filter((r) => r.requirements > 0 && (r.hashed || r.pinned >= r.requirements * (rule.share ?? 1)))
      .map((r) => ({
        path: r.path,
        line: r.line,
        detail: r.hashed ? `${r.requirements} requirements, all pinned with hashes`
          : r.pinned === r.requirements ? `${r.requirements} requirements, all pinned` : `${r.pinned} of ${r.requirements} requirements pinned`,
      })),
};
