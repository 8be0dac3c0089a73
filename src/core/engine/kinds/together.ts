/** `together`: every sub-rule matches within one scope. */
import type { Facts } from '../../model/facts';
import { opt, req } from '../../knowledge/fields';
import { importScope } from '../importScope';
import { detectionRuleShape, type DetectionRule } from './index';
import type { RuleBase, RuleKindDefinition } from './kind';

/** Where the sub-rules of a `together` rule must all match: one file, a file and the repository modules it imports, or anywhere. */
export type TogetherScope = 'file' | 'imports' | 'repository';
/** Every sub-rule matches within one scope; signals are placed at the first sub-rule's matches. */
export interface TogetherRule extends RuleBase { kind: 'together'; scope?: TogetherScope; rules: DetectionRule[] }

export const togetherKind: RuleKindDefinition<TogetherRule> = {
  kind: 'together',
  matches: 'every sub-rule matches within one scope; the signal is placed at the first sub-rule\'s match and names where the others matched. `scope`: `file` (default: the same file), `imports` (the file and the repository modules it imports, relative imports included, followed up to three imports deep; a package\'s `__init__.py` counts but its imports are not followed, except to the module it re-exports an imported name from), `repository` (anywhere). Sub-rules keep their own `exclude`; their `strength` and `tool` are not used',
  fields: {
    scope: { ...opt({ type: 'enum', values: ['file', 'imports', 'repository'] }), doc: 'where the sub-rules must match together (default `file`)' },
    rules: { ...req({ type: 'array', items: { type: 'lazy', name: 'rule', get: detectionRuleShape }, minItems: 2 }), doc: 'two or more rules' },
  },
  defaultStrength: 'configured',
  subRules: (rule) => rule.rules.map((sub, i) => ({ field: ['rules', i], rule: sub })),
  match: (rule, facts, { hitsOf }) => {
    const [anchor, ...others] = rule.rules.map((r) => hitsOf(r));
    return anchor.flatMap((hit) => {
      const scope = scopeOf(rule, facts, hit.path);
      const companions = others.map((hits) => hits.find((h) => scope === 'anywhere' || scope.has(h.path)));
      if (companions.some((c) => c === undefined)) return [];
      // A hit without detail (a file) is its path: named once.
      const withWhat = companions.map((c) => (c!.detail === undefined ? c!.path : `${c!.detail}${c!.path === hit.path ? '' : ` in ${c!.path}`}`)).join(', ');
      return [{ ...hit, detail: `${hit.detail ?? hit.path} with ${withWhat}` }];
    });
  },
};

/** The paths the other sub-rules must match in, around one match of the first. */
function scopeOf(rule: TogetherRule, facts: Facts, path: string): ReadonlySet<string> | 'anywhere' {
  switch (rule.scope) {
    case 'repository': return 'anywhere';
    case 'imports': return importScope(facts, path);
    default: return new Set([path]);
  }
}
