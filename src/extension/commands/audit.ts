/** MLOps Lens: Audit Workspace — with a progress notification, then reveals the panel. */
import * as vscode from 'vscode';
import type { AuditService } from '../auditService';

export function auditCommand(service: AuditService) {
  return async (folderKey?: unknown): Promise<void> => {
    const targets = service.named(folderKey);
    if (targets.length === 0) {
      void vscode.window.showInformationMessage('MLOps Lens: open a folder that holds an ML project to audit it.');
      return;
    }
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'MLOps Lens', cancellable: false },
      async (progress) => {
        for (const audit of targets) {
          progress.report({ message: `auditing ${audit.folder.name}…` });
          await audit.rerun();
        }
      },
    );
    await vscode.commands.executeCommand('mlopsLens.maturity.focus');
  };
}
