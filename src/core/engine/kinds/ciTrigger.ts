/** `ci-trigger`: a CI pipeline runs on one of the triggers. */
import type { CiStep } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import { opt, regexes, req, texts, triggers } from '../../knowledge/fields';
import { globMatcher } from '../../scan/globs';
import { commandLines } from '../../facts/ci/follow';
import { matchesLine } from '../patterns';
import type { RuleBase, RuleKindDefinition } from './kind';
import { CI_FILES } from './evidence';

/**
 * A CI pipeline is triggered by one of these triggers; with `ignoreSteps`, only through a
 * job that runs some step other than those (housekeeping: checkouts, bots, link checks).
 */
export interface CiTriggerRule extends RuleBase {
  kind: 'ci-trigger';
  triggers: CiTrigger[];
  ignoreSteps?: { uses?: string[]; patterns?: string[] };
}

export const ciTriggerKind: RuleKindDefinition<CiTriggerRule> = {
  kind: 'ci-trigger',
  matches: 'a CI pipeline runs on one of the triggers; with `ignoreSteps` (`uses[]` globs, `patterns[]` regexes), only through a job that runs some step other than those (housekeeping such as checkouts or bots)',
  fields: {
    triggers: { ...req(triggers), doc: 'the triggers, any of which counts' },
    ignoreSteps: {
      ...opt({ type: 'object', fields: { uses: opt(texts), patterns: opt(regexes) } }),
      doc: 'steps that do not count: `uses` globs and command `patterns`',
    },
  },
  defaultStrength: 'ci',
  patterns: (rule) => (rule.ignoreSteps?.patterns ?? []).map((pattern, i) => ({ field: ['ignoreSteps', 'patterns', i], pattern })),
  evidenceFiles: () => CI_FILES,
  match: (rule, facts, { engine }) => {
    const ignoredUses = globMatcher(rule.ignoreSteps?.uses ?? []);
    const ignored = (step: CiStep) => (step.uses !== undefined && ignoredUses(step.uses))
      || (step.command !== undefined && commandLines(step.command).every((l) => (rule.ignoreSteps?.patterns ?? []).some((p) => matchesLine(p, l, engine))));
    return facts.ci.flatMap((pipeline) => {
      // A pipeline counts through its jobs on these triggers that do more than ignored steps.
      const jobs = pipeline.jobs.filter((job) => (job.triggers ?? pipeline.triggers).some((t) => rule.triggers.includes(t)));
      const working = rule.ignoreSteps ? jobs.filter((job) => job.steps.some((step) => !ignored(step))) : jobs;
      const triggers = new Set(rule.ignoreSteps ? working.flatMap((j) => j.triggers ?? pipeline.triggers) : [...pipeline.triggers, ...pipeline.jobs.flatMap((j) => j.triggers ?? [])]);
      const hit = rule.triggers.find((t) => triggers.has(t));
      return hit ? [{ path: pipeline.path, line: pipeline.line, detail: `on ${hit}` }] : [];
    });
  },
};
