/** MLOps Lens: Export Report — Markdown, HTML, JSON or SARIF to a file the user picks. */
import * as vscode from 'vscode';
import { renderReport, type ReportFormat } from '../../core/report';
import type { AuditService } from '../auditService';
import { pickFolder, reportOf } from './pickFolder';

const FORMATS: { label: string; format: ReportFormat; ext: string; filter: string }[] = [
  { label: 'Markdown', format: 'markdown', ext: 'md', filter: 'Markdown' },
  { label: 'HTML', format: 'html', ext: 'html', filter: 'HTML' },
  { label: 'JSON', format: 'json', ext: 'json', filter: 'JSON' },
  { label: 'SARIF', format: 'sarif', ext: 'sarif', filter: 'SARIF' },
];

export function exportReportCommand(service: AuditService) {
  return async (folderKey?: unknown): Promise<void> => {
    const audit = await pickFolder(service, folderKey);
    if (!audit) return;
    const choice = await vscode.window.showQuickPick(FORMATS, { placeHolder: 'Export the MLOps Lens report as…' });
    if (!choice) return;
    const report = await reportOf(audit);
    if (!report) {
      void vscode.window.showErrorMessage(`MLOps Lens: no report for ${audit.folder.name}: ${audit.error ?? 'the audit did not finish'}`);
      return;
    }
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(audit.folder.uri, `mlops-lens-report.${choice.ext}`),
      filters: { [choice.filter]: [choice.ext] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderReport(report, choice.format, { color: false })));
    const open = await vscode.window.showInformationMessage(`MLOps Lens: report written to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
    if (open) await vscode.window.showTextDocument(target);
  };
}
