/**
 * The evaluation corpus: `eval/repos.yaml` (which repositories, at which commits) and
 * `eval/labels/<owner>__<name>.yaml` (what a practitioner read in each). See
 * eval/LABELLING.md for what the labels mean.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One repository of the corpus. */
export interface CorpusRepo {
  url: string;
  commit: string;
  category: string;
  /** `owner__name`: the label file's and the snapshot folder's name. */
  key: string;
  /**
   * A held-out set the repository belongs to (`holdout`, `holdout-2`, ...): labelled after
   * the rules were tuned on the rest, never tuned on. Undefined: the set the rules were tuned on.
   */
  split?: string;
}

/** A practitioner's label for one practice. */
export interface PracticeLabel {
  status: 'present' | 'absent';
  evidence: string[];
  note?: string;
  /** A judgement call (`BORDERLINE:` note): not scored. */
  borderline: boolean;
  /** A literal signal exists but the practice is not practised (`TRAP:` note). */
  trap: boolean;
}

/** Everything labelled for one repository. */
export interface RepoLabel {
  level: number;
  levelRationale: string;
  practices: Map<string, PracticeLabel>;
}

export const CATEGORIES = [
  'dvc-mlflow', 'cloud-platform', 'orchestrator', 'research', 'library',
  'course-template-monorepo', 'llm-application', 'trap',
] as const;

/** `https://github.com/owner/name` → `owner__name`. */
export function repoKey(url: string): string {
  const match = /^https:\/\/github\.com\/([^/]+)\/([^/]+?)\/?$/.exec(url);
  if (!match) throw new Error(`not a GitHub repository URL: ${url}`);
  return `${match[1]}__${match[2]}`;
}

/** Read and check `repos.yaml`. */
export function readCorpus(evalDir: string): CorpusRepo[] {
  const file = join(evalDir, 'repos.yaml');
  const doc = parse(readFileSync(file, 'utf8')) as { repos?: unknown };
  if (!Array.isArray(doc?.repos)) throw new Error(`${file}: expected a 'repos' list`);
  const seen = new Set<string>();
  return doc.repos.map((entry: Record<string, unknown>, i: number) => {
    const where = `${file}: repos[${i}]`;
    if (typeof entry?.url !== 'string') throw new Error(`${where}: 'url' must be a string`);
    if (typeof entry.commit !== 'string' || !/^[0-9a-f]{40}$/.test(entry.commit)) throw new Error(`${where}: 'commit' must be 40 hex digits`);
    if (!CATEGORIES.includes(entry.category as (typeof CATEGORIES)[number])) throw new Error(`${where}: 'category' must be one of ${CATEGORIES.join(', ')}`);
    if (entry.split !== undefined && (typeof entry.split !== 'string' || !/^holdout(-\d+)?$/.test(entry.split))) throw new Error(`${where}: 'split' must be holdout or holdout-N`);
    const key = repoKey(entry.url);
    if (seen.has(key)) throw new Error(`${where}: ${entry.url} is listed twice`);
    seen.add(key);
    return { url: entry.url, commit: entry.commit, category: entry.category as string, key, ...(entry.split ? { split: entry.split as string } : {}) };
  });
}

/**
 * Read and check one label file against the practice ids the knowledge base defines:
 * every id labelled, nothing unknown, statuses and the level in range.
 */
export function parseLabel(file: string, text: string, repo: CorpusRepo, practiceIds: readonly string[]): RepoLabel {
  const doc = parse(text) as Record<string, unknown>;
  const fail = (reason: string): never => {
    throw new Error(`${file}: ${reason}`);
  };
  if (doc?.repo !== repo.url) fail(`'repo' must be ${repo.url}`);
  if (doc.commit !== repo.commit) fail(`'commit' must be ${repo.commit}, the commit in repos.yaml`);
  if (!Number.isInteger(doc.level) || (doc.level as number) < 0 || (doc.level as number) > 4) fail(`'level' must be an integer 0-4`);
  if (typeof doc.levelRationale !== 'string' || doc.levelRationale.trim() === '') fail(`'levelRationale' is required`);
  const raw = doc.practices as Record<string, Record<string, unknown>> | undefined;
  if (!raw || typeof raw !== 'object') fail(`'practices' must be a mapping`);
  const practices = new Map<string, PracticeLabel>();
  for (const [id, value] of Object.entries(raw!)) {
    if (!practiceIds.includes(id)) fail(`unknown practice '${id}'`);
    if (value?.status !== 'present' && value?.status !== 'absent') fail(`practices.${id}.status must be present or absent`);
    const note = typeof value.note === 'string' ? value.note : undefined;
    const evidence = value.evidence === undefined ? [] : value.evidence;
    if (!Array.isArray(evidence) || !evidence.every((e) => typeof e === 'string')) fail(`practices.${id}.evidence must be a list of paths`);
    practices.set(id, {
      status: value.status as 'present' | 'absent',
      evidence: evidence as string[],
      note,
      borderline: note?.startsWith('BORDERLINE:') ?? false,
      trap: note?.startsWith('TRAP:') ?? false,
    });
  }
  const missing = practiceIds.filter((id) => !practices.has(id));
  if (missing.length > 0) fail(`practices not labelled: ${missing.join(', ')}`);
  return { level: doc.level as number, levelRationale: doc.levelRationale as string, practices };
}

/** The label of every corpus repository that has one (a missing label file is reported by the caller). */
export function readLabels(evalDir: string, corpus: readonly CorpusRepo[], practiceIds: readonly string[]): Map<string, RepoLabel> {
  const labels = new Map<string, RepoLabel>();
  for (const repo of corpus) {
    const file = join(evalDir, 'labels', `${repo.key}.yaml`);
    if (existsSync(file)) labels.set(repo.key, parseLabel(file, readFileSync(file, 'utf8'), repo, practiceIds));
  }
  return labels;
}
