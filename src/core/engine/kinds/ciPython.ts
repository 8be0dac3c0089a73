/** `ci-python`: a Python file of the repository that CI runs uses an ML module. */
import type { CiTrigger } from '../../model/knowledge';
import { opt, regex, req, texts, triggers } from '../../knowledge/fields';
import { globMatcher } from '../../scan/globs';
import { ciSteps, followed } from '../ciSteps';
import { importedModuleIn, indexFacts, inModule } from '../factIndex';
import { matchesLine } from '../patterns';
import type { RuleBase, RuleKindDefinition } from './kind';
import { CI_FILES } from './evidence';

/**
 * A Python file of the repository that a CI step runs (directly or through a followed
 * make target, script or job spec) imports one of the modules, and, with `calls`, makes a
 * call matching one of the globs; with `unless`, not when the step's command matches it.
 */
export interface CiPythonRule extends RuleBase { kind: 'ci-python'; imports: string[]; calls?: string[]; triggers?: CiTrigger[]; unless?: string }

export const ciPythonKind: RuleKindDefinition<CiPythonRule> = {
  kind: 'ci-python',
  matches: 'a Python file of the repository that a CI step runs imports one of the modules (or calls into it), and with `calls` makes a call matching a glob (`*.fit`); with `unless`, not when the step\'s command matches that regex (a one-epoch smoke run)',
  fields: {
    imports: { ...req(texts), doc: 'modules the script must import' },
    calls: { ...opt(texts), doc: 'globs of calls the script must make' },
    triggers: { ...opt(triggers), doc: 'only jobs run by one of these triggers' },
    unless: { ...opt(regex), doc: 'a regex; steps whose command matches it do not count' },
  },
  defaultStrength: 'ci',
  patterns: (rule) => (rule.unless === undefined ? [] : [{ field: ['unless'], pattern: rule.unless }]),
  evidenceFiles: () => CI_FILES,
  match: (rule, facts, { engine }) => {
    const { importsByPath, callsByPath } = indexFacts(facts);
    const calls = rule.calls ? globMatcher(rule.calls) : undefined;
    return ciSteps(facts, rule.triggers).flatMap(({ path, step }) => {
      if (step.python === undefined) return [];
      if (rule.unless !== undefined && matchesLine(rule.unless, step.command ?? '', engine)) return [];
      const inRuleModules = (name: string) => rule.imports.some((m) => inModule(name, m));
      const fileCalls = callsByPath.get(step.python) ?? [];
      // `from google.cloud import aiplatform` imports `google.cloud`; the calls show the module used.
      const module = (importsByPath.get(step.python) ?? []).flatMap((i) => rule.imports.map((m) => importedModuleIn(i, m))).find((m) => m !== undefined)
        ?? fileCalls.find((c) => inRuleModules(c.name))?.name;
      if (module === undefined || (calls && !fileCalls.some((c) => calls(c.name)))) return [];
      return [{ path, line: step.line, detail: followed(`runs ${step.python} (uses ${module})`, step) }];
    });
  },
};
