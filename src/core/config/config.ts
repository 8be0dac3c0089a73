/**
 * The user's `.mlops-lens.yaml`: stage override, excludes, suppressions with reasons,
 * scan limits, and custom practices in the knowledge base's own schema. Every problem
 * is reported with file, line, column and what was expected.
 */
import type { KnowledgeBase, Practice, StageId } from '../model/knowledge';
import { checkIds } from '../assess/findings';
import type { FindingSuppression } from '../assess/findingSuppressions';
import { patternsOf } from '../engine/kinds';
import { checkLinearPattern } from '../engine/patterns';
import { DataError, type DataIssue } from '../knowledge/errors';
import { toPractice } from '../knowledge/load';
import { checkPractice, scopeOf } from '../knowledge/references';
import { opt, req } from '../knowledge/fields';
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
  /** Suppressed findings: a check's (`practice/check`), everywhere or in a path, each with its reason. */
  findingSuppressions: FindingSuppression[];
  practices: Practice[];
  limits: ScanLimits;
  /**
   * `true`: the top-level folders are separate projects, judged by the most mature one;
   * `false`: the repository is one project. Unset: recognised from the layout.
   */
  collection?: boolean;
  /** Which files count as the team's own practice. */
  scope: ScopeOptions;
  /** CI gates (the CLI applies them). */
  gates?: Gates;
}

/** What a CI run requires of the assessment. */
export interface Gates {
  /** The lowest level that passes, or the target level of the project's stage. */
  failUnder?: number | 'target';
  /** Dimension id → the lowest score that passes. */
  dimensions?: Record<string, number>;
}

export const EMPTY_CONFIG: Config = { excludes: [], suppressions: new Map(), findingSuppressions: [], practices: [], limits: DEFAULT_LIMITS, scope: DEFAULT_SCOPE_OPTIONS };

/** The shape of `.mlops-lens.yaml` (also published as schema/mlops-lens.schema.json). */
export const configShape: ObjectShape = {
  type: 'object',
  fields: {
    stage: opt({ type: 'enum', values: STAGES }, 'prototype | pilot | production: the stage the project is judged against (default: inferred)'),
    collection: opt({ type: 'boolean' }, 'true: the top-level folders are separate projects judged by the most mature one; false: one project (default: recognised from the layout)'),
    excludes: opt({ type: 'array', items: { type: 'string' } }, 'gitignore-style patterns of paths not to scan, on top of .gitignore files'),
    suppress: opt({
      type: 'array',
      items: {
        type: 'object',
        fields: {
          id: req({ type: 'string' }, 'a practice or trade-off id, or a check id (practice/check) to suppress its findings'),
          path: opt({ type: 'string' }, 'with a check id: only its findings in this path (a glob; default: everywhere)'),
          reason: req({ type: 'string' }, 'why it does not apply (required; shown in every report)'),
        },
      },
    }, 'practices, trade-offs or findings that do not apply, each with a reason'),
    practices: opt({ type: 'array', items: practiceShape }, 'custom practices, same schema as knowledge/practices/*.yaml'),
    scope: opt({
      type: 'object',
      fields: {
        templates: opt({ type: 'boolean' }, 'judge a template repository as the project it generates (default true)'),
        library: opt({ type: 'enum', values: ['auto', 'always', 'never'] }, 'treat the repository as a published library: auto (recognised from a publishing step), always or never'),
        requireMlCode: opt({ type: 'boolean' }, 'general-purpose workflow tools count only beside ML code, and level 1 needs ML code (default true)'),
        retired: opt({ type: 'boolean' }, 'leave out folders of retired code such as archive/ (default true)'),
      },
    }, 'which files count as the team\'s practice'),
    gates: opt({
      type: 'object',
      fields: {
        failUnder: opt({ type: 'anyOf', hint: 'a level from 0 to 4, or target', options: [{ type: 'integer', min: 0, max: 4 }, { type: 'enum', values: ['target'] }] },
          'fail (exit 1) when the level is below this level, or below the target level of the project\'s stage (`target`)'),
        dimensions: opt({ type: 'record', values: { type: 'integer', min: 0, max: 100 } }, 'dimension id → the lowest score (0-100) that passes'),
      },
    }, 'CI gates the CLI applies: a failed gate exits 1 and the JSON report says which'),
    limits: opt({
      type: 'object',
      fields: {
        maxFileBytes: opt({ type: 'integer', min: 1024, max: 64 * 1024 * 1024 }, 'larger files are listed but not read (default 8 MiB)'),
        maxFiles: opt({ type: 'integer', min: 1, max: 10_000_000 }, 'stop listing after this many files (default 100000)'),
        maxDepth: opt({ type: 'integer', min: 1, max: 1000 }, 'folders nested deeper are not scanned (default 64)'),
      },
    }, 'bounds of the scan'),
  },
};

/**
 * Parse a config file's text. `file` is how the user knows it (used in messages).
 * Throws DataError('config', ...) listing every problem.
 */
export function parseConfig(file: string, text: string, knowledge: KnowledgeBase): Config {
  const issues: DataIssue[] = [];
  const data = readYamlData(file, text, configShape, issues);
  if (!data) throw new DataError('config', issues);
  const raw = data.value as {
    stage?: StageId; excludes?: string[]; suppress?: { id: string; path?: string; reason: string }[];
    practices?: Record<string, unknown>[]; limits?: Partial<ScanLimits>; collection?: boolean; scope?: Partial<ScopeOptions>; gates?: Gates;
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
  const checks = new Set([...knowledge.practices, ...practices].flatMap(checkIds));
  const suppressions = new Map<string, string>();
  const findingSuppressions: FindingSuppression[] = [];
  (raw.suppress ?? []).forEach((entry, i) => {
    if (checks.has(entry.id)) {
      findingSuppressions.push({ check: entry.id, ...(entry.path !== undefined && { path: entry.path }), reason: entry.reason });
      return;
    }
    if (!suppressible.has(entry.id)) {
      issues.push(locate(file, data.doc, ['suppress', i, 'id'], `unknown practice, trade-off or check id '${entry.id}'`));
    } else if (entry.path !== undefined) {
      issues.push(locate(file, data.doc, ['suppress', i, 'path'], `'path' applies to a check's findings (practice/check), not to the ${entry.id} ${scope.practices.has(entry.id) ? 'practice' : 'trade-off'}`));
    }
    suppressions.set(entry.id, entry.reason);
  });
  const dimensionIds = new Set(knowledge.dimensions.map((d) => d.id));
  for (const id of Object.keys(raw.gates?.dimensions ?? {})) {
    if (!dimensionIds.has(id)) issues.push(locate(file, data.doc, ['gates', 'dimensions', id], `unknown dimension '${id}'; expected one of ${[...dimensionIds].join(', ')}`));
  }
  if (issues.length > 0) throw new DataError('config', issues);
  return {
    ...(raw.gates ? { gates: raw.gates } : {}),
    ...(raw.stage ? { stage: raw.stage } : {}),
    ...(raw.collection !== undefined ? { collection: raw.collection } : {}),
    excludes: raw.excludes ?? [],
    suppressions,
    findingSuppressions,
    practices,
    limits: { ...DEFAULT_LIMITS, ...raw.limits },
    scope: { ...DEFAULT_SCOPE_OPTIONS, ...raw.scope },
  };
}
