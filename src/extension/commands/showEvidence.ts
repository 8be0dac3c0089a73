/** MLOps Lens: Show Evidence — a quick pick over every source and claim; opens the source. */
import * as vscode from 'vscode';
import { attribution } from '../../core/report/sections';
import type { KnowledgeStore } from '../knowledgeStore';

export function showEvidenceCommand(knowledge: KnowledgeStore) {
  return async (): Promise<void> => {
    // A separator's label is drawn over the right end of its first row: a study's long title
    // there hid the first claim, so the separator names the authors and year, the row the title.
    const items = knowledge.get().sources.flatMap((source) => [
      { label: attribution(source), kind: vscode.QuickPickItemKind.Separator, url: '' },
      ...source.claims.map((claim) => ({
        label: claim.statement,
        detail: `${source.title} · ${claim.locator}${claim.unverified ? ' · unverified: seen only in a secondary summary' : ''} · ${source.url}`,
        url: source.url,
      })),
    ]);
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Evidence behind MLOps Lens: pick a claim to open its source', matchOnDetail: true });
    if (picked?.url) await vscode.env.openExternal(vscode.Uri.parse(picked.url));
  };
}
