/** `ci-command`: a CI step's command line matches a pattern. */
import type { CiTrigger } from '../../model/knowledge';
import { opt, regexes, req, triggers } from '../../knowledge/fields';
import { linesWithoutFollowedRunners } from '../../facts/ci/follow';
import { ciSteps, commandLine, followed } from '../ciSteps';
import type { RuleBase, RuleKindDefinition } from './kind';
import { CI_FILES } from './evidence';

/**
 * A CI step runs a command matching one of the patterns (optionally only in jobs run by one
 * of `triggers`, and never in jobs also run by one of `exceptTriggers`). With
 * `skipFollowedRunners`, a `tox` or `nox` call whose configuration was read is left out of
 * its line: the commands it leads to decide.
 */
export interface CiCommandRule extends RuleBase { kind: 'ci-command'; patterns: string[]; triggers?: CiTrigger[]; exceptTriggers?: CiTrigger[]; skipFollowedRunners?: boolean }

export const ciCommandKind: RuleKindDefinition<CiCommandRule> = {
  kind: 'ci-command',
  matches: 'a CI step\'s shell command has a line matching a regex (commented-out lines never match); with `triggers`, only in pipelines or jobs run by one of them (`push`, `pull_request`, `tag`, `schedule`, `data` — new data landing or a monitoring alarm —, `manual`, `other`); with `exceptTriggers`, never in jobs also run by one of those',
  fields: {
    patterns: { ...req(regexes), doc: 'regexes matched against each command line' },
    triggers: { ...opt(triggers), doc: 'only jobs run by one of these triggers' },
    exceptTriggers: { ...opt(triggers), doc: 'never jobs also run by one of these triggers' },
    skipFollowedRunners: {
      ...opt({ type: 'boolean' }),
      doc: 'when true, a `tox` or `nox` call the scan followed into tox.ini, setup.cfg or noxfile.py is left out of its line (`tox -e lint` does not match `tox`): the commands of the environments or sessions it runs, matched as steps of their own, decide; a call whose configuration could not be read still matches',
    },
  },
  defaultStrength: 'ci',
  patterns: (rule) => rule.patterns.map((pattern, i) => ({ field: ['patterns', i], pattern })),
  evidenceFiles: () => CI_FILES,
  match: (rule, facts, { engine }) =>
    ciSteps(facts, rule.triggers, rule.exceptTriggers).flatMap(({ path, step }) => {
      const lines = step.command === undefined ? undefined : rule.skipFollowedRunners ? linesWithoutFollowedRunners(step) : step.command;
      const line = lines === undefined ? undefined : commandLine(lines, rule.patterns, engine);
      return line === undefined ? [] : [{ path, line: step.line, detail: followed(line.trim(), step) }];
    }),
};
