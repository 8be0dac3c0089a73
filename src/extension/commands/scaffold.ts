/** MLOps Lens: Create Starter File — a practice's remediation template, as an undoable edit. */
import * as vscode from 'vscode';
import type { AuditService } from '../auditService';
import type { KnowledgeStore } from '../knowledgeStore';
import { isSafeRelativePath } from '../safePath';
import { pickFolder } from './pickFolder';

export function scaffoldCommand(service: AuditService, knowledge: KnowledgeStore) {
  return async (folderKey?: unknown, practiceId?: unknown): Promise<void> => {
    const audit = await pickFolder(service, folderKey);
    if (!audit) return;
    const withTemplates = knowledge.get().practices.filter((p) => p.remediation.template);
    let practice = typeof practiceId === 'string' ? withTemplates.find((p) => p.id === practiceId) : undefined;
    if (!practice) {
      const picked = await vscode.window.showQuickPick(
        withTemplates.map((p) => ({ label: p.title, description: p.remediation.template!.path, practice: p })),
        { placeHolder: 'Create a starter file for which practice?' },
      );
      practice = picked?.practice;
    }
    const template = practice?.remediation.template;
    if (!template || !isSafeRelativePath(template.path)) return;
    const uri = vscode.Uri.joinPath(audit.folder.uri, ...template.path.split('/'));
    const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (!exists) {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { ignoreIfExists: true });
      edit.insert(uri, new vscode.Position(0, 0), template.content.endsWith('\n') ? template.content : `${template.content}\n`);
      await vscode.workspace.applyEdit(edit);
    }
    await vscode.window.showTextDocument(uri);
  };
}
