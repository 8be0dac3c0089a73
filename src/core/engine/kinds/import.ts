/** `import`: a Python import of a module or a submodule. */
import { req, texts } from '../../knowledge/fields';
import { importedModuleIn, importsOfModule } from '../factIndex';
import type { RuleBase, RuleKindDefinition } from './kind';

/** A Python module (or a submodule of it) is imported by a script or notebook. */
export interface ImportRule extends RuleBase { kind: 'import'; modules: string[] }

export const importKind: RuleKindDefinition<ImportRule> = {
  kind: 'import',
  matches: 'a Python import of the module or any submodule (scripts and notebooks); `from a.b import c` imports `a.b.c` when `c` is a submodule named by the rule',
  fields: { modules: { ...req(texts), doc: 'dotted module names' } },
  defaultStrength: 'configured',
  locality: () => 'file',
  match: (rule, facts) =>
    rule.modules.flatMap((m) => importsOfModule(facts, m).map((i) => ({ path: i.path, line: i.line, detail: `import ${importedModuleIn(i, m)}` }))),
};
