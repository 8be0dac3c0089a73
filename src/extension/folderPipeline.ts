/**
 * One folder's audit as the editor runs it, with no `vscode` import so that it runs the
 * same in the extension host (remote and virtual folders) and in the audit worker (folders
 * on the local disk): the repository's config, the user's settings over it, then the core.
 */
import { availableParallelism } from 'node:os';
import { audit } from '../core/audit';
import type { Config } from '../core/config/config';
import { readRepoConfig } from '../core/config/readConfig';
import type { FileHost } from '../core/host/fileHost';
import type { KnowledgeBase, StageId } from '../core/model/knowledge';
import type { Report } from '../core/model/report';
import type { ScanCache, ScanProgress } from '../core/scan/scanner';

/** What an audit of a folder takes from the editor. */
export interface FolderAuditInput {
  rootName: string;
  version: string;
  /** Excludes from the user's settings, added to the repository's. */
  excludes: string[];
  stage?: StageId;
  /** Whether the workspace is trusted: an untrusted repository's custom patterns are not run. */
  trusted: boolean;
}

/**
 * Scan worker threads for an audit in the editor: two cores fewer than the machine has, so
 * the audit's own thread and the extension host (every extension's completions and hovers)
 * each keep a core. The CLI uses every core.
 */
export function editorScanWorkers(): number {
  return Math.max(0, availableParallelism() - 2);
}

export async function runFolderAudit(
  host: FileHost,
  knowledge: KnowledgeBase,
  input: FolderAuditInput,
  cache: ScanCache,
  onProgress?: (progress: ScanProgress) => void,
): Promise<Report> {
  const config = await readRepoConfig(host, knowledge);
  const effective: Config = {
    ...config,
    excludes: [...config.excludes, ...input.excludes],
    practices: input.trusted ? config.practices : [],
  };
  return audit(host, {
    knowledge,
    config: effective,
    stage: input.stage,
    rootName: input.rootName,
    tool: { name: 'mlops-lens', version: input.version },
    cache,
    onProgress,
    workers: editorScanWorkers(),
  });
}
