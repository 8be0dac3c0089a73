/** MLOps Lens: Explain Practice — why it matters, the evidence, how to start, and its status here. */
import * as vscode from 'vscode';
import type { Practice } from '../../core/model/knowledge';
import type { AuditService } from '../auditService';
import type { KnowledgeStore } from '../knowledgeStore';

export function explainPracticeCommand(service: AuditService, knowledge: KnowledgeStore) {
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
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: explanation(practice, service, knowledge) });
    await vscode.window.showTextDocument(doc, { preview: true });
  };
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
    lines.push(`- **${audit.folder.name}**: ${result.status}${result.suppressedReason ? ` (${result.suppressedReason})` : ''}`);
    for (const s of result.signals.slice(0, 5)) lines.push(`  - \`${s.path}${s.line ? `:${s.line}` : ''}\` (${s.strength})`);
  }
  return `${lines.join('\n')}\n`;
}
