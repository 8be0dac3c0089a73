/**
 * The whole pipeline in one call: scan → facts → practices → assessment → report.
 * Adapters (CLI, editor) call this and render the result.
 */
import type { Config } from './config/config';
import type { FileHost } from './host/fileHost';
import type { KnowledgeBase, StageId } from './model/knowledge';
import type { Report } from './model/report';
import { allExtractors } from './facts';
import { assess } from './assess/assess';
import { evaluateGates } from './assess/gates';
import { readsOf } from './engine/kinds';
import { scan, type ScanCache, type ScanProgress } from './scan/scanner';

export interface AuditOptions {
  knowledge: KnowledgeBase;
  config: Config;
  /** Overrides the config's stage (e.g. from `--stage`). */
  stage?: StageId;
  rootName: string;
  tool: { name: string; version: string };
  onProgress?: (progress: ScanProgress) => void;
  /** Per-file results to reuse between audits of the same folder (see ScanCache). */
  cache?: ScanCache;
  /** Worker threads to read files in (see ScanRequest.workers); default one per core. */
  workers?: number;
}

/** Audit one repository. Scan problems become report warnings; only a failure to list the root throws. */
export async function audit(host: FileHost, options: AuditOptions): Promise<Report> {
  const knowledge = { ...options.knowledge, practices: [...options.knowledge.practices, ...options.config.practices] };
  const reads = readsOf(knowledge.practices.flatMap((p) => p.detect));
  const { facts, stats } = await scan(host, {
    extractors: allExtractors,
    yamlRules: [
      ...reads.yamlKeys,
      ...knowledge.practices.flatMap((p) => p.checks).flatMap((c) => (c.kind === 'yaml-missing-key' ? [{ files: c.files, key: '*' }] : [])),
    ],
    content: knowledge.practices.flatMap((p) => [
      ...readsOf(p.detect).content,
      // A starter file is read for its placeholder: while it is there, the file is not the practice done.
      ...(p.remediation.template?.unfilled === undefined ? [] : [{ files: [p.remediation.template.path], patterns: [p.remediation.template.unfilled] }]),
    ].map((c) => ({ ...c, engine: p.patternEngine }))),
    excludes: options.config.excludes,
    limits: options.config.limits,
    scope: { rules: knowledge.scope, options: options.config.scope },
    onProgress: options.onProgress,
    cache: options.cache,
    workers: options.workers,
  });
  const report = assess({
    knowledge,
    facts,
    stats,
    stage: options.stage ?? options.config.stage,
    suppressions: options.config.suppressions,
    findingSuppressions: options.config.findingSuppressions,
    collection: options.config.collection,
    rootName: options.rootName,
    tool: options.tool,
    requireMlCode: options.config.scope.requireMlCode,
  });
  return options.config.gates ? { ...report, gate: evaluateGates(report, options.config.gates) } : report;
}
