/** `yaml`: a key path (optionally with a value) in a YAML document. */
import { opt, regex, req, text, texts } from '../../knowledge/fields';
import { globMatcher } from '../../scan/globs';
import { indexFacts } from '../factIndex';
import { matchesLine, type PatternEngine } from '../patterns';
import { findKeyPaths } from '../yamlPaths';
import type { RuleBase, RuleKindDefinition } from './kind';

/** A key path (`*` wildcards) that must exist, optionally holding a scalar matching `value`. */
export interface YamlKeyCondition { key: string; value?: string }
/**
 * A YAML document in a matching file holds the key path (optionally with a matching value);
 * with `where`, the node found there must also hold each of these key paths (relative to it),
 * and with `unless`, none of those.
 */
export interface YamlRule extends RuleBase { kind: 'yaml'; files: string[]; key: string; value?: string; where?: YamlKeyCondition[]; unless?: YamlKeyCondition[] }

/** Key paths relative to the node found, each with an optional value regex. */
const keyConditions = opt({ type: 'array', items: { type: 'object', fields: { key: req(text), value: opt(regex) } }, minItems: 1 });

export const yamlKind: RuleKindDefinition<YamlRule> = {
  kind: 'yaml',
  matches: 'a YAML document in a matching file holds the dot-separated key path (`*` matches any key or list index), optionally with a scalar matching the `value` regex; each `where` entry (`{key, value?}`) is a key path relative to the node found that must exist too (e.g. a CloudFormation resource of a `Type` with a `Properties.ScheduleExpression`), and no `unless` entry may (a job whose `schedule.pause_status` is `PAUSED`)',
  fields: {
    files: { ...req(texts), doc: 'globs of the YAML files to read' },
    key: { ...req(text), doc: 'a dot-separated key path, `*` for any key or index' },
    value: { ...opt(regex), doc: 'a regex a scalar at the key (or an item of a list there) must match' },
    where: { ...keyConditions, doc: 'key paths (with optional value regexes) that must exist under the node found' },
    unless: { ...keyConditions, doc: 'key paths (with optional value regexes) that must not exist under the node found' },
  },
  defaultStrength: 'configured',
  patterns: (rule) => [
    ...(rule.value === undefined ? [] : [{ field: ['value'], pattern: rule.value }]),
    ...(['where', 'unless'] as const).flatMap((field) => (rule[field] ?? [])
      .flatMap((w, i) => (w.value === undefined ? [] : [{ field: [field, i, 'value'], pattern: w.value }]))),
  ],
  reads: (rule) => ({ yamlKeys: [{ files: rule.files, key: rule.key }], watch: rule.files }),
  evidenceFiles: (rule) => ({ globs: rule.files, parsed: true }),
  locality: () => 'file',
  match: (rule, facts, { engine }) => {
    const match = globMatcher(rule.files);
    const { matchPathOf } = indexFacts(facts);
    const keyPath = rule.key.split('.');
    const conditions = (list: YamlKeyCondition[] | undefined) => (list ?? []).map((w) => ({ key: w.key.split('.'), value: w.value }));
    const where = conditions(rule.where);
    const unless = conditions(rule.unless);
    return facts.yamlDocuments
      .filter((doc) => match(matchPathOf(doc.path)))
      .flatMap((doc) => findKeyPaths(doc.value, keyPath)
        .filter((found) => valueMatches(found.value, rule.value, engine))
        .filter((found) => where.every((w) => holds(found.value, w.key, w.value, engine)))
        .filter((found) => !unless.some((w) => holds(found.value, w.key, w.value, engine)))
        .map((found) => ({
          path: doc.path,
          line: doc.lineOf?.(found.path) ?? doc.line,
          detail: found.path.join('.'),
        })));
  },
};

function valueMatches(value: unknown, pattern: string | undefined, engine: PatternEngine): boolean {
  return pattern === undefined || scalarsOf(value).some((v) => matchesLine(pattern, String(v), engine));
}

function holds(value: unknown, key: string[], pattern: string | undefined, engine: PatternEngine): boolean {
  return findKeyPaths(value, key).some((found) => valueMatches(found.value, pattern, engine));
}

/** The scalar at a key, or the scalars of a list there (a rule's value may match any item). */
function scalarsOf(value: unknown, depth = 0): (string | number | boolean)[] {
  if (isScalar(value)) return [value];
  if (Array.isArray(value)) return value.flatMap((item) => (isScalar(item) ? [item] : depth < 3 && isIntrinsic(item) ? scalarsOf(item, depth + 1) : []));
  // A CloudFormation intrinsic (`!Sub "arn:..."` reads as {'Fn::Sub': 'arn:...'}) stands for
  // the value its argument spells out.
  return depth < 3 && isIntrinsic(value) ? scalarsOf(Object.values(value)[0], depth + 1) : [];
}

function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
