/** `dependency`: a declared Python dependency. */
import { req, texts } from '../../knowledge/fields';
import { normalizeDistName } from '../../facts/python/requirementName';
import type { RuleBase, RuleKindDefinition } from './kind';
import { DEPENDENCY_FILES } from './evidence';

/** A Python dependency with one of these names is declared. */
export interface DependencyRule extends RuleBase { kind: 'dependency'; names: string[] }

export const dependencyKind: RuleKindDefinition<DependencyRule> = {
  kind: 'dependency',
  matches: 'a declared Python dependency (requirements, pyproject, setup.py/cfg, Pipfile, conda); names PEP 503-normalised',
  fields: { names: { ...req(texts), doc: 'distribution names' } },
  // Declaring a dependency only mentions a tool.
  defaultStrength: 'mentioned',
  evidenceFiles: () => DEPENDENCY_FILES,
  locality: () => 'file',
  match: (rule, facts) => {
    const names = new Set(rule.names.map(normalizeDistName));
    return facts.dependencies.filter((d) => names.has(d.name)).map((d) => ({ path: d.path, line: d.line, detail: `${d.name}${d.spec}` }));
  },
};
