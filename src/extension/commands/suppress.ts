/** MLOps Lens: Suppress Finding — asks for the reason and writes it to `.mlops-lens.yaml`. */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core/config/config';
import type { AuditService } from '../auditService';
import { addSuppression } from '../configFile';
import { pickFolder, reportOf } from './pickFolder';

export function suppressCommand(service: AuditService) {
  return async (folderKey?: unknown, id?: unknown): Promise<void> => {
    const audit = await pickFolder(service, folderKey);
    if (!audit) return;
    let target = typeof id === 'string' ? id : undefined;
    if (!target) {
      const report = await reportOf(audit);
      if (!report) return;
      const picked = await vscode.window.showQuickPick([
        ...report.tradeoffs.filter((t) => !t.suppressedReason).map((t) => ({ label: t.title, description: `trade-off · ${t.id}`, id: t.id })),
        ...report.practices.filter((p) => p.status === 'absent' || p.status === 'partial').map((p) => ({ label: p.title, description: `${p.status} · ${p.id}`, id: p.id })),
      ], { placeHolder: 'Suppress which practice or trade-off?' });
      target = picked?.id;
    }
    if (!target) return;
    const reason = await vscode.window.showInputBox({
      title: `Suppress ${target}`,
      prompt: 'Why does this not apply here? The reason is kept in .mlops-lens.yaml and shown in every report.',
      validateInput: (value) => (value.trim().length < 3 ? 'A reason is required.' : undefined),
    });
    if (!reason) return;
    const uri = vscode.Uri.joinPath(audit.folder.uri, CONFIG_FILE_NAME);
    const current = await vscode.workspace.fs.readFile(uri).then((b) => new TextDecoder().decode(b), () => '');
    let updated: string;
    try {
      updated = addSuppression(current, target, reason.trim());
    } catch (err) {
      void vscode.window.showErrorMessage(`MLOps Lens: cannot add the suppression: ${(err as Error).message}`);
      return;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(updated));
    audit.reset();
    await audit.run();
    void vscode.window.showInformationMessage(`MLOps Lens: ${target} suppressed in ${CONFIG_FILE_NAME}.`);
  };
}
