/** `file`: a file whose path matches a glob exists. */
import { req, texts } from '../../knowledge/fields';
import { indexFacts } from '../factIndex';
import type { RuleBase, RuleKindDefinition } from './kind';

/** A file whose path matches one of the globs exists. */
export interface FileRule extends RuleBase { kind: 'file'; glob: string[] }

export const fileKind: RuleKindDefinition<FileRule> = {
  kind: 'file',
  matches: 'a file whose repository path matches a glob (minimatch, `dot: true`, case-insensitive); `.git` is listed as an entry',
  fields: { glob: { ...req(texts), doc: 'globs of repository paths' } },
  defaultStrength: 'configured',
  reads: (rule) => ({ watch: rule.glob }),
  // A file is listed even when it cannot be read: only a folder that cannot be listed hides it.
  evidenceFiles: (rule) => ({ globs: rule.glob, parsed: false }),
  locality: () => 'listing',
  match: (rule, facts) => indexFacts(facts).files.matching(rule.glob).map((path) => ({ path })),
};
