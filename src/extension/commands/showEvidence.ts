/** MLOps Lens: Show Evidence — a quick pick over every source and claim; opens the source. */
import * as vscode from 'vscode';
import { attribution } from '../../core/report/sections';
import type { KnowledgeStore } from '../knowledgeStore';

export function showEvidenceCommand(knowledge: KnowledgeStore) {
  return async (): Promise<void> => {
    const items = knowledge.get().sources.flatMap((source) => [
      { label: source.title, kind: vscode.QuickPickItemKind.Separator, url: '' },
      ...source.claims.map((claim) => ({
        label: claim.statement,
        description: attribution(source),
        detail: `${claim.locator}${claim.unverified ? ' · unverified: seen only in a secondary summary' : ''} · ${source.url}`,
        url: source.url,
      })),
    ]);
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Evidence behind MLOps Lens: pick a claim to open its source', matchOnDescription: true, matchOnDetail: true });
    if (picked?.url) await vscode.env.openExternal(vscode.Uri.parse(picked.url));
  };
}
