/** `dockerfile`: a Dockerfile instruction. */
import { opt, regex, req } from '../../knowledge/fields';
import { matchesLine } from '../patterns';
import type { RuleBase, RuleKindDefinition } from './kind';
import { DOCKERFILES } from './evidence';

/** A Dockerfile instruction (optionally with arguments matching the pattern). */
export interface DockerfileRule extends RuleBase { kind: 'dockerfile'; instruction: string; pattern?: string }

export const dockerfileKind: RuleKindDefinition<DockerfileRule> = {
  kind: 'dockerfile',
  matches: 'a Dockerfile instruction (upper case, e.g. `FROM`) whose arguments match the regex',
  fields: {
    instruction: { ...req({ type: 'string', pattern: /^[A-Z]+$/, hint: 'an upper-case Dockerfile instruction' }), doc: 'the instruction, upper case' },
    pattern: { ...opt(regex), doc: 'a regex its arguments must match' },
  },
  defaultStrength: 'configured',
  patterns: (rule) => (rule.pattern === undefined ? [] : [{ field: ['pattern'], pattern: rule.pattern }]),
  evidenceFiles: () => DOCKERFILES,
  locality: () => 'file',
  match: (rule, facts, { engine }) =>
    facts.dockerfiles.flatMap((file) =>
      file.instructions
        .filter((i) => i.keyword.toUpperCase() === rule.instruction && (rule.pattern === undefined || matchesLine(rule.pattern, i.args, engine)))
        .map((i) => ({ path: file.path, line: i.line, detail: `${i.keyword} ${i.args}` }))),
};
