/**
 * The registry of detection rule kinds: the one list the schema, the loader, read planning,
 * the config validator, the engine and the generated documentation read.
 */
import type { CallRule } from './call';
import type { CiCommandRule } from './ciCommand';
import type { CiPythonRule } from './ciPython';
import type { CiTriggerRule } from './ciTrigger';
import type { CiUsesRule } from './ciUses';
import type { ContentRule } from './content';
import type { DependencyRule } from './dependency';
import type { DockerfileRule } from './dockerfile';
import type { FileRule } from './file';
import type { ImportRule } from './import';
import type { ManifestRule } from './manifest';
import type { PinnedRequirementsRule } from './pinnedRequirements';
import type { TogetherRule } from './together';
import type { YamlRule } from './yaml';
import type { ObjectShape, Shape } from '../../knowledge/shape';
import { RULE_BASE_FIELDS, type EvidenceFiles, type ReadNeeds, type RuleKindDefinition, type RulePattern } from './kind';
import { callKind } from './call';
import { ciCommandKind } from './ciCommand';
import { ciPythonKind } from './ciPython';
import { ciTriggerKind } from './ciTrigger';
import { ciUsesKind } from './ciUses';
import { contentKind } from './content';
import { dependencyKind } from './dependency';
import { dockerfileKind } from './dockerfile';
import { fileKind } from './file';
import { importKind } from './import';
import { manifestKind } from './manifest';
import { pinnedRequirementsKind } from './pinnedRequirements';
import { togetherKind } from './together';
import { yamlKind } from './yaml';

/** A declarative detection rule, interpreted by the generic rule engine. */
export type DetectionRule =
  | FileRule | DependencyRule | ImportRule | CallRule | YamlRule | CiCommandRule | CiUsesRule
  | CiTriggerRule | CiPythonRule | DockerfileRule | ManifestRule | ContentRule | PinnedRequirementsRule | TogetherRule;

export type RuleKind = DetectionRule['kind'];

/** Every kind, by name, in documentation order (the mapped type makes the list exhaustive). */
export const RULE_KINDS: { readonly [K in RuleKind]: RuleKindDefinition<Extract<DetectionRule, { kind: K }>> } = {
  file: fileKind,
  dependency: dependencyKind,
  import: importKind,
  call: callKind,
  yaml: yamlKind,
  'ci-command': ciCommandKind,
  'ci-uses': ciUsesKind,
  'ci-trigger': ciTriggerKind,
  'ci-python': ciPythonKind,
  dockerfile: dockerfileKind,
  manifest: manifestKind,
  content: contentKind,
  'pinned-requirements': pinnedRequirementsKind,
  together: togetherKind,
};

/** The definition of a rule's kind. */
export function kindOf<R extends DetectionRule>(rule: R): RuleKindDefinition<R> {
  return RULE_KINDS[rule.kind] as unknown as RuleKindDefinition<R>;
}

/** The rules nested in a rule (not the rule itself), with their place in it. */
function nested(rule: DetectionRule): { field: (string | number)[]; rule: DetectionRule }[] {
  return kindOf(rule).subRules?.(rule) ?? [];
}

/** Every rule with the rules nested in it, for callers that plan what to read. */
export function flattenRules(rules: readonly DetectionRule[]): DetectionRule[] {
  return rules.flatMap((r) => [r, ...flattenRules(nested(r).map((n) => n.rule))]);
}

/** The regular expressions a rule holds (those of nested rules too), with their place in the rule. */
export function patternsOf(rule: DetectionRule): RulePattern[] {
  return [
    ...(kindOf(rule).patterns?.(rule) ?? []),
    ...nested(rule).flatMap((n) => patternsOf(n.rule).map((p) => ({ field: [...n.field, ...p.field], pattern: p.pattern }))),
  ];
}

/** What the scan must read for these rules (nested rules included). */
export function readsOf(rules: readonly DetectionRule[]): Required<ReadNeeds> {
  const needs = flattenRules(rules).map((r) => kindOf(r).reads?.(r) ?? {});
  return {
    yamlKeys: needs.flatMap((n) => n.yamlKeys ?? []),
    content: needs.flatMap((n) => n.content ?? []),
    watch: needs.flatMap((n) => n.watch ?? []),
  };
}

let shape: Shape | undefined;

/** The shape of a detection rule: one variant per kind, its fields beside those every rule has (built on first use). */
export function detectionRuleShape(): Shape {
  shape ??= {
    type: 'tagged',
    key: 'kind',
    variants: Object.fromEntries(Object.values(RULE_KINDS).map((k): [string, ObjectShape] => [k.kind, { type: 'object', fields: { ...RULE_BASE_FIELDS, ...k.fields } }])),
  };
  return shape;
}

/**
 * The evidence files of these rules (nested ones too), narrowed to specific globs: a glob
 * naming every file of a type (`**\/*.py`, `**\/*.{yml,yaml}`) would make one broken file
 * anywhere void the practice. Rules that only mention a tool (a declared dependency) are
 * left out: their signal alone never makes a practice more than absent.
 */
export function evidenceFilesOf(rules: readonly DetectionRule[]): EvidenceFiles[] {
  const counting = rules.filter((r) => (r.strength ?? kindOf(r).defaultStrength) !== 'mentioned');
  return flattenRules(counting).flatMap((rule) => {
    const files = kindOf(rule).evidenceFiles?.(rule);
    const globs = files?.globs.filter(isSpecificGlob) ?? [];
    return files && globs.length > 0 ? [{ globs, parsed: files.parsed }] : [];
  });
}

/** A glob with a literal folder, or a file name that does not start with a wildcard. */
function isSpecificGlob(glob: string): boolean {
  const segments = glob.split('/').filter((s) => s !== '**');
  const name = segments.at(-1) ?? '';
  return segments.slice(0, -1).some((s) => /^[\w.-]+$/.test(s)) || !/^[*?{[]/.test(name);
}
