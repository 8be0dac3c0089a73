/**
 * Collections: repositories holding several separate projects side by side (a course's
 * modules, a set of samples). Capabilities of different projects do not add up to one
 * team's practice, so a collection's level is the level of its most mature project.
 */
import type { FileFact } from '../model/facts';
import type { CollectionRule, KnowledgeBase, PracticeStatus } from '../model/knowledge';
import type { LevelResult, PracticeResult } from '../model/report';
import type { ConditionContext } from './conditions';
import { decideLevel } from './level';
import { statusFromSignals } from './practices';
import { globMatcher } from '../scan/globs';

/** One part of a collection: a top-level folder, or the files around them (`''`). */
export interface CollectionScope {
  /** The folder (`03-orchestration`), or `''` for root files and dot-folders such as `.github`. */
  folder: string;
  contains(path: string): boolean;
}

/**
 * The scopes of a collection, or undefined when the repository is one project: the root
 * holds no project marker and at least `minProjects` top-level folders hold one, or the
 * configuration says it is a collection (`forced`).
 */
export function collectionScopes(files: readonly FileFact[], rule: CollectionRule, forced?: boolean): CollectionScope[] | undefined {
  const isMarker = globMatcher(rule.projectMarkers);
  const folders = new Set<string>();
  const projects = new Set<string>();
  for (const { path } of files) {
    const slash = path.indexOf('/');
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (slash < 0) {
      if (isMarker(base) && !forced) return undefined;
      continue;
    }
    const top = path.slice(0, slash);
    // Dot-folders (.github, .dvc, .devcontainer) serve the repository as a whole.
    if (top.startsWith('.')) continue;
    folders.add(top);
    if (isMarker(base)) projects.add(top);
  }
  if (forced ? folders.size === 0 : projects.size < rule.minProjects) return undefined;
  const sorted = [...folders].sort();
  return [
    ...sorted.map((folder) => ({ folder, contains: (path: string) => path.startsWith(`${folder}/`) })),
    { folder: '', contains: (path: string) => {
      const slash = path.indexOf('/');
      return slash < 0 || !folders.has(path.slice(0, slash));
    } },
  ];
}

/**
 * The level of a collection: each scope's level from its own signals (shared practices'
 * root evidence counting everywhere), the highest one winning, earliest scope on ties.
 */
export function collectionLevel(
  knowledge: KnowledgeBase,
  results: readonly PracticeResult[],
  scopes: readonly CollectionScope[],
  target: number,
  ctx: ConditionContext,
): LevelResult {
  const rule = knowledge.collections!;
  const root = scopes.find((s) => s.folder === '')!;
  const requireOf = new Map(knowledge.practices.map((p) => [p.id, p.require]));
  let best: { scope: CollectionScope; level: LevelResult } | undefined;
  for (const scope of scopes) {
    const statuses = new Map<string, PracticeStatus>(results.map((r) => {
      if (r.status === 'suppressed') return [r.id, r.status];
      const shared = rule.sharedPractices.includes(r.id);
      const signals = r.signals.filter((s) => scope.contains(s.path) || (shared && root.contains(s.path)));
      return [r.id, statusFromSignals(signals, requireOf.get(r.id) ?? 'configured')];
    }));
    const level = decideLevel(knowledge.levels, knowledge.practices, target, { ...ctx, status: (id) => statuses.get(id) ?? 'absent' });
    if (!best || level.current > best.level.current) best = { scope, level };
  }
  const where = best!.scope.folder ? `${best!.scope.folder}/` : 'the files at its root';
  const projects = scopes.length - 1;
  return {
    ...best!.level,
    decidedBy: `A collection of ${projects} top-level folders, judged by its most mature one, ${where}: ${best!.level.decidedBy}`,
    collection: { folder: best!.scope.folder, folders: projects },
  };
}
