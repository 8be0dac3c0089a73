/**
 * MLOps Lens: Explain Practice — why it matters, the evidence, how to start, and its status
 * here, as a read-only document (`mlops-lens-explain:` URIs, a content provider): nothing to
 * save on close, and it follows re-audits while it is open.
 */
import * as vscode from 'vscode';
import type { Practice } from '../../core/model/knowledge';
import { escapeMarkdown } from '../../core/report/sanitize';
import type { AuditService } from '../auditService';
import type { KnowledgeStore } from '../knowledgeStore';

/** The scheme of the explanations: `mlops-lens-explain:/<practice id>.md`. */
export const EXPLAIN_SCHEME = 'mlops-lens-explain';

export function explainPracticeCommand(knowledge: KnowledgeStore) {
  return async (practiceId?: unknown): Promise<void> => {
    const practices = knowledge.get().practices;
    let practice = typeof practiceId === 'string' ? practices.find((p) => p.id === practiceId) : undefined;
    if (!practice) {
      const picked = await vscode.window.showQuickPick(
        practices.map((p) => ({ label: p.title, description: `${p.dimension} · level ${p.level}`, practice: p })),
        { placeHolder: 'Explain which practice?', matchOnDescription: true },
      );
      practice = picked?.practice;
    }
    if (!practice) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${practice.id}.md` }));
    await vscode.window.showTextDocument(doc, { preview: true });
  };
}

/** The explanations' text, made when a document opens and again after each audit. */
export class ExplanationProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: AuditService, private readonly knowledge: KnowledgeStore) {
    this.subscription = service.onDidChange(() => {
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === EXPLAIN_SCHEME) this.changed.fire(doc.uri);
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const practice = this.knowledge.get().practices.find((p) => p.id === id);
    return practice ? explanation(practice, this.service, this.knowledge) : `# No practice \`${escapeMarkdown(id)}\`\n`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function explanation(practice: Practice, service: AuditService, knowledge: KnowledgeStore): string {
  const lines = [
    `# ${practice.title}`,
    '',
    `Dimension: ${practice.dimension} · expected from level ${practice.level} · effort ${practice.effort}`,
    '',
    '## Why',
    '',
    practice.why.trim(),
    '',
    '## Evidence',
    '',
    ...practice.evidence.map((ref) => {
      const c = knowledge.citation(ref);
      return c ? `- ${c.statement}${c.unverified ? ' (unverified)' : ''} — [${c.label}](${c.url})` : `- ${ref}`;
    }),
    '',
    '## How to start',
    '',
    practice.remediation.firstStep.trim(),
    '',
    practice.remediation.path.trim(),
    '',
    '## In this workspace',
    '',
  ];
  for (const audit of service.folders()) {
    const result = audit.report?.practices.find((p) => p.id === practice.id);
    if (!result) continue;
    // Folder names, reasons and paths come from the repository: escaped, as the document may be previewed.
    lines.push(`- **${escapeMarkdown(audit.folder.name)}**: ${result.status}${result.suppressedReason ? ` (${escapeMarkdown(result.suppressedReason)})` : ''}`);
    for (const s of result.signals.slice(0, 5)) lines.push(`  - ${escapeMarkdown(`${s.path}${s.line ? `:${s.line}` : ''}`)} (${s.strength})`);
  }
  return `${lines.join('\n')}\n`;
}
