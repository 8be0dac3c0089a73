/** Hovers on lines that hold evidence or findings: which practice, and the citation. */
import * as vscode from 'vscode';
import { knowledgeText } from '../core/report/markdown';
import type { PracticeResult, Report } from '../core/model/report';
import type { AuditService } from './auditService';
import type { KnowledgeStore } from './knowledgeStore';

export function registerHover(service: AuditService, knowledge: KnowledgeStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ scheme: 'file' }, {
    provideHover(document, position) {
      const audit = service.forUri(document.uri);
      if (!audit?.report) return undefined;
      const path = vscode.workspace.asRelativePath(document.uri, false);
      const markdown = hoverText(audit.report, path, position.line + 1, knowledge);
      return markdown ? new vscode.Hover(markdown) : undefined;
    },
  });
}

/** The hover for a file line, or undefined when nothing there is evidence. */
export function hoverText(report: Report, path: string, line: number, knowledge: KnowledgeStore): vscode.MarkdownString | undefined {
  const findings = report.findings.filter((f) => f.path === path && (f.line ?? 1) === line);
  const practices = report.practices.filter((p) => p.signals.some((s) => s.path === path && s.line === line));
  if (findings.length === 0 && practices.length === 0) return undefined;
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.supportHtml = false;
  const title = (id: string) => report.practices.find((p) => p.id === id)?.title ?? id;
  // A rule between sections: without it one practice's citations run into the next heading.
  let sections = 0;
  const section = () => {
    if (sections++ > 0) md.appendMarkdown('\n---\n\n');
  };
  // The finding's own message is already in the diagnostic's hover: add why it matters.
  for (const practiceId of new Set(findings.map((f) => f.practice))) {
    section();
    md.appendMarkdown('**MLOps Lens** · why this matters for ');
    md.appendText(title(practiceId));
    md.appendMarkdown('\n\n');
    const practice = report.practices.find((p) => p.id === practiceId);
    if (practice) appendCitations(md, practice, knowledge);
  }
  for (const practice of practices) {
    section();
    md.appendMarkdown('**MLOps Lens** · evidence for ');
    md.appendText(`${practice.title} (${practice.status}, expected from level ${practice.level})`);
    md.appendMarkdown('\n\n');
    appendCitations(md, practice, knowledge);
  }
  return md;
}

/** The practice's first two citations; one that supports it only indirectly says so, as the panel and reports do. */
function appendCitations(md: vscode.MarkdownString, practice: Pick<PracticeResult, 'evidence' | 'indirectEvidence'>, knowledge: KnowledgeStore): void {
  for (const ref of practice.evidence.slice(0, 2)) {
    const citation = knowledge.citation(ref);
    if (!citation) continue;
    const notes = [...(citation.unverified ? ['unverified'] : []), ...(practice.indirectEvidence?.includes(ref) ? ['indirect support'] : [])];
    // The statement's `code` spans stay code; everything else is escaped.
    md.appendMarkdown(`- ${knowledgeText(`${citation.statement}${notes.length > 0 ? ` (${notes.join(', ')})` : ''} — `)}`);
    md.appendMarkdown(`[${escapeLinkText(citation.label)}](${citation.url})\n`);
  }
  // A blank line ends the list: the next section would otherwise continue its last item.
  md.appendMarkdown('\n');
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}
