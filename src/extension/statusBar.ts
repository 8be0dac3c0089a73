/** The status bar item: level and target of the current folder (the panel's too; see statusBarView), opening the panel. */
import * as vscode from 'vscode';
import type { AuditService } from './auditService';
import { statusBarView } from './statusBarView';

export function registerStatusBar(service: AuditService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('mlopsLens.level', vscode.StatusBarAlignment.Left, 50);
  item.name = 'MLOps Lens maturity';
  item.command = 'mlopsLens.maturity.focus';
  const update = () => {
    const audit = service.current();
    const view = audit && statusBarView(audit.folder.name, audit.status, audit.report, audit.error);
    if (!view) {
      item.hide();
      return;
    }
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.accessibilityInformation = { label: view.tooltip };
    item.show();
  };
  return vscode.Disposable.from(item, service.onDidChange(update));
}
