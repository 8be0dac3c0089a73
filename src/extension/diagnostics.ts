/**
 * Findings as diagnostics in the Problems panel, on the files where the evidence lives.
 * Each carries the practice id as its code, linking to the evidence behind it.
 */
import * as vscode from 'vscode';
import { plainText } from '../core/report/sanitize';
import type { Finding, FindingSeverity } from '../core/model/report';
import { unjudgedFiles } from '../core/report/sections';
import type { AuditService } from './auditService';
import type { KnowledgeStore } from './knowledgeStore';
import { readSettings } from './settings';

export const DIAGNOSTIC_SOURCE = 'MLOps Lens';

const RANK: Record<FindingSeverity, number> = { warning: 0, info: 1, hint: 2 };
const SEVERITY: Record<FindingSeverity, vscode.DiagnosticSeverity> = {
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The line range of a finding (0-based); file-level findings sit on the first line. */
export function findingRange(finding: { line?: number }): vscode.Range {
  const line = Math.max(0, (finding.line ?? 1) - 1);
  return new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER);
}

export function registerDiagnostics(service: AuditService, knowledge: KnowledgeStore): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('mlops-lens');
  const update = () => {
    collection.clear();
    for (const audit of service.folders()) {
      const settings = readSettings(audit.folder);
      if (!settings.diagnostics || !audit.report) continue;
      const byFile = new Map<string, vscode.Diagnostic[]>();
      for (const finding of audit.report.findings) {
        if (RANK[finding.severity] > RANK[settings.minimumSeverity]) continue;
        const list = byFile.get(finding.path) ?? [];
        list.push(toDiagnostic(finding, knowledge));
        byFile.set(finding.path, list);
      }
      for (const unjudged of unjudgedFiles(audit.report)) {
        const diagnostic = new vscode.Diagnostic(findingRange(unjudged), plainText(unjudged.message), vscode.DiagnosticSeverity.Warning);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = 'not-available';
        byFile.set(unjudged.path, [...(byFile.get(unjudged.path) ?? []), diagnostic]);
      }
      for (const [path, diagnostics] of byFile) {
        collection.set(vscode.Uri.joinPath(audit.folder.uri, ...path.split('/')), diagnostics);
      }
    }
  };
  const subscription = service.onDidChange(update);
  return vscode.Disposable.from(collection, subscription);
}

function toDiagnostic(finding: Finding, knowledge: KnowledgeStore): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(findingRange(finding), plainText(finding.message), SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  const practice = knowledge.get().practices.find((p) => p.id === finding.practice);
  const url = practice ? knowledge.evidenceUrl(practice.evidence) : undefined;
  diagnostic.code = url ? { value: finding.practice, target: vscode.Uri.parse(url) } : finding.practice;
  return diagnostic;
}
