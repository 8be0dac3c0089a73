/**
 * Which files the editor watches for re-audits: those some extractor or rule reads (CI steps
 * are followed into Makefiles, tox.ini, noxfile.py and scripts, which other extractors and
 * rules read too), by their base-name patterns, never `**\/*`. Pure: unit-tested without the editor.
 */
import { braceExpand } from 'minimatch';
import { CONFIG_FILE_NAME } from '../core/config/config';
import { readsOf } from '../core/engine/kinds';
import type { Extractor } from '../core/facts/extractor';
import type { KnowledgeBase } from '../core/model/knowledge';

/** Base-name patterns of every file an extractor or rule may read. */
export function watchedNames(knowledge: KnowledgeBase, extractors: readonly Extractor[]): string[] {
  const globs = [
    ...extractors.flatMap((e) => e.files),
    ...readsOf(knowledge.practices.flatMap((p) => p.detect)).watch,
    CONFIG_FILE_NAME, '.gitignore',
  ];
  const names = new Set<string>();
  for (const glob of globs) {
    for (const expanded of braceExpand(glob)) names.add(expanded.slice(expanded.lastIndexOf('/') + 1));
  }
  return [...names].filter((n) => n && n !== '**').sort();
}
