/**
 * Shapes of the knowledge-base files and of the custom practices a user config may add.
 * See knowledge/README.md for the meaning of each field.
 */
import type { Field, ObjectShape, Shape } from './shape';
import { id, opt, regex, req, STRENGTHS, text, texts } from './fields';
import { detectionRuleShape } from '../engine/kinds';

export const STATUSES = ['present', 'partial', 'absent', 'not-available', 'suppressed'] as const;
export const STAGES = ['prototype', 'pilot', 'production'] as const;
export const FACT_NAMES = ['pythonFiles', 'notebooks', 'manualSteps', 'ciPipelines', 'files', 'releaseTriggers', 'mlImports'] as const;

export const SUPPORTS = ['need', 'benefit', 'definition', 'caveat'] as const;
export const SOURCE_KINDS = ['empirical-study', 'maturity-model', 'rubric', 'reference-architecture', 'position-paper', 'practice-catalogue'] as const;
const ref: Shape = { type: 'string', pattern: /^[a-z0-9-]+#[a-z0-9-]+$/, hint: 'a `source#claim` reference' };
/** A citation: a claim and what it supports (knowledge/README.md, "Citations"). */
const citation: Shape = {
  type: 'object',
  fields: {
    ref: req(ref, 'the claim: `source#claim` in sources.yaml'),
    supports: req({ type: 'enum', values: SUPPORTS }, 'need, benefit, definition or caveat'),
    indirect: opt({ type: 'boolean' }, 'the claim is about something this serves, not this itself'),
    note: opt(text, 'how an indirect claim bears on this'),
  },
};
const refs: Shape = { type: 'array', items: citation, minItems: 1 };

/** A detection rule: its kind's fields (src/core/engine/kinds) beside those every rule has. */
export const ruleShape: Shape = { type: 'lazy', name: 'rule', get: detectionRuleShape };

export const conditionShape: Shape = {
  type: 'oneKey',
  variants: {
    all: { type: 'object', fields: { all: req({ type: 'array', items: { type: 'lazy', name: 'condition', get: () => conditionShape }, minItems: 1 }) } },
    any: { type: 'object', fields: { any: req({ type: 'array', items: { type: 'lazy', name: 'condition', get: () => conditionShape }, minItems: 1 }) } },
    not: { type: 'object', fields: { not: req({ type: 'lazy', name: 'condition', get: () => conditionShape }) } },
    practice: { type: 'object', fields: { practice: req(id), status: opt({ type: 'array', items: { type: 'enum', values: STATUSES }, minItems: 1 }) } },
    tools: { type: 'object', fields: { tools: req({ type: 'array', items: id, minItems: 1 }), min: opt({ type: 'integer', min: 1, max: 100 }) } },
    stage: { type: 'object', fields: { stage: req({ type: 'array', items: { type: 'enum', values: STAGES }, minItems: 1 }) } },
    fact: { type: 'object', fields: { fact: req({ type: 'enum', values: FACT_NAMES }), min: opt({ type: 'integer', min: 0 }), max: opt({ type: 'integer', min: 0 }) } },
  },
};

const checkBase: Record<string, Field> = {
  id: req(id),
  kind: req(text),
  message: req(text),
  unlessPresent: opt({ type: 'boolean' }),
  exclude: opt(texts),
  coveredBy: opt({ type: 'object', fields: { file: opt(texts), folder: opt(texts) } }),
  mixed: opt(text),
  fix: opt({
    type: 'object',
    fields: {
      title: req(text),
      text: req(text),
      at: req({ type: 'enum', values: ['after-imports', 'after-line'] }),
      reuse: opt({ type: 'object', fields: { name: req(text), pattern: req(regex) } }),
    },
  }),
};
const check = (fields: Record<string, Field>): ObjectShape => ({ type: 'object', fields: { ...checkBase, ...fields } });

export const checkShape: Shape = {
  type: 'tagged',
  key: 'kind',
  variants: {
    'file-without-signal': check({
      files: req(texts),
      scope: opt({ type: 'enum', values: ['file', 'imports'] }),
      importing: opt(texts),
      runsCommands: opt({ type: 'boolean' }),
    }),
    'yaml-missing-key': check({ files: req(texts), each: opt(text), keys: req(texts) }),
    'unpinned-dependency': check({}),
    'unpinned-base-image': check({}),
  },
};

export const practiceShape: ObjectShape = {
  type: 'object',
  fields: {
    id: req(id, 'the practice id (file name without .yaml for shipped practices)'),
    title: req(text, 'what the practice is called in reports'),
    dimension: req(id, 'the dimension (dimensions.yaml) the practice belongs to'),
    level: req({ type: 'integer', min: 0, max: 4 }, 'the maturity level at which the practice becomes expected'),
    why: req(text, 'why it matters, in a sentence or two'),
    evidence: req(refs, 'citations of claims in sources.yaml, each with what it supports'),
    benefits: req({ type: 'array', items: id, minItems: 1 }, 'benefit ids (benefits.yaml) the practice brings'),
    effort: req({ type: 'enum', values: ['low', 'medium', 'high'] }, 'the effort of adopting it'),
    require: opt({ type: 'enum', values: STRENGTHS }, 'the signal strength that makes the practice present (default configured); weaker signals make it partial'),
    detect: req({ type: 'array', items: ruleShape, minItems: 1 }, 'detection rules (docs/rule-kinds.md)'),
    checks: opt({ type: 'array', items: checkShape }, 'located checks whose findings become editor diagnostics and SARIF results'),
    remediation: req({
      type: 'object',
      fields: {
        firstStep: req(text, 'the smallest step to start the practice'),
        path: req(text, 'the longer path to doing it well'),
        template: opt({
          type: 'object',
          fields: {
            path: req(text, 'where the starter file goes'),
            content: req(text, 'its text'),
            unfilled: opt(regex, 'a line the starter has until it is filled in (a placeholder): while one matches, the file alone does not make the practice present'),
          },
        }, 'a starter file the editor can create'),
      },
    }, 'what to do about a missing practice'),
  },
};

const list = (key: string, item: Shape): ObjectShape => ({ type: 'object', fields: { [key]: req({ type: 'array', items: item, minItems: 1 }) } });

/** Shape of each knowledge file, by its path relative to `knowledge/`. */
export const KNOWLEDGE_FILES: Record<string, ObjectShape> = {
  'dimensions.yaml': list('dimensions', { type: 'object', fields: { id: req(id), title: req(text), description: req(text) } }),
  'sources.yaml': list('sources', {
    type: 'object',
    fields: {
      id: req(id), title: req(text), authors: req(texts), year: req({ type: 'integer', min: 1950, max: 2100 }),
      venue: req(text), url: req({ type: 'string', pattern: /^https:\/\/\S+$/, hint: 'an https URL' }),
      kind: req({ type: 'enum', values: SOURCE_KINDS }),
      sample: opt(text),
      claims: req({ type: 'array', minItems: 1, items: { type: 'object', fields: { id: req(id), statement: req(text), locator: req(text), unverified: opt({ type: 'boolean' }) } } }),
    },
  }),
  'levels.yaml': {
    type: 'object',
    fields: {
      levels: req({
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          fields: {
            level: req({ type: 'integer', min: 0, max: 4 }), name: req(text), description: req(text), evidence: req(refs), when: opt(conditionShape),
            foundations: opt({ type: 'array', items: { type: 'array', items: id, minItems: 1 }, minItems: 1 }),
          },
        },
      }),
      collections: opt({
        type: 'object',
        fields: { projectMarkers: req(texts), minProjects: req({ type: 'integer', min: 2, max: 1000 }), sharedPractices: req({ type: 'array', items: id }) },
      }),
    },
  },
  'tradeoffs.yaml': list('tradeoffs', {
    type: 'object',
    fields: {
      id: req(id), title: req(text), severity: req({ type: 'enum', values: ['info', 'warning', 'error'] }),
      when: req(conditionShape), message: req(text), action: req(text), evidence: req(refs),
    },
  }),
  'benefits.yaml': list('benefits', { type: 'object', fields: { id: req(id), title: req(text), evidence: req(refs) } }),
  'stages.yaml': list('stages', {
    type: 'object',
    fields: {
      id: req({ type: 'enum', values: STAGES }), title: req(text), description: req(text),
      target: req({ type: 'integer', min: 0, max: 4 }), evidence: req(refs), when: opt(conditionShape),
    },
  }),
  'scope.yaml': {
    type: 'object',
    fields: {
      scope: req({
        type: 'object',
        fields: {
          templates: req({
            type: 'object',
            fields: {
              markers: req({
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  fields: {
                    file: req({ type: 'string', pattern: /^[^/\\]+$/, hint: 'a file name' }),
                    templateDir: req({ type: 'string', pattern: /^(\.|[^./\\][^\\]*)$/, hint: "'.' or a relative folder" }),
                    templateDirKey: opt(text),
                    project: req({ type: 'enum', values: ['template-folder', 'single-expression-folder'] }),
                    renders: req({ type: 'enum', values: ['all', 'suffixed'] }),
                    answers: opt({
                      type: 'object',
                      fields: {
                        from: req({ type: 'enum', values: ['keys', 'keys-default', 'properties-default'] }),
                        prefix: opt({ type: 'string', pattern: /^[A-Za-z_.]+$/, hint: 'a variable prefix such as `cookiecutter.`' }),
                      },
                    }),
                    skipFunction: opt({ type: 'string', pattern: /^[A-Za-z_]\w*$/, hint: 'a template function name such as `skip`' }),
                  },
                },
              }),
              suffixes: req({ type: 'array', items: { type: 'string', pattern: /^\.[a-z0-9]+$/, hint: 'a file suffix such as .tmpl' }, minItems: 1 }),
            },
          }),
          bundles: req({
            type: 'array',
            items: {
              type: 'object',
              fields: {
                file: req({ type: 'string', pattern: /^[^/\\]+$/, hint: 'a file name or name glob' }),
                includeKey: req(text),
                configFiles: req({ type: 'array', items: { type: 'string', pattern: /^[^/\\]/, hint: 'a glob relative to the bundle folder' }, minItems: 1 }),
              },
            },
          }),
          retiredFolders: req({ type: 'array', items: { type: 'string', pattern: /^[^/\\]+$/, hint: 'a folder name or name glob' } }),
          libraries: req({
            type: 'object',
            fields: {
              publishCommands: req({ type: 'array', items: regex, minItems: 1 }),
              publishActions: req(texts),
              publishScripts: req(texts),
              notTeamFolders: req({ type: 'array', items: { type: 'string', pattern: /^[^/\\]+$/, hint: 'a folder name or name glob' }, minItems: 1 }),
              sourceNotEvidenceOf: req({ type: 'array', items: id }),
              packageNotTeamFolders: opt({ type: 'array', items: { type: 'string', pattern: /^[^/\\]+$/, hint: 'a folder name or name glob' } }),
            },
          }),
          mlCode: req({
            type: 'object',
            fields: {
              modules: req(texts),
              generalTools: req({ type: 'array', items: id }),
              generalRules: opt({ type: 'array', items: { type: 'string', pattern: /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/, hint: 'a `practice/rule` id' } }),
            },
          }),
        },
      }),
    },
  },
  'scoring.yaml': {
    type: 'object',
    fields: {
      scoring: req({
        type: 'object',
        fields: {
          statusCredit: req({ type: 'object', fields: { present: req({ type: 'number', min: 0 }), partial: req({ type: 'number', min: 0 }), absent: req({ type: 'number', min: 0 }) } }),
          effortCost: req({ type: 'object', fields: { low: req({ type: 'number', min: 0.1 }), medium: req({ type: 'number', min: 0.1 }), high: req({ type: 'number', min: 0.1 }) } }),
          evidence: req(refs),
          rationale: req(text),
        },
      }),
    },
  },
};
