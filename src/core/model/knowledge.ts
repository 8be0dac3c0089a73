/**
 * Types of the evidence knowledge base (`knowledge/*.yaml`). The YAML files are the
 * source of truth; these types describe their validated, in-memory shape.
 */
import type { DetectionRule } from '../engine/kinds';

/** One of the nine maturity dimensions. */
export interface Dimension {
  id: string;
  title: string;
  description: string;
}

/** A paraphrased statement from a source, with where in the source it stands. */
export interface Claim {
  id: string;
  statement: string;
  locator: string;
  /** True when the claim was only seen in a secondary summary; never shown as a finding. */
  unverified?: boolean;
}

/** What a source is (knowledge/README.md describes each kind). */
export type SourceKind = 'empirical-study' | 'maturity-model' | 'rubric' | 'reference-architecture' | 'position-paper' | 'practice-catalogue';

/**
 * What a citation supports: `need` (a problem or risk the item answers), `benefit` (an
 * outcome the source reports), `definition` (a model, principle, component or rubric item
 * that names it) or `caveat` (a limit, cost or condition).
 */
export type Support = 'need' | 'benefit' | 'definition' | 'caveat';

/**
 * One use of a claim. `indirect`: the claim is not about this item itself but about
 * something it serves (with `note` saying how); shown as such wherever the citation is.
 */
export interface Citation {
  /** `source#claim`. */
  ref: string;
  supports: Support;
  indirect?: boolean;
  note?: string;
}

/** A paper, maturity model or rubric the knowledge base cites. */
export interface Source {
  id: string;
  title: string;
  authors: string[];
  year: number;
  venue: string;
  url: string;
  kind: SourceKind;
  sample?: string;
  claims: Claim[];
}

/** How strongly a signal shows a practice: named, set up, or actually run in CI. */
export type Strength = 'mentioned' | 'configured' | 'ci';

/**
 * CI trigger kinds the scanner normalises every CI system's syntax to. `data`: new data
 * landing in storage or a data/model monitoring alarm starts the pipeline.
 */
export type CiTrigger = 'push' | 'pull_request' | 'tag' | 'schedule' | 'data' | 'manual' | 'other';

/**
 * An input a rule must fire on, or must not (the near miss), as ESLint's RuleTester and
 * markdownlint's test files keep them: a tiny repository and the strength expected of the
 * rule's signal (`none`: no signal). A generic test runs every example.
 */
export interface RuleExample {
  expect: Strength | 'none';
  /** Why the example is there (the near miss it guards against). */
  note?: string;
  files: { path: string; text: string }[];
}

/** Detection rules: one module per kind in src/core/engine/kinds. */
export type { DetectionRule, RuleKind } from '../engine/kinds';

/** A mechanical edit the editor can offer as a quick fix for a check's finding. */
export interface CheckFix {
  title: string;
  /** Text to insert (a trailing newline is added when missing). */
  text: string;
  /** Where: after the file's leading imports, or after the finding's line. */
  at: 'after-imports' | 'after-line';
  /**
   * A name the text assigns and uses (`SEED`): when the file already assigns, at module level,
   * a name matching `pattern` (its own seed), that name is used and the text's assignment left out.
   */
  reuse?: { name: string; pattern: string };
}

interface CheckBase {
  /** Unique within its practice (`practice/check` is the global id). */
  id: string;
  /** What is wrong; `{detail}` is replaced with what matched (e.g. the image reference). */
  message: string;
  fix?: CheckFix;
  /** Only when the practice is not present (e.g. one CI pipeline without tests is fine if another runs them). */
  unlessPresent?: boolean;
  /** Globs of paths not to report findings in (e.g. requirements files of docs builds). */
  exclude?: string[];
  /**
   * Where the practice already holds, its findings are not reported: in a file with a signal of
   * one of `file`'s rules, or in a folder with a signal of one of `folder`'s rules (a lock file
   * pins the requirements beside it). Rule ids are the practice's own.
   */
  coveredBy?: { file?: string[]; folder?: string[] };
  /**
   * A finding of this check left means the practice holds in part of the repository only (some
   * requirements pinned, others not): it is partial at most, and this says why.
   */
  mixed?: string;
}

