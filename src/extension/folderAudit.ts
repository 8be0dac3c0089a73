/**
 * One workspace folder's audit: runs the core pipeline through `vscode.workspace.fs`,
 * keeps per-file results between runs (only changed files are read again), and keeps
 * the last good report when the configuration breaks.
 */
import * as vscode from 'vscode';
import { audit } from '../core/audit';
import { readRepoConfig } from '../core/config/readConfig';
import { CONFIG_FILE_NAME } from '../core/config/config';
import type { Config } from '../core/config/config';
import { DataError } from '../core/knowledge/errors';
import type { Report } from '../core/model/report';
import { ScanCache } from '../core/scan/scanner';
import type { FolderView } from '../webview/protocol';
import type { KnowledgeStore } from './knowledgeStore';
import { readSettings } from './settings';
import { createVscodeFileHost } from './vscodeFileHost';

/** Practices that say nothing about ML on their own: a folder with only these is no ML project. */
const NON_ML_PRACTICES = new Set(['vcs', 'code-quality', 'ci', 'unit-tests', 'containerization', 'infrastructure-as-code', 'dependency-pinning']);

export class FolderAudit {
  report?: Report;
  error?: string;
  status: FolderView['status'] = 'pending';
  private readonly cache = new ScanCache();
  private running?: Promise<void>;
  private again = false;
  /** The error last shown as a notification: each distinct error is shown once. */
  private shownError?: string;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly knowledge: KnowledgeStore,
    private readonly version: string,
    private readonly onChange: () => void,
  ) {}

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
    if (listing) this.cache.invalidate(paths);
    else this.cache.contentChanged(paths);
  }

  /** Settings, configuration or ignore files changed: start from scratch. */
  reset(): void {
    this.cache.clear();
  }

  view(): FolderView {
    return {
      key: this.folder.uri.toString(),
      name: this.folder.name,
      status: this.status,
      ...(this.report ? { report: this.report } : {}),
      ...(this.error ? { error: this.error } : {}),
      ...(this.report && isNotMl(this.report) ? { notMl: true } : {}),
    };
  }

  private async runOnce(): Promise<void> {
    this.status = 'auditing';
    this.onChange();
    const host = createVscodeFileHost(this.folder.uri);
    const settings = readSettings(this.folder);
    const knowledge = this.knowledge.get();
    try {
      const config = await readRepoConfig(host, knowledge);
      const effective: Config = {
        ...config,
        excludes: [...config.excludes, ...settings.excludes],
        // Patterns in an untrusted repository's config are not run until the folder is trusted.
        practices: vscode.workspace.isTrusted ? config.practices : [],
      };
      this.report = await audit(host, {
        knowledge,
        config: effective,
        stage: settings.stage,
        rootName: this.folder.name,
        tool: { name: 'mlops-lens', version: this.version },
        cache: this.cache,
      });
      this.error = undefined;
      this.shownError = undefined;
      this.status = 'ready';
    } catch (err) {
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
