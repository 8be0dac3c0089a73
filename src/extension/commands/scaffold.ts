/** MLOps Lens: Create Starter File — a practice's remediation template, as an undoable edit. */
import * as vscode from 'vscode';
import { groupBy } from '../../core/engine/groups';
import type { AuditService } from '../auditService';
import type { KnowledgeStore } from '../knowledgeStore';
import { isSafeRelativePath } from '../safePath';
import { pickFolder } from './pickFolder';

export function scaffoldCommand(service: AuditService, knowledge: KnowledgeStore) {
  return async (folderKey?: unknown, practiceId?: unknown): Promise<void> => {
    const audit = await pickFolder(service, folderKey);
    if (!audit) return;
    const withTemplates = knowledge.get().practices.filter((p) => p.remediation.template && isSafeRelativePath(p.remediation.template.path));
    const uriOf = (path: string) => vscode.Uri.joinPath(audit.folder.uri, ...path.split('/'));
    const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);
    let practice = typeof practiceId === 'string' ? withTemplates.find((p) => p.id === practiceId) : undefined;
    if (!practice) {
      // One entry per file: practices that share a starter (a CI workflow) are named together.
      const byPath = groupBy(withTemplates, (p) => p.remediation.template!.path);
      const items = await Promise.all([...byPath].map(async ([path, practices]) => ({
        label: practices.map((p) => p.title).join(' · '),
        description: path,
        ...((await exists(uriOf(path))) && { detail: 'Already in this folder: opens it' }),
        practice: practices[0],
      })));
      const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Create a starter file for which practice?', matchOnDescription: true });
      if (picked?.detail) {
        await vscode.window.showTextDocument(uriOf(picked.description));
        return;
      }
      practice = picked?.practice;
    }
    const template = practice?.remediation.template;
    if (!template) return;
    const uri = uriOf(template.path);
    if (await exists(uri)) {
      // Never overwritten: say so, and offer the file that is there.
      const open = await vscode.window.showInformationMessage(`${template.path} already exists; the starter file was not written.`, 'Open File');
      if (open) await vscode.window.showTextDocument(uri);
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), template.content.endsWith('\n') ? template.content : `${template.content}\n`);
    await vscode.workspace.applyEdit(edit);
    await vscode.window.showTextDocument(uri);
  };
}
