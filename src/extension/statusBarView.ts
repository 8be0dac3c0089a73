/**
 * What the status bar item says for a folder's audit, as plain data (unit-tested without the
 * editor): the level and target, a spinner while an audit runs (with the last level kept),
 * and a warning when the configuration is broken (with the last level, if any, kept too).
 */
import type { Report } from '../core/model/report';
import type { FolderView } from '../webview/protocol';

export interface StatusBarView {
  text: string;
  tooltip: string;
  /** Shown on the warning background (the audit failed or the configuration is broken). */
  warning: boolean;
}

/** The item for one folder; undefined when there is nothing to show yet. */
export function statusBarView(folder: string, status: FolderView['status'], report: Report | undefined, error: string | undefined): StatusBarView | undefined {
  const level = report ? ` L${report.level.current} → L${report.level.target}` : '';
  if (status === 'error') {
    return {
      text: `$(warning) MLOps${level}`,
      tooltip: `MLOps Lens — ${folder}: ${error ?? 'the audit failed'}${report ? ' The last good assessment is shown.' : ''} Click to open the Maturity panel.`,
      warning: true,
    };
  }
  if (status === 'auditing') {
    return {
      text: `$(loading~spin) MLOps${level}`,
      tooltip: `MLOps Lens: auditing ${folder}…${report ? ` (level ${report.level.current} until it finishes)` : ''}`,
      warning: false,
    };
  }
  if (!report) return undefined;
  const gaps = report.level.foundationGaps.map((g) => g.title);
  const gapNote = gaps.length > 0 ? ` Foundation gaps: ${gaps.join(', ')}.` : '';
  return {
    text: `$(pulse) MLOps${level}`,
    tooltip: `MLOps Lens — ${folder}: level ${report.level.current} (${report.level.name}); recommended target ${report.level.target} for a ${report.stage.id}.${gapNote} Click to open the Maturity panel.`,
    warning: false,
  };
}
