/** Which folder a command acts on: the one given, the only one, or the user's pick. */
import * as vscode from 'vscode';
import type { AuditService } from '../auditService';
import type { FolderAudit } from '../folderAudit';

export async function pickFolder(service: AuditService, key?: unknown): Promise<FolderAudit | undefined> {
  if (typeof key === 'string') return service.get(key);
  const folders = service.folders();
  if (folders.length <= 1) return folders[0];
  const picked = await vscode.window.showQuickPick(
    folders.map((a) => ({ label: a.folder.name, description: a.report ? `level ${a.report.level.current}` : '', audit: a })),
    { placeHolder: 'Which workspace folder?' },
  );
  return picked?.audit;
}

/** The folder's report, auditing first when there is none yet. */
export async function reportOf(audit: FolderAudit) {
  if (!audit.report) await audit.run();
  return audit.report;
}
