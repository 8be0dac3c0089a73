/**
 * The user's `.mlops-lens.yaml`: stage override, excludes, suppressions with reasons,
 * scan limits, and custom practices in the knowledge base's own schema. Every problem
 * is reported with file, line, column and what was expected.
 */
import type { DetectionRule, KnowledgeBase, Practice, StageId } from '../model/knowledge';
import { checkLinearPattern } from '../engine/patterns';
import { DataError, type DataIssue } from '../knowledge/errors';
import { toPractice } from '../knowledge/load';
import { checkPractice, scopeOf } from '../knowledge/references';
import { practiceShape, STAGES } from '../knowledge/schema';
import type { ObjectShape } from '../knowledge/shape';
import { locate, readYamlData } from '../knowledge/yamlFile';
import { DEFAULT_LIMITS, type ScanLimits } from '../scan/scanner';
import { DEFAULT_SCOPE_OPTIONS, type ScopeOptions } from '../scope/options';

export const CONFIG_FILE_NAME = '.mlops-lens.yaml';

/** A validated configuration. */
export interface Config {
  stage?: StageId;
  /** gitignore-style patterns of paths not to scan. */
  excludes: string[];
  /** Practice or trade-off id → the required reason. */
  suppressions: Map<string, string>;
  practices: Practice[];
  limits: ScanLimits;
  /**
   * `true`: the top-level folders are separate projects, judged by the most mature one;
   * `false`: the repository is one project. Unset: recognised from the layout.
   */
  collection?: boolean;
  /** Which files count as the team's own practice. */
  scope: ScopeOptions;
}

export const EMPTY_CONFIG: Config = { excludes: [], suppressions: new Map(), practices: [], limits: DEFAULT_LIMITS, scope: DEFAULT_SCOPE_OPTIONS };

const configShape: ObjectShape = {
  type: 'object',
  fields: {
    stage: { shape: { type: 'enum', values: STAGES }, optional: true },
    collection: { shape: { type: 'boolean' }, optional: true },
    excludes: { shape: { type: 'array', items: { type: 'string' } }, optional: true },
    suppress: {
      optional: true,
      shape: {
        type: 'array',
        items: { type: 'object', fields: { id: { shape: { type: 'string' } }, reason: { shape: { type: 'string' } } } },
      },
    },
    practices: { shape: { type: 'array', items: practiceShape }, optional: true },
    scope: {
      optional: true,
      shape: {
        type: 'object',
        fields: {
          templates: { shape: { type: 'boolean' }, optional: true },
          library: { shape: { type: 'enum', values: ['auto', 'always', 'never'] }, optional: true },
          requireMlCode: { shape: { type: 'boolean' }, optional: true },
          retired: { shape: { type: 'boolean' }, optional: true },
        },
      },
    },
    limits: {
      optional: true,
      shape: {
        type: 'object',
        fields: {
          maxFileBytes: { shape: { type: 'integer', min: 1024, max: 64 * 1024 * 1024 }, optional: true },
          maxFiles: { shape: { type: 'integer', min: 1, max: 10_000_000 }, optional: true },
          maxDepth: { shape: { type: 'integer', min: 1, max: 1000 }, optional: true },
        },
      },
    },
  },
};

/** The regular expressions a rule holds (those of `together` sub-rules too), with their place in the rule. */
function patternsOf(rule: DetectionRule): { field: (string | number)[]; pattern: string }[] {
  switch (rule.kind) {
    case 'ci-command':
      return rule.patterns.map((pattern, i) => ({ field: ['patterns', i], pattern }));
    case 'ci-python':
      return rule.unless === undefined ? [] : [{ field: ['unless'], pattern: rule.unless }];
    case 'content':
      return [
        { field: ['pattern'], pattern: rule.pattern },
        ...(rule.alongside === undefined ? [] : [{ field: ['alongside'], pattern: rule.alongside }]),
      ];
    case 'yaml':
      return [
        ...(rule.value === undefined ? [] : [{ field: ['value'], pattern: rule.value }]),
        ...(rule.where ?? []).flatMap((w, i) => (w.value === undefined ? [] : [{ field: ['where', i, 'value'], pattern: w.value }])),
      ];
    case 'call':
      return rule.value === undefined ? [] : [{ field: ['value'], pattern: rule.value }];
    case 'dockerfile':
      return rule.pattern === undefined ? [] : [{ field: ['pattern'], pattern: rule.pattern }];
    case 'together':
      return rule.rules.flatMap((sub, i) => patternsOf(sub).map(({ field, pattern }) => ({ field: ['rules', i, ...field], pattern })));
    default:
      return [];
  }
}

/**
 * Parse a config file's text. `file` is how the user knows it (used in messages).
 * Throws DataError('config', ...) listing every problem.
 */
export function parseConfig(file: string, text: string, knowledge: KnowledgeBase): Config {
  const issues: DataIssue[] = [];
  const data = readYamlData(file, text, configShape, issues);
  if (!data) throw new DataError('config', issues);
  const raw = data.value as {
    stage?: StageId; excludes?: string[]; suppress?: { id: string; reason: string }[];
    practices?: Record<string, unknown>[]; limits?: Partial<ScanLimits>; collection?: boolean; scope?: Partial<ScopeOptions>;
  };
  // Patterns written in a repository are untrusted: they run on the linear-time engine.
  const practices = (raw.practices ?? []).map((p) => toPractice(p, file, 'linear'));
  const builtIn = new Set(knowledge.practices.map((p) => p.id));
  const scope = scopeOf({ ...knowledge, practices: [...knowledge.practices, ...practices] });
  practices.forEach((practice, i) => {
    const report = (path: (string | number)[], reason: string) => issues.push(locate(file, data.doc, path, reason));
    if (builtIn.has(practice.id)) report(['practices', i, 'id'], `practice '${practice.id}' is built in; give a custom practice a new id`);
    checkPractice(practice, scope, report, ['practices', i]);
    practice.detect.forEach((rule, r) => {
      for (const { field, pattern } of patternsOf(rule)) {
        const problem = checkLinearPattern(pattern);
        if (problem) report(['practices', i, 'detect', r, ...field], problem);
      }
    });
  });
  const suppressible = new Set([...scope.practices, ...knowledge.tradeoffs.map((t) => t.id)]);
  const suppressions = new Map<string, string>();
  (raw.suppress ?? []).forEach((entry, i) => {
    if (!suppressible.has(entry.id)) {
      issues.push(locate(file, data.doc, ['suppress', i, 'id'], `unknown practice or trade-off id '${entry.id}'`));
    }
    suppressions.set(entry.id, entry.reason);
  });
  if (issues.length > 0) throw new DataError('config', issues);
  return {
    ...(raw.stage ? { stage: raw.stage } : {}),
    ...(raw.collection !== undefined ? { collection: raw.collection } : {}),
    excludes: raw.excludes ?? [],
    suppressions,
    practices,
    limits: { ...DEFAULT_LIMITS, ...raw.limits },
    scope: { ...DEFAULT_SCOPE_OPTIONS, ...raw.scope },
  };
}
