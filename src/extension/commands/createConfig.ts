/** MLOps Lens: Create Config File — a commented `.mlops-lens.yaml`, or the existing one opened. */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core/config/config';
import type { AuditService } from '../auditService';
import { CONFIG_TEMPLATE } from '../configFile';
import { pickFolder } from './pickFolder';

export function createConfigCommand(service: AuditService) {
  return async (folderKey?: unknown): Promise<void> => {
    const audit = await pickFolder(service, folderKey);
    if (!audit) return;
    const uri = vscode.Uri.joinPath(audit.folder.uri, CONFIG_FILE_NAME);
    const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (!exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(CONFIG_TEMPLATE));
    await vscode.window.showTextDocument(uri);
  };
}
