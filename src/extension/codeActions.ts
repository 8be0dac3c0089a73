/**
 * Code actions on MLOps Lens diagnostics: the mechanical quick fix a check defines
 * (e.g. seeding the random generators), a starter file from the practice's remediation
 * template, and suppression with a reason.
 */
import * as vscode from 'vscode';
import type { CheckFix } from '../core/model/knowledge';
import type { Finding } from '../core/model/report';
import { fixInserts } from './fixEdit';
import type { AuditService } from './auditService';
import { DIAGNOSTIC_SOURCE, findingRange } from './diagnostics';
import type { KnowledgeStore } from './knowledgeStore';

export function registerCodeActions(service: AuditService, knowledge: KnowledgeStore): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, {
    provideCodeActions(document, _range, context) {
      const audit = service.forUri(document.uri);
      if (!audit?.report) return [];
      const path = vscode.workspace.asRelativePath(document.uri, false);
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        const practiceId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
        const finding = audit.report.findings.find((f) => f.practice === practiceId && f.path === path && findingRange(f).start.line === diagnostic.range.start.line && f.message === diagnostic.message);
        const practice = knowledge.get().practices.find((p) => p.id === practiceId);
        if (!finding || !practice) continue;
        const fix = practice.checks.find((c) => `${practice.id}/${c.id}` === finding.id)?.fix;
        const fixed = fix && quickFix(document, finding, fix, diagnostic);
        if (fixed) actions.push(fixed);
        const folder = audit.folder.uri.toString();
        if (practice.remediation.template) {
          const scaffold = new vscode.CodeAction(`Create ${practice.remediation.template.path} (starter for ${practice.title})`, vscode.CodeActionKind.QuickFix);
          scaffold.command = { command: 'mlopsLens.scaffold', title: scaffold.title, arguments: [folder, practice.id] };
          scaffold.diagnostics = [diagnostic];
          actions.push(scaffold);
        }
        const suppressHere = new vscode.CodeAction(`Suppress this finding in ${finding.path} with a reason…`, vscode.CodeActionKind.QuickFix);
        suppressHere.command = { command: 'mlopsLens.suppress', title: suppressHere.title, arguments: [folder, finding.id, finding.path] };
        suppressHere.diagnostics = [diagnostic];
        actions.push(suppressHere);
        const suppress = new vscode.CodeAction(`Suppress the practice "${practice.title}" with a reason…`, vscode.CodeActionKind.QuickFix);
        suppress.command = { command: 'mlopsLens.suppress', title: suppress.title, arguments: [folder, practice.id] };
        suppress.diagnostics = [diagnostic];
        actions.push(suppress);
      }
      return actions;
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}

function quickFix(document: vscode.TextDocument, finding: Finding, fix: CheckFix, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  const inserts = fixInserts(fix, document.getText().split(/\r?\n/), finding.line);
  // The file already has all the fix would add (applied before, or written by hand).
  if (inserts.length === 0) return undefined;
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  for (const { line, text } of inserts) action.edit.insert(document.uri, new vscode.Position(line, 0), text);
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}
