/** The knowledge base shipped in the extension, loaded once on first use. */
import * as path from 'node:path';
import { loadKnowledge } from '../core/knowledge/load';
import type { KnowledgeBase } from '../core/model/knowledge';
import { attribution } from '../core/report/sections';
import type { KnowledgeDigest } from '../webview/protocol';

export class KnowledgeStore {
  private knowledge?: KnowledgeBase;

  constructor(readonly extensionPath: string) {}

  get(): KnowledgeBase {
    this.knowledge ??= loadKnowledge(path.join(this.extensionPath, 'knowledge'), path.join(this.extensionPath, 'dist', 'knowledge.json'));
    return this.knowledge;
  }

  /** URL of the first source a practice or trade-off cites (for diagnostic codes and hovers). */
  evidenceUrl(refs: readonly string[]): string | undefined {
    const sourceId = refs[0]?.split('#')[0];
    return this.get().sources.find((s) => s.id === sourceId)?.url;
  }

  /** The reports' citation label (see `attribution`) and the claim text of a `source#claim` reference. */
  citation(ref: string): { label: string; statement: string; url: string; unverified: boolean } | undefined {
    const [sourceId, claimId] = ref.split('#');
    const source = this.get().sources.find((s) => s.id === sourceId);
    const claim = source?.claims.find((c) => c.id === claimId);
    if (!source || !claim) return undefined;
    return { label: attribution(source), statement: claim.statement, url: source.url, unverified: claim.unverified === true };
  }

  /** What the webview needs beyond a report. */
  digest(): KnowledgeDigest {
    const kb = this.get();
    return {
      practices: Object.fromEntries(kb.practices.map((p) => [p.id, {
        why: p.why, firstStep: p.remediation.firstStep, path: p.remediation.path, effort: p.effort, hasTemplate: p.remediation.template !== undefined,
        indirect: Object.fromEntries(p.citations.filter((c) => c.indirect).map((c) => [c.ref, c.note ?? ''])),
      }])),
      claims: Object.fromEntries(kb.sources.flatMap((s) => s.claims.map((c) => [`${s.id}#${c.id}`, {
        statement: c.statement, locator: c.locator, unverified: c.unverified === true,
      }]))),
      sources: Object.fromEntries(kb.sources.map((s) => [s.id, { title: s.title, authors: s.authors, year: s.year, url: s.url }])),
      dimensions: kb.dimensions.map((d) => ({ id: d.id, title: d.title })),
    };
  }
}
