/**
 * One workspace folder's audit: a folder on the local disk is audited in a worker thread
 * with Node's file calls (the extension host stays responsive); a remote or virtual one
 * through `vscode.workspace.fs`. Keeps per-file results between runs (only changed files
 * are read again), and the last good report when the configuration breaks.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../core/config/config';
import { DataError } from '../core/knowledge/errors';
import type { Report } from '../core/model/report';
import { ScanCache, type ScanProgress } from '../core/scan/scanner';
import type { FolderView } from '../webview/protocol';
import type { KnowledgeStore } from './knowledgeStore';
import { readSettings } from './settings';
import { createVscodeFileHost } from './vscodeFileHost';
import { runFolderAudit, type FolderAuditInput } from './folderPipeline';
import { AuditCancelled, WorkerAudit } from './worker/workerAudit';

/** Practices that say nothing about ML on their own: a folder with only these is no ML project. */
const NON_ML_PRACTICES = new Set(['vcs', 'code-quality', 'ci', 'unit-tests', 'containerization', 'infrastructure-as-code', 'dependency-pinning']);

/** Progress reaches the panel at most this often: a 100,000-file scan reports every 100 files. */
const PROGRESS_EVERY_MS = 200;

export class FolderAudit {
  report?: Report;
  error?: string;
  status: FolderView['status'] = 'pending';
  /** While auditing: how far the scan has got. */
  progress?: ScanProgress;
  private progressShown = 0;
  /** The worker that audits a folder on the local disk (it keeps its own scan cache)... */
  private readonly worker?: WorkerAudit;
  /** ...or, for a remote or virtual folder audited in the host, the scan cache kept here. */
  private readonly cache?: ScanCache;
  private running?: Promise<void>;
  private again = false;
  /** The error last shown as a notification: each distinct error is shown once. */
  private shownError?: string;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly knowledge: KnowledgeStore,
    private readonly version: string,
    private readonly onChange: () => void,
  ) {
    this.worker = folder.uri.scheme === 'file' ? WorkerAudit.create(knowledge.extensionPath, folder.uri.fsPath) : undefined;
    if (!this.worker) this.cache = new ScanCache();
  }

  /** Run (or queue one more run after the current one); resolves when the folder is up to date. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.runOnce();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Files changed (`listing`: some created or deleted): the next run reads them again, and lists the tree again if needed. */
  invalidate(paths: readonly string[], listing: boolean): void {
    this.cache?.filesChanged(paths, listing);
    this.worker?.invalidate([...paths], listing);
  }

  /** Settings, configuration or ignore files changed: start from scratch. */
  reset(): void {
    this.cache?.clear();
    this.worker?.reset();
  }

  /** Audit from scratch (the cache dropped): the configuration changed, or the user asked. */
  rerun(): Promise<void> {
    this.reset();
    return this.run();
  }

  /** Stop a running audit (local folders only: the worker is stopped); the last report stays. */
  cancel(): void {
    if (this.status !== 'auditing' || !this.worker) return;
    this.again = false;
    this.worker.cancel();
  }

  dispose(): void {
    this.worker?.dispose();
  }

  view(): FolderView {
    return {
      key: this.folder.uri.toString(),
      name: this.folder.name,
      status: this.status,
      ...(this.status === 'auditing' && this.progress ? { progress: { ...this.progress } } : {}),
      ...(this.status === 'auditing' && this.worker ? { cancellable: true } : {}),
      ...(this.report ? { report: this.report } : {}),
      ...(this.error ? { error: this.error } : {}),
      ...(this.report && isNotMl(this.report) ? { notMl: true } : {}),
    };
  }

  private async runOnce(): Promise<void> {
    this.status = 'auditing';
    this.progress = undefined;
    this.onChange();
    const onProgress = (progress: ScanProgress) => {
      this.progress = progress;
      if (Date.now() - this.progressShown < PROGRESS_EVERY_MS) return;
      this.progressShown = Date.now();
      this.onChange();
    };
    const settings = readSettings(this.folder);
    const input: FolderAuditInput = {
      rootName: this.folder.name,
      version: this.version,
      excludes: settings.excludes,
      ...(settings.stage ? { stage: settings.stage } : {}),
      // Patterns in an untrusted repository's config are not run until the folder is trusted.
      trusted: vscode.workspace.isTrusted,
    };
    try {
      this.report = this.worker
        ? await this.worker.run(input, onProgress)
        : await runFolderAudit(createVscodeFileHost(this.folder.uri), this.knowledge.get(), input, this.cache!, onProgress);
      this.error = undefined;
      this.shownError = undefined;
      this.status = 'ready';
    } catch (err) {
      if (err instanceof AuditCancelled) {
        this.status = 'cancelled';
        this.onChange();
        return;
      }
      // A broken config keeps the last good report on screen, with the error beside it.
      this.error = err instanceof DataError ? err.message : `The audit failed: ${(err as Error).message}`;
      this.status = 'error';
      this.notifyOnce(this.error, err instanceof DataError && err.kind === 'config');
    }
    this.onChange();
  }

  private notifyOnce(error: string, inConfig: boolean): void {
    if (error === this.shownError) return;
    this.shownError = error;
    const open = inConfig ? ['Open .mlops-lens.yaml'] : [];
    void vscode.window.showErrorMessage(`MLOps Lens (${this.folder.name}): ${error}`, ...open).then((choice) => {
      if (choice) void vscode.window.showTextDocument(vscode.Uri.joinPath(this.folder.uri, CONFIG_FILE_NAME));
    });
  }
}

function isNotMl(report: Report): boolean {
  return report.practices.every((p) => p.status === 'absent' || p.status === 'not-available' || p.status === 'suppressed' || NON_ML_PRACTICES.has(p.id));
}
