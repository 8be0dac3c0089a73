/**
 * What a detection rule kind is, in one place: the rule's fields (their shape and what each
 * means), its default strength, what the scan must read for it, the patterns it holds, and
 * its matcher. The schema, the loader, read planning, the config validator and the
 * generated documentation all read the registry (./index.ts); adding a kind is one module.
 */
import type { Facts } from '../../model/facts';
import type { RuleExample, Strength } from '../../model/knowledge';
import type { Signal } from '../../model/report';
import type { Field, Shape } from '../../knowledge/shape';
import { id, opt, req, STRENGTHS, text, texts } from '../../knowledge/fields';
import type { PatternEngine } from '../patterns';
import type { DetectionRule } from './index';

/** Fields every rule has, whatever its kind. */
export interface RuleBase {
  /** Stable id, unique within its practice (`practice/rule` is the global id). */
  id: string;
  /** Positive and negative inputs (see RuleExample). */
  examples?: RuleExample[];
  strength?: Strength;
  /** The tool this rule recognises (e.g. `mlflow`), used to spot overlapping tools. */
  tool?: string;
  /** Globs of paths whose matches do not count (e.g. test files for seeds). */
  exclude?: string[];
}

/** Where a rule matched, before the engine adds the rule id, strength and tool. */
export type Hit = Omit<Signal, 'rule' | 'strength' | 'tool'>;

/** What a matcher gets besides its rule and the facts. */
export interface MatchContext {
  engine: PatternEngine;
  /** The hits of another rule (for kinds that combine rules), its `exclude` applied. */
  hitsOf(rule: DetectionRule): Hit[];
}

/** A field of a kind, with the line that documents it (generated docs, JSON Schema). */
export interface KindField extends Field {
  doc: string;
}

/** A regular expression a rule holds, with its place in the rule (for messages that point at it). */
export interface RulePattern {
  field: (string | number)[];
  pattern: string;
}

/** What the scanner must read beyond what its extractors always read. */
export interface ReadNeeds {
  /** YAML files to parse, with the key path a rule looks for (keeps unrelated documents out). */
  yamlKeys?: { files: string[]; key: string }[];
  /** Text files whose lines content rules read, with the patterns tried on them (see TextMatcher). */
  content?: ContentReads[];
  /** File globs whose appearance or change can change the rule's result (the editor watches them). */
  watch?: string[];
}

/** Files a content rule reads and what it looks for in them. */
export interface ContentReads {
  files: string[];
  /** Patterns tried on every one of the files. */
  patterns: string[];
  /** A pattern tried on the files and on the shell scripts they name. */
  alongside?: string;
}

/** See RuleKindDefinition.locality. */
export type Locality = 'listing' | 'file';

/** Where a rule's evidence lives (see RuleKindDefinition.evidenceFiles). */
export interface EvidenceFiles {
  globs: readonly string[];
  parsed: boolean;
}

/** One detection rule kind. `R` is the rule's type. */
export interface RuleKindDefinition<R extends { kind: string }> {
  kind: R['kind'];
  /** What a rule of this kind matches: a sentence for the generated documentation. */
  matches: string;
  /** The kind's own fields (beyond id, kind, strength, tool, exclude and examples). */
  fields: Record<string, KindField>;
  /** Strength of a rule that does not say. */
  defaultStrength: Strength;
  /** Regular expressions in the rule (checked at load time, run on the chosen engine). */
  patterns?(rule: R): RulePattern[];
  /** What the scan must read for the rule. */
  reads?(rule: R): ReadNeeds;
  /**
   * Files the rule reads its evidence from; `parsed`: a file that cannot be parsed hides it
   * too (not only one that cannot be read). A practice whose evidence files could not be
   * seen is "not available" rather than absent. Broad globs (`**\/*.py`) are not counted.
   */
  evidenceFiles?(rule: R): EvidenceFiles;
  /**
   * What the rule's hits in a file depend on, so a re-audit after edits redoes only what they
   * changed: `listing`, the list of files alone (an edit changes no hit); `file`, that file's own
   * facts and the listing (only the edited files are matched again). Unset: facts anywhere.
   */
  locality?(rule: R): Locality | undefined;
  /** Rules nested in this one (read planning and pattern checks cover them too). */
  subRules?(rule: R): { field: (string | number)[]; rule: DetectionRule }[];
  match(rule: R, facts: Facts, context: MatchContext): Hit[];
}

const exampleShape: Shape = {
  type: 'object',
  fields: {
    expect: req({ type: 'enum', values: [...STRENGTHS, 'none'] }, 'the strength the rule\'s signal must have, or `none` for a near miss'),
    note: opt(text, 'what the example guards against'),
    files: req({ type: 'array', minItems: 1, items: { type: 'object', fields: { path: req(text), text: req({ type: 'string' }) } } }, 'a tiny repository: each file\'s path and text'),
  },
};

/** Fields every rule has, whatever its kind. */
export const RULE_BASE_FIELDS: Record<string, Field> = {
  id: req(id, 'unique within the practice; `practice/rule` is the global id'),
  kind: req(text, 'the rule kind'),
  strength: opt({ type: 'enum', values: STRENGTHS }, 'overrides the kind\'s default strength'),
  tool: opt(id, 'the lower-case tool the rule recognises, e.g. `mlflow`'),
  exclude: opt(texts, 'globs of paths whose matches do not count'),
  examples: opt({ type: 'array', items: exampleShape, minItems: 1 }, 'inputs the rule must fire on and near misses it must not'),
};
