/** Messages between the extension host and the audit worker (auditWorker.ts). */
import type { DataIssue } from '../../core/knowledge/errors';
import type { Report } from '../../core/model/report';
import type { ScanProgress } from '../../core/scan/scanner';
import type { FolderAuditInput } from '../folderPipeline';

/** What the worker is started with. */
export interface AuditWorkerData {
  /** The workspace folder on the local disk. */
  root: string;
  /** The extension's knowledge base folder, and the build's snapshot of it. */
  knowledgeDir: string;
  knowledgeSnapshot: string;
}

export type ToAuditWorker =
  | { type: 'audit'; id: number; input: FolderAuditInput }
  /** Files changed; `listing`: some were created or deleted. */
  | { type: 'invalidate'; paths: string[]; listing: boolean }
  | { type: 'reset' };

export type FromAuditWorker =
  | { type: 'progress'; id: number; progress: ScanProgress }
  | { type: 'done'; id: number; report: Report }
  /** `data`: the error was a DataError (an invalid config or knowledge base). */
  | { type: 'failed'; id: number; message: string; data?: { kind: 'knowledge' | 'config'; issues: DataIssue[] } };
