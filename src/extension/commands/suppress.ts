/**
 * MLOps Lens: Suppress… and Unsuppress…: write or remove a `suppress` entry of
 * `.mlops-lens.yaml` (a practice, a trade-off, or one finding: its check in its file) and
 * audit again, so every view shows the change.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core/config/config';
import type { Report } from '../../core/model/report';
import { location } from '../../core/report/sections';
import type { AuditService } from '../auditService';
import { addSuppression, exactPathGlob, removeSuppression } from '../configFile';
import type { FolderAudit } from '../folderAudit';
import { pickFolder, reportOf } from './pickFolder';

/** What to suppress or unsuppress: a practice or trade-off id, or a check id with a finding's file. */
interface Target {
  id: string;
  path?: string;
  label: string;
}

/** The target a caller (the panel, a quick fix) passed, if any. */
function givenTarget(id: unknown, path: unknown): Target | undefined {
  if (typeof id !== 'string') return undefined;
  return typeof path === 'string' ? { id, path, label: `${id} in ${path}` } : { id, label: id };
}

export function suppressCommand(service: AuditService) {
  return async (folderKey?: unknown, id?: unknown, path?: unknown): Promise<void> => {
    const audit = await pickFolder(service, folderKey);
    if (!audit) return;
    const target = givenTarget(id, path) ?? await pickToSuppress(audit);
    if (!target) return;
    const reason = await vscode.window.showInputBox({
      title: `Suppress ${target.label}`,
      prompt: target.path === undefined
        ? 'Why does this not apply here? The reason is kept in .mlops-lens.yaml and shown in every report.'
        : 'Why does this finding not apply to this file? The reason is kept in .mlops-lens.yaml and shown in every report.',
      validateInput: (value) => (value.trim().length < 3 ? 'A reason is required.' : undefined),
    });
    if (!reason) return;
    const entry = { id: target.id, ...(target.path !== undefined && { path: exactPathGlob(target.path) }), reason: reason.trim() };
    if (await editConfig(audit, (text) => addSuppression(text, entry))) {
      void vscode.window.showInformationMessage(`MLOps Lens: ${target.label} suppressed in ${CONFIG_FILE_NAME}.`);
    }
  };
}

export function unsuppressCommand(service: AuditService) {
  return async (folderKey?: unknown, id?: unknown, path?: unknown): Promise<void> => {
    const audit = await pickFolder(service, folderKey);
    if (!audit) return;
    const target = givenTarget(id, path) ?? await pickToUnsuppress(audit);
    if (!target) return;
    let removed: { id: string; path?: string } | undefined;
    const done = await editConfig(audit, (text) => {
      const result = removeSuppression(text, target.id, target.path);
      removed = result?.removed;
      return result?.text;
    });
    if (!done) return;
    if (!removed) {
      void vscode.window.showWarningMessage(`MLOps Lens: no entry in ${CONFIG_FILE_NAME} suppresses ${target.label}.`);
      return;
    }
    const where = removed.path === undefined ? '' : ` in ${removed.path}`;
    void vscode.window.showInformationMessage(`MLOps Lens: ${removed.id}${where} is no longer suppressed.`);
  };
}

/**
 * Apply an edit to the folder's config file and audit again. `edit` returns the new text, or
 * undefined to leave the file alone. False when the file could not be edited (the user is told).
 */
async function editConfig(audit: FolderAudit, edit: (text: string) => string | undefined): Promise<boolean> {
  const uri = vscode.Uri.joinPath(audit.folder.uri, CONFIG_FILE_NAME);
  const current = await vscode.workspace.fs.readFile(uri).then((b) => new TextDecoder().decode(b), () => '');
  let updated: string | undefined;
  try {
    updated = edit(current);
  } catch (err) {
    void vscode.window.showErrorMessage(`MLOps Lens: cannot edit ${CONFIG_FILE_NAME}: ${(err as Error).message}`);
    return false;
  }
  if (updated === undefined) return true;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(updated));
  await audit.rerun();
  return true;
}

async function pickToSuppress(audit: FolderAudit): Promise<Target | undefined> {
  const report = await reportOf(audit);
  if (!report) return undefined;
  const picked = await vscode.window.showQuickPick([
    ...report.tradeoffs.filter((t) => !t.suppressedReason).map((t) => ({ label: t.title, description: `trade-off · ${t.id}`, target: { id: t.id, label: t.id } })),
    ...report.practices.filter((p) => p.status === 'absent' || p.status === 'partial').map((p) => ({ label: p.title, description: `${p.status} · ${p.id}`, target: { id: p.id, label: p.id } })),
    ...report.findings.map((f) => ({ label: f.message, description: `finding · ${location(f)} · ${f.id}`, target: { id: f.id, path: f.path, label: `${f.id} in ${f.path}` } })),
  ], { placeHolder: 'Suppress which practice, trade-off or finding?', matchOnDescription: true });
  return picked?.target;
}

async function pickToUnsuppress(audit: FolderAudit): Promise<Target | undefined> {
  const report = await reportOf(audit);
  if (!report) return undefined;
  const items = suppressedTargets(report);
  if (items.length === 0) {
    void vscode.window.showInformationMessage(`MLOps Lens: nothing in ${audit.folder.name} is suppressed.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Unsuppress which practice, trade-off or finding?', matchOnDescription: true });
  return picked?.target;
}

function suppressedTargets(report: Report) {
  return [
    ...report.practices.filter((p) => p.status === 'suppressed').map((p) => ({ label: p.title, description: p.suppressedReason, target: { id: p.id, label: p.id } })),
    ...report.tradeoffs.filter((t) => t.suppressedReason !== undefined).map((t) => ({ label: t.title, description: t.suppressedReason, target: { id: t.id, label: t.id } })),
    ...(report.suppressedFindings ?? []).map((f) => ({ label: f.message, description: `${location(f)} · ${f.suppressedReason}`, target: { id: f.id, path: f.path, label: `${f.id} in ${f.path}` } })),
  ];
}
