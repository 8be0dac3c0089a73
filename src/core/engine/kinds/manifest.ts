/** `manifest`: a Kubernetes-style manifest of a kind. */
import { req, texts } from '../../knowledge/fields';
import type { RuleBase, RuleKindDefinition } from './kind';

/** A Kubernetes-style manifest of one of these kinds. */
export interface ManifestRule extends RuleBase { kind: 'manifest'; kinds: string[] }

export const manifestKind: RuleKindDefinition<ManifestRule> = {
  kind: 'manifest',
  matches: 'a Kubernetes-style manifest of one of the kinds (`Deployment`, `InferenceService`, `CronJob`, ...)',
  fields: { kinds: { ...req(texts), doc: 'manifest `kind` values, any case' } },
  defaultStrength: 'configured',
  locality: () => 'file',
  match: (rule, facts) => {
    const kinds = new Set(rule.kinds.map((k) => k.toLowerCase()));
    return facts.manifests.filter((m) => kinds.has(m.kind.toLowerCase())).map((m) => ({ path: m.path, line: m.line, detail: `kind: ${m.kind}` }));
  },
};