/** Each file matching the globs in which the practice has no signal (e.g. a CI file that runs no tests). */
export interface FileWithoutSignalCheck extends CheckBase {
  kind: 'file-without-signal';
  files: string[];
  /** `imports`: a signal in a repository module the file imports (as a `together` rule's `imports` scope follows them) counts too, e.g. a project's own seeding helper. */
  scope?: 'file' | 'imports';
  /** Only files importing one of these modules (a training script imports an ML library; a config module does not). */
  importing?: string[];
  /** Only CI pipelines with a step that runs a command (a bot that only uses an action builds and tests nothing). */
  runsCommands?: boolean;
}
/** Each YAML node (the root, or each match of `each`) that has none of `keys`. */
export interface YamlMissingKeyCheck extends CheckBase { kind: 'yaml-missing-key'; files: string[]; each?: string; keys: string[] }
/** Each requirements-file dependency that is not pinned. */
export interface UnpinnedDependencyCheck extends CheckBase { kind: 'unpinned-dependency' }
/** Each Dockerfile base image that is not pinned to a tag or digest. */
export interface UnpinnedBaseImageCheck extends CheckBase { kind: 'unpinned-base-image' }

/** A located check: turns facts into findings at places in files (editor diagnostics, SARIF results). */
export type CheckDef = FileWithoutSignalCheck | YamlMissingKeyCheck | UnpinnedDependencyCheck | UnpinnedBaseImageCheck;

export type Effort = 'low' | 'medium' | 'high';

/** What to do about a missing practice: the smallest step first, then the longer path. */
export interface Remediation {
  firstStep: string;
  path: string;
  /** A starter file the editor can scaffold (path relative to the workspace folder). */
  /**
   * A starter file the editor can create. `unfilled`: a regex matching a line the starter has
   * until it is filled in (a placeholder); while a line matches, the file is still the starter
   * and does not by itself make the practice present.
   */
  template?: { path: string; content: string; unfilled?: string };
}

/** A practice of the maturity model. */
export interface Practice {
  id: string;
  title: string;
  dimension: string;
  /** Maturity level (0–4) at which the practice becomes expected. */
  level: number;
  why: string;
  /** `source#claim` references; at least one. */
  evidence: string[];
  /** The same references with what each supports. */
  citations: Citation[];
  benefits: string[];
  effort: Effort;
  /** Minimum strength for `present`; weaker signals make the practice `partial`. */
  require: Strength;
  detect: DetectionRule[];
  /** Located checks whose findings become diagnostics; optional. */
  checks: CheckDef[];
  remediation: Remediation;
  /** File the practice was loaded from (for error messages). */
  file: string;
  /** `linear` for practices from a repository's config: their patterns run on a linear-time engine. */
  patternEngine: 'native' | 'linear';
}

/**
 * `not-available`: no signal, and files that would hold the evidence could not be read or
 * parsed; left out of scores, as a check that could not run.
 */
export type PracticeStatus = 'present' | 'partial' | 'absent' | 'not-available' | 'suppressed';

/** Maturity stage of a project, inferred or configured. */
export type StageId = 'prototype' | 'pilot' | 'production';

/** Numeric facts a condition can compare (see `knowledge/README.md`). */
export type FactName =
  | 'pythonFiles' | 'notebooks' | 'manualSteps' | 'ciPipelines' | 'files' | 'releaseTriggers' | 'mlImports';

/** The condition language shared by levels, stages and trade-offs. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { practice: string; status?: PracticeStatus[] }
  | { tools: string[]; min?: number }
  | { stage: StageId[] }
  | { fact: FactName; min?: number; max?: number };

/** One maturity level with the condition that grants it. */
export interface LevelDef {
  level: number;
  name: string;
  description: string;
  evidence: string[];
  /** The same references with what each supports. */
  citations: Citation[];
  /** Level 0 has no condition; every other level's holds on top of the lower ones'. */
  when?: Condition;
  /**
   * What a team at this level is expected to have without it defining the level: each
   * item is met by any one of its practices. A missing one is a foundation gap.
   */
  foundations?: string[][];
}

export type Severity = 'info' | 'warning' | 'error';

/** A trade-off warning: a declarative rule over the assessment and project context. */
export interface TradeoffDef {
  id: string;
  title: string;
  severity: Severity;
  when: Condition;
  message: string;
  action: string;
  evidence: string[];
  /** The same references with what each supports. */
  citations: Citation[];
}

/** A benefit theme reported by the studies; its weight is the number of distinct sources cited. */
export interface Benefit {
  id: string;
  title: string;
  evidence: string[];
  /** The same references with what each supports. */
  citations: Citation[];
}

