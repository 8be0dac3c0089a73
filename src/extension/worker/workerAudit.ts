/**
 * The extension host's side of the audit worker: one worker per local workspace folder,
 * started on the first audit and stopped with the folder. A worker that dies is started
 * again on the next audit (its cache is lost, nothing else).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataError } from '../../core/knowledge/errors';
import type { Report } from '../../core/model/report';
import type { ScanProgress } from '../../core/scan/scanner';
import type { FolderAuditInput } from '../folderPipeline';
import type { AuditWorkerData, FromAuditWorker, ToAuditWorker } from './protocol';

/** The audit was stopped by the user. */
export class AuditCancelled extends Error {
  constructor() {
    super('the audit was cancelled');
  }
}

interface Pending {
  resolve(report: Report): void;
  reject(error: Error): void;
  onProgress?: (progress: ScanProgress) => void;
}

export class WorkerAudit {
  private worker?: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly script: string, private readonly data: AuditWorkerData) {}

  /** A worker for the folder, or undefined when the worker script is not in the extension (then audit in the host). */
  static create(extensionPath: string, root: string): WorkerAudit | undefined {
    const script = join(extensionPath, 'dist', 'auditWorker.js');
    return existsSync(script) ? new WorkerAudit(script, { root, knowledgeDir: join(extensionPath, 'knowledge'), knowledgeSnapshot: join(extensionPath, 'dist', 'knowledge.json') }) : undefined;
  }

  run(input: FolderAuditInput, onProgress?: (progress: ScanProgress) => void): Promise<Report> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.send({ type: 'audit', id, input });
    });
  }

  invalidate(paths: string[], listing: boolean): void {
    if (this.worker) this.send({ type: 'invalidate', paths, listing });
  }

  reset(): void {
    if (this.worker) this.send({ type: 'reset' });
  }

  /** Stop the running audit: the worker is stopped (its cache with it) and started again on the next audit. */
  cancel(): void {
    this.stop(new AuditCancelled());
  }

  dispose(): void {
    this.stop(new Error('the folder was closed'));
  }

  private stop(reason: Error): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.failAll(reason);
  }

  private send(message: ToAuditWorker): void {
    this.started().postMessage(message);
  }

  private started(): Worker {
    if (!this.worker) {
      const worker = new Worker(this.script, { workerData: this.data });
      worker.on('message', (message: FromAuditWorker) => this.receive(message));
      worker.on('error', (err) => this.failAll(err));
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        this.failAll(new Error(`the audit worker stopped (exit code ${code})`));
      });
      this.worker = worker;
    }
    return this.worker;
  }

  private receive(message: FromAuditWorker): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'done') pending.resolve(message.report);
    else pending.reject(message.data ? new DataError(message.data.kind, message.data.issues) : new Error(message.message));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
