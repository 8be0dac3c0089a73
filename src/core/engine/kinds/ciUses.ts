/** `ci-uses`: a CI step uses a reusable action, orb, task or template. */
import { req, texts } from '../../knowledge/fields';
import { globMatcher } from '../../scan/globs';
import { ciSteps, followed } from '../ciSteps';
import type { RuleBase, RuleKindDefinition } from './kind';
import { CI_FILES } from './evidence';

/** A CI step uses a reusable action/orb/template matching one of the globs. */
export interface CiUsesRule extends RuleBase { kind: 'ci-uses'; names: string[] }

export const ciUsesKind: RuleKindDefinition<CiUsesRule> = {
  kind: 'ci-uses',
  matches: 'a CI step uses a reusable action, orb, task or template matching a glob (without `@version`)',
  fields: { names: { ...req(texts), doc: 'globs of action, orb, task or template names' } },
  defaultStrength: 'ci',
  evidenceFiles: () => CI_FILES,
  match: (rule, facts) => {
    const match = globMatcher(rule.names);
    return ciSteps(facts).filter(({ step }) => step.uses && match(step.uses)).map(({ path, step }) => ({ path, line: step.line, detail: followed(`uses ${step.uses}`, step) }));
  },
};
