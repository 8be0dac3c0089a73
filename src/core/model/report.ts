/**
 * The assessment report: what every output format (text, JSON, Markdown, SARIF, HTML)
 * and the editor render. Its JSON form is versioned by `schemaVersion` and described by
 * `schema/report.schema.json`.
 */
import type { ScanWarning, ScopeNote } from './facts';
import type { Effort, PracticeStatus, Severity, SourceKind, StageId, Strength } from './knowledge';

export const REPORT_SCHEMA_VERSION = '1.5.0';

/** Evidence in the repository for a practice: where, and which rule matched. */
export interface Signal {
  path: string;
  line?: number;
  /** Global rule id, `practice/rule`. */
  rule: string;
  strength: Strength;
  tool?: string;
  /** What matched, e.g. the import name or the CI command (repository-derived text). */
  detail?: string;
}

export type Confidence = 'high' | 'medium' | 'low';

/** A practice as assessed in this repository. */
export interface PracticeResult {
  id: string;
  title: string;
  dimension: string;
  /** Level at which the practice is expected. */
  level: number;
  status: PracticeStatus;
  confidence: Confidence;
  signals: Signal[];
  /** `source#claim` references. */
  evidence: string[];
  /** Those of `evidence` that support the practice only indirectly (about something it serves). */
  indirectEvidence?: string[];
  /** Why the practice is suppressed (only for status `suppressed`). */
  suppressedReason?: string;
  /** Files or folders that could hold its evidence but were not seen (only for status `not-available`). */
  unavailable?: UnseenEvidence[];
  /** The practice's starter file, created but not filled in yet (its placeholder still there): not counted as the practice done. */
  starter?: { path: string; line?: number };
  /** Why a practice with strong enough signals is only partial: a check's findings show it holds in part of the repository (see the check's `mixed`). */
  mixed?: { check: string; reason: string; findings: number };
}

/** A file or folder the scan could not read or parse, and why. */
export interface UnseenEvidence {
  path: string;
  reason: string;
}

/** A trade-off warning that applies to this repository. */
export interface TradeoffResult {
  id: string;
  title: string;
  severity: Severity;
  message: string;
  action: string;
  evidence: string[];
  /** Repository evidence that made the rule fire (e.g. the overlapping tools' signals). */
  signals: Signal[];
  suppressedReason?: string;
}

export type FindingSeverity = 'warning' | 'info' | 'hint';

/**
 * A problem at a place in a file, found by a practice's `checks` (e.g. an unpinned
 * base image). Severity follows the stage: a practice expected at or below the target
 * level gives a warning, the next level up information, anything beyond a hint.
 */
export interface Finding {
  /** Global check id, `practice/check`. */
  id: string;
  practice: string;
  severity: FindingSeverity;
  message: string;
  path: string;
  line?: number;
  /** What matched, e.g. `FROM python:latest` (repository-derived text). */
  detail?: string;
}

/** A finding the config suppresses (a `suppress` entry naming its check, and its path), with the entry's reason. */
export interface SuppressedFinding extends Finding {
  suppressedReason: string;
}

/** One recommended next step, ordered by evidence-backed benefit against effort. */
export interface Recommendation {
  practice: string;
  title: string;
  firstStep: string;
  effort: Effort;
  benefits: string[];
  /** Benefit value divided by effort cost (see knowledge/scoring.yaml). */
  priority: number;
  /** Why now: e.g. "needed for level 2" or "expected at level 1 (target 2)". */
  reason: string;
}

export interface DimensionResult {
  id: string;
  title: string;
  /** 0–100. */
  score: number;
  present: number;
  partial: number;
  absent: number;
  /** Practices that could not be judged (files unreadable or unparseable); left out of the score. */
  notAvailable: number;
}

/**
 * A practice expected at or below the current level that is missing or only partly in
 * place. Gaps are shown beside the level; they do not lower it.
 */
export interface FoundationGap {
  /** The practice to add: the first of the foundation's alternatives. */
  practice: string;
  title: string;
  /** Other practices that would close the gap as well. */
  alternatives: string[];
  /** The level whose foundation it is. */
  level: number;
  status: 'absent' | 'partial';
  /** Why it matters: the first sentence of the practice's rationale. */
  why: string;
  firstStep: string;
}

export interface LevelResult {
  current: number;
  name: string;
  target: number;
  targetName: string;
  /** Which capabilities put the repository at this level and which foundations are missing, in one sentence. */
  decidedBy: string;
  /** Foundations of this level and the ones below it that are missing, lowest level first. */
  foundationGaps: FoundationGap[];
  /**
   * Set when the repository is a collection of separate projects (top-level folders):
   * the level is that of its most mature one, `folder` (`''` for the root files).
   */
  collection?: { folder: string; folders: number };
  /**
   * What is missing for the next level; absent at level 4. `missing` lists every practice
   * id involved; `requirements` groups them (each group is met by any one of its
   * practices), in the order of the recommendations.
   */
  next?: { level: number; name: string; missing: string[]; requirements: string[][] };
}

export interface StageResult {
  id: StageId;
  inferred: boolean;
  /** What made the stage, e.g. "from ci, containerization", or "set in the configuration". */
  reason: string;
}

export interface SourceRef {
  id: string;
  title: string;
  authors: string[];
  year: number;
  url: string;
  kind: SourceKind;
}

/** The report compared with an earlier one of the same repository (`--baseline`). */
export interface Comparison {
  baseline: { root: string; toolVersion: string };
  level: { from: number; to: number };
  score: { from: number; to: number };
  /** Dimensions whose score changed. */
  dimensions: { id: string; title: string; from: number; to: number }[];
  /** Practices whose status changed. */
  practices: { id: string; title: string; from: PracticeStatus; to: PracticeStatus }[];
  newFindings: Finding[];
  resolvedFindings: Finding[];
  newTradeoffs: string[];
  resolvedTradeoffs: string[];
  /** What got worse: a lower level or dimension score, a practice no longer in place, a new warning. */
  regressions: string[];
}

/** The complete assessment of one repository. */
export interface Report {
  schemaVersion: string;
  tool: { name: string; version: string };
  /** Display name of the scanned folder (its base name). */
  root: string;
  stage: StageResult;
  level: LevelResult;
  /** Dimension id → score 0–100. */
  dimensions: Record<string, number>;
  dimensionDetails: DimensionResult[];
  /** Overall score 0–100: mean of the dimension scores. */
  score: number;
  practices: PracticeResult[];
  tradeoffs: TradeoffResult[];
  /** Located problems in files, from the practices' checks. */
  findings: Finding[];
  /** Findings the config suppresses, with their reasons: out of `findings`, Problems and the counts (since 1.5.0). */
  suppressedFindings?: SuppressedFinding[];
  recommendations: Recommendation[];
  /** Sources cited anywhere in this report. */
  sources: SourceRef[];
  /** What was not counted as the team's practice, and why (template generator, library examples, no ML code). */
  scope: ScopeNote[];
  warnings: ScanWarning[];
  stats: { files: number; filesRead: number; bytesRead: number };
  /** Set when the audit was compared with a baseline report (`--baseline`). */
  comparison?: Comparison;
  /** The configuration's CI gates judged on this report (set when it has `gates`). */
  gate?: GateResult;
}

/** Whether the configuration's CI gates pass, and which failed with why. */
export interface GateResult {
  passed: boolean;
  failures: { gate: string; message: string }[];
}