/** A project stage with how it is recognised and the level recommended for it. */
export interface StageDef {
  id: StageId;
  title: string;
  description: string;
  target: number;
  evidence: string[];
  /** The same references with what each supports. */
  citations: Citation[];
  /** First stage (in file order) whose condition holds is inferred; the last has none. */
  when?: Condition;
}

/** Scoring constants, each with the evidence it rests on. */
export interface Scoring {
  statusCredit: { present: number; partial: number; absent: number };
  effortCost: Record<Effort, number>;
  evidence: string[];
  /** The same references with what each supports. */
  citations: Citation[];
}

/** A file that marks its folder as a project template, and how the template is laid out. */
export interface TemplateMarker {
  file: string;
  /** Folder of the template's files, relative to the marker's folder. */
  templateDir: string;
  /** A key of the marker file whose string value, when set, replaces `templateDir`. */
  templateDirKey?: string;
  /** The generated project's root: the template folder, or its one `{{ }}`-named child folder. */
  project: 'template-folder' | 'single-expression-folder';
  /** Which files the engine renders: all, or those with a template suffix. */
  renders: 'all' | 'suffixed';
  /**
   * Where the marker file gives the default answers: its `keys` (a list's first item is
   * the default), its `keys-default` (a key's `default` when it is a mapping), or the
   * `default` of each of its JSON-schema `properties-default`; `prefix` is how templates
   * refer to an answer (`cookiecutter.`, `.`, or nothing).
   */
  answers?: { from: 'keys' | 'keys-default' | 'properties-default'; prefix?: string };
  /**
   * A template function that leaves generated paths out (Databricks' `skip`): its calls
   * in the template's rendered files, in branches the default answers take, name paths
   * (relative to the calling file's folder) that the generated project does not have.
   */
  skipFunction?: string;
}

/** Which files are the team's own practice (knowledge/scope.yaml). */
/**
 * A deployment bundle's root file (Databricks' `databricks.yml`) and the configuration
 * files beside it that count only when the root file includes them.
 */
export interface BundleRule {
  /** Name (glob) of the bundle's root file. */
  file: string;
  /** Top-level key of the root file listing the included files (globs relative to its folder). */
  includeKey: string;
  /** Globs, relative to the bundle's folder, of configuration files that must be included to count. */
  configFiles: string[];
}

export interface ScopeRules {
  templates: { markers: TemplateMarker[]; suffixes: string[] };
  bundles: BundleRule[];
  /** Names (globs) of folders that hold retired code (`archive/`): not the team's current practice. */
  retiredFolders: string[];
  libraries: {
    /** Regexes over CI command lines that publish a package to an index. */
    publishCommands: string[];
    /** Globs over CI `uses` that publish a package to an index. */
    publishActions: string[];
    /** Root files whose commands may publish the package (release scripts, Makefiles). */
    publishScripts: string[];
    /** Globs over the names of a library's top-level folders that are not the team's practice. */
    notTeamFolders: string[];
    /** Practices for which signals in the library's own package source do not count. */
    sourceNotEvidenceOf: string[];
    /** Globs over the names of top-level folders not counted in an installable package that nothing publishes. */
    packageNotTeamFolders?: string[];
  };
  mlCode: {
    /** Imported modules (or their submodules) that show ML code. */
    modules: string[];
    /** Tools (rule `tool` names) whose signals count only when the repository holds ML code. */
    generalTools: string[];
    /** Rules (`practice/rule`) that recognise no tool and whose signals count only when the repository holds ML code. */
    generalRules?: string[];
  };
}

/** The whole validated knowledge base. */
/**
 * When a repository is a collection of separate projects side by side (a course's
 * modules, a set of samples), judged by its most mature single project.
 */
export interface CollectionRule {
  /** Globs (relative to a folder) of files that make a folder a project of its own. */
  projectMarkers: string[];
  /** A collection's root holds no marker and at least this many top-level folders hold one. */
  minProjects: number;
  /** Practices whose evidence at the root applies to every project (e.g. version control). */
  sharedPractices: string[];
}

export interface KnowledgeBase {
  dimensions: Dimension[];
  sources: Source[];
  practices: Practice[];
  levels: LevelDef[];
  /** How collections are recognised; without it every repository is one project. */
  collections?: CollectionRule;
  tradeoffs: TradeoffDef[];
  benefits: Benefit[];
  stages: StageDef[];
  scoring: Scoring;
  scope: ScopeRules;
}
