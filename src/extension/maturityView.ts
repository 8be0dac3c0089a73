/**
 * The "Maturity" webview view. Data goes to the webview by postMessage only (held until
 * it says `ready`); the HTML is static, with a strict Content-Security-Policy and a fresh
 * nonce per render; every message coming back is validated before anything acts on it.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { isWebviewMessage, type HostMessage, type WebviewMessage } from '../webview/protocol';
import type { AuditService } from './auditService';
import type { KnowledgeStore } from './knowledgeStore';
import { isSafeRelativePath } from './safePath';

export const MATURITY_VIEW_ID = 'mlopsLens.maturity';

export class MaturityViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view?: vscode.WebviewView;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: AuditService,
    private readonly knowledge: KnowledgeStore,
  ) {
    this.disposables.push(service.onDidChange(() => this.postFolders()));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    view.webview.options = { enableScripts: true, localResourceRoots: [media, dist] };
    view.webview.html = this.html(view.webview, media, dist);
    this.disposables.push(
      view.webview.onDidReceiveMessage((message: unknown) => {
        if (isWebviewMessage(message)) void this.handle(message);
      }),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'knowledge', knowledge: this.knowledge.digest() });
        this.postFolders();
        await this.service.auditPending();
        return;
      case 'reaudit': {
        // Not the Audit Workspace command: the panel shows the progress itself, and focusing the
        // view again would take keyboard focus off the button that was used.
        for (const audit of this.service.named(message.folder)) await audit.rerun();
        return;
      }
      case 'cancel':
        this.service.get(message.folder)?.cancel();
        return;
      case 'selectFolder':
        this.service.select(message.folder);
        return;
      case 'openSignal':
        await this.openSignal(message.folder, message.path, message.line);
        return;
      case 'openSource': {
        const url = this.knowledge.get().sources.find((s) => s.id === message.sourceId)?.url;
        // Only the knowledge base's own source URLs are ever opened.
        if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
        return;
      }
      case 'explain':
        await vscode.commands.executeCommand('mlopsLens.explainPractice', message.practice);
        return;
      case 'suppress':
        await vscode.commands.executeCommand('mlopsLens.suppress', message.folder, message.id, message.path);
        return;
      case 'unsuppress':
        await vscode.commands.executeCommand('mlopsLens.unsuppress', message.folder, message.id, message.path);
        return;
      case 'scaffold':
        await vscode.commands.executeCommand('mlopsLens.scaffold', message.folder, message.practice);
        return;
    }
  }

  /** Open a signal's file at its line — only a relative path inside a known workspace folder. */
  private async openSignal(folderKey: string, path: string, line?: number): Promise<void> {
    const audit = this.service.get(folderKey);
    if (!audit || !isSafeRelativePath(path)) return;
    const uri = vscode.Uri.joinPath(audit.folder.uri, ...path.split('/'));
    const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: true });
  }

  private postFolders(): void {
    if (!this.ready) return;
    const folders = this.service.views();
    if (folders.length === 0) {
      this.post({ type: 'noWorkspace' });
      return;
    }
    const active = this.service.current()?.folder.uri.toString();
    this.post({ type: 'folders', folders, ...(active ? { active } : {}) });
  }

  private post(message: HostMessage): void {
    void this.view?.webview.postMessage(message);
  }

  private html(webview: vscode.Webview, media: vscode.Uri, dist: vscode.Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const uri = (base: vscode.Uri, ...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(base, ...path)).toString();
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri(dist, 'codicons', 'codicon.css')}">
<link rel="stylesheet" href="${uri(media, 'maturity.css')}">
<title>MLOps maturity</title>
</head>
<body>
<div id="root"></div>
<script nonce="${nonce}" src="${uri(dist, 'webview.js')}"></script>
</body>
</html>`;
  }
}
