/**
 * All workspace folders' audits (one assessment per folder in multi-root workspaces),
 * re-audited when files the rules read are saved, created or deleted — debounced, and
 * reading only the changed files again.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../core/config/config';
import { allExtractors } from '../core/facts';
import type { FolderView } from '../webview/protocol';
import { FolderAudit } from './folderAudit';
import { watchedNames } from './watchedFiles';
import type { KnowledgeStore } from './knowledgeStore';

const DEBOUNCE_MS = 500;

export class AuditService implements vscode.Disposable {
  private readonly audits = new Map<string, FolderAudit>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires whenever a folder's status or report changes. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  /** Per folder: the paths changed since the last flush, and whether any was created or deleted. */
  private readonly pending = new Map<string, { paths: Set<string>; listing: boolean }>();
  private timer?: ReturnType<typeof setTimeout>;
  private watching = false;
  private currentKey?: string;

  constructor(private readonly knowledge: KnowledgeStore, private readonly version: string) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.syncFolders()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        for (const audit of this.audits.values()) {
          if (e.affectsConfiguration('mlopsLens', audit.folder.uri)) {
            void audit.rerun();
          }
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.auditAll()),
      // The current folder follows the editor: the panel and the status bar show the same one.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const audit = editor && this.forUri(editor.document.uri);
        if (audit) this.select(audit.folder.uri.toString());
      }),
    );
    this.syncFolders();
    const editorUri = vscode.window.activeTextEditor?.document.uri;
    this.currentKey = editorUri && this.forUri(editorUri)?.folder.uri.toString();
  }

  /**
   * The folder the panel and the status bar both show (multi-root): the active editor's, or
   * the one last picked in the panel, else the first.
   */
  current(): FolderAudit | undefined {
    return (this.currentKey !== undefined ? this.audits.get(this.currentKey) : undefined) ?? this.folders()[0];
  }

  /** Make a folder the current one (picked in the panel, or its file opened in an editor). */
  select(key: string): void {
    if (key === this.currentKey || !this.audits.has(key)) return;
    this.currentKey = key;
    this.changeEmitter.fire();
  }

  folders(): FolderAudit[] {
    return [...this.audits.values()];
  }

  /** The folder a command or the panel names by key (none when unknown), or every folder when it names none. */
  named(key: unknown): FolderAudit[] {
    if (typeof key !== 'string') return this.folders();
    const audit = this.audits.get(key);
    return audit ? [audit] : [];
  }

  views(): FolderView[] {
    return this.folders().map((a) => a.view());
  }

  get(folder: vscode.WorkspaceFolder | string | undefined): FolderAudit | undefined {
    if (folder === undefined) return undefined;
    return this.audits.get(typeof folder === 'string' ? folder : folder.uri.toString());
  }

  /** The audit of the folder holding a file. */
  forUri(uri: vscode.Uri): FolderAudit | undefined {
    return this.get(vscode.workspace.getWorkspaceFolder(uri));
  }

  /** Audit every folder (starting the file watchers on first use). */
  async auditAll(): Promise<void> {
    this.startWatching();
    await Promise.all(this.folders().map((a) => a.run()));
  }

  /** Audit folders that have never been audited. */
  async auditPending(): Promise<void> {
    this.startWatching();
    await Promise.all(this.folders().filter((a) => a.status === 'pending').map((a) => a.run()));
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    for (const audit of this.audits.values()) audit.dispose();
  }

  private syncFolders(): void {
    const current = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()));
    for (const [key, audit] of this.audits) {
      if (current.has(key)) continue;
      audit.dispose();
      this.audits.delete(key);
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const key = folder.uri.toString();
      if (!this.audits.has(key)) {
        const audit = new FolderAudit(folder, this.knowledge, this.version, () => this.changeEmitter.fire());
        this.audits.set(key, audit);
        if (this.watching) void audit.run();
      }
    }
    this.changeEmitter.fire();
  }

  /** Watch only files some extractor or rule reads (by their base-name patterns), never `**\/*`. */
  private startWatching(): void {
    if (this.watching) return;
    this.watching = true;
    const pattern = `**/{${watchedNames(this.knowledge.get(), allExtractors).join(',')}}`;
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    // An edit keeps the listing; a file created or deleted means listing the tree again.
    const edited = (uri: vscode.Uri) => this.queue(uri, false);
    const createdOrDeleted = (uri: vscode.Uri) => this.queue(uri, true);
    this.disposables.push(watcher, watcher.onDidChange(edited), watcher.onDidCreate(createdOrDeleted), watcher.onDidDelete(createdOrDeleted));
  }

  private queue(uri: vscode.Uri, listing: boolean): void {
    const audit = this.forUri(uri);
    if (!audit) return;
    const key = audit.folder.uri.toString();
    const pending = this.pending.get(key) ?? { paths: new Set<string>(), listing: false };
    pending.paths.add(vscode.workspace.asRelativePath(uri, false));
    pending.listing ||= listing;
    this.pending.set(key, pending);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  private flush(): void {
    for (const [key, { paths, listing }] of this.pending) {
      const audit = this.audits.get(key);
      if (!audit) continue;
      const all = [...paths];
      // Ignore files and the config change what is listed and how: start from scratch.
      if (all.some((p) => p.endsWith('.gitignore') || p === CONFIG_FILE_NAME)) audit.reset();
      else audit.invalidate(all, listing);
      void audit.run();
    }
    this.pending.clear();
  }
}
