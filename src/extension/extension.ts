/**
 * MLOps Lens in the editor: a thin adapter over the core. `activate` only registers
 * things; the first audit runs when the panel opens, a command runs, or (setting
 * `mlopsLens.auditOnOpen`) shortly after an ML workspace opens — never inside activate.
 */
import * as vscode from 'vscode';
import { AuditService } from './auditService';
import { registerCodeActions } from './codeActions';
import { auditCommand } from './commands/audit';
import { createConfigCommand } from './commands/createConfig';
import { EXPLAIN_SCHEME, explainPracticeCommand, ExplanationProvider } from './commands/explainPractice';
import { exportReportCommand } from './commands/exportReport';
import { scaffoldCommand } from './commands/scaffold';
import { showEvidenceCommand } from './commands/showEvidence';
import { suppressCommand, unsuppressCommand } from './commands/suppress';
import { registerDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { KnowledgeStore } from './knowledgeStore';
import { MATURITY_VIEW_ID, MaturityViewProvider } from './maturityView';
import { readSettings } from './settings';
import { registerStatusBar } from './statusBar';

/** Delay of the automatic first audit: the window finishes opening first. */
const AUDIT_ON_OPEN_DELAY_MS = 1500;

export function activate(context: vscode.ExtensionContext): void {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  const knowledge = new KnowledgeStore(context.extensionPath);
  const service = new AuditService(knowledge, version);
  const view = new MaturityViewProvider(context.extensionUri, service, knowledge);
  const explanations = new ExplanationProvider(service, knowledge);
  context.subscriptions.push(
    service,
    view,
    explanations,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanations),
    vscode.window.registerWebviewViewProvider(MATURITY_VIEW_ID, view, { webviewOptions: { retainContextWhenHidden: false } }),
    registerDiagnostics(service, knowledge),
    registerHover(service, knowledge),
    registerCodeActions(service, knowledge),
    registerStatusBar(service),
    vscode.commands.registerCommand('mlopsLens.audit', auditCommand(service)),
    vscode.commands.registerCommand('mlopsLens.exportReport', exportReportCommand(service)),
    vscode.commands.registerCommand('mlopsLens.showEvidence', showEvidenceCommand(knowledge)),
    vscode.commands.registerCommand('mlopsLens.explainPractice', explainPracticeCommand(knowledge)),
    vscode.commands.registerCommand('mlopsLens.createConfig', createConfigCommand(service)),
    vscode.commands.registerCommand('mlopsLens.suppress', suppressCommand(service)),
    vscode.commands.registerCommand('mlopsLens.unsuppress', unsuppressCommand(service)),
    vscode.commands.registerCommand('mlopsLens.scaffold', scaffoldCommand(service, knowledge)),
  );
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.some((f) => readSettings(f).auditOnOpen)) {
    const timer = setTimeout(() => void service.auditPending(), AUDIT_ON_OPEN_DELAY_MS);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }
}
