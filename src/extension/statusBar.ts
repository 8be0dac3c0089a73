/** The status bar item: level and target of the active editor's folder, opening the panel. */
import * as vscode from 'vscode';
import type { AuditService } from './auditService';

export function registerStatusBar(service: AuditService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('mlopsLens.level', vscode.StatusBarAlignment.Left, 50);
  item.name = 'MLOps Lens maturity';
  item.command = 'mlopsLens.maturity.focus';
  const update = () => {
    const editorUri = vscode.window.activeTextEditor?.document.uri;
    const audit = (editorUri && service.forUri(editorUri)) ?? service.folders()[0];
    if (!audit) {
      item.hide();
      return;
    }
    const report = audit.report;
    if (audit.status === 'auditing' && !report) {
      item.text = '$(loading~spin) MLOps';
      item.tooltip = `MLOps Lens: auditing ${audit.folder.name}…`;
    } else if (report) {
      item.text = `$(pulse) MLOps L${report.level.current} → L${report.level.target}`;
      const gaps = report.level.foundationGaps.map((g) => g.title);
      const gapNote = gaps.length > 0 ? ` Foundation gaps: ${gaps.join(', ')}.` : '';
      item.tooltip = `MLOps Lens — ${audit.folder.name}: level ${report.level.current} (${report.level.name}); recommended target ${report.level.target} for a ${report.stage.id}.${gapNote} Click to open the Maturity panel.`;
    } else {
      item.hide();
      return;
    }
    item.show();
  };
  return vscode.Disposable.from(item, service.onDidChange(update), vscode.window.onDidChangeActiveTextEditor(update));
}
