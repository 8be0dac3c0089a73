/**
 * Measure the tool on the labelled corpus of real repositories (eval/README.md).
 * Usage: npm run eval -- <snapshots-dir> [--only key,key] [--no-write] [--check]
 *   <snapshots-dir>  one checkout per repository, named <owner>__<name>, at the commit
 *                    in eval/repos.yaml (npm run eval:snapshots makes them)
 *   --only           score only these repositories (owner__name), for quick looks
 *   --no-write       print the results without rewriting eval/RESULTS.md
 *   --check          exit 1 when a target is missed
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ConditionContext } from '../src/core/assess/conditions';
import { decideLevel } from '../src/core/assess/level';
import { audit } from '../src/core/audit';
import { readRepoConfig } from '../src/core/config/readConfig';
import { createNodeFileHost } from '../src/core/host/nodeFileHost';
import { loadKnowledge } from '../src/core/knowledge/load';
import type { KnowledgeBase, PracticeStatus } from '../src/core/model/knowledge';
import { readCorpus, readLabels, type CorpusRepo } from './eval/corpus';
import { renderResults, summaryRows } from './eval/results';
import { score, type ToolVerdict } from './eval/score';
import { snapshotCommit } from './eval/snapshots';

const ROOT = resolve(__dirname, '..', '..');
const EVAL_DIR = join(ROOT, 'eval');
const SIGNALS_SHOWN = 3;

function usage(message: string): never {
  process.stderr.write(`eval: ${message}\nUsage: npm run eval -- <snapshots-dir> [--only owner__name,...] [--no-write] [--check]\n`);
  process.exit(2);
}

/** The level the tool's level model gives for these practice statuses. */
function levelModel(knowledge: KnowledgeBase): (statuses: ReadonlyMap<string, string>) => number {
  return (statuses) => {
    const ctx: ConditionContext = {
      status: (id) => (statuses.get(id) ?? 'absent') as PracticeStatus,
      signals: () => [],
      tools: new Map(),
      counts: { pythonFiles: 0, notebooks: 0, manualSteps: 0, ciPipelines: 0, files: 0, releaseTriggers: 0, mlImports: 1 },
      suppressedMeets: true,
    };
    return decideLevel(knowledge.levels, knowledge.practices, 0, ctx).current;
  };
}

async function verdictOf(dir: string, repo: CorpusRepo, knowledge: KnowledgeBase): Promise<ToolVerdict> {
  const host = createNodeFileHost(dir);
  const config = await readRepoConfig(host, knowledge);
  const report = await audit(host, { knowledge, config, rootName: repo.key, tool: { name: 'mlops-lens', version: 'eval' } });
  return {
    level: report.level.current,
    statuses: new Map(report.practices.map((p) => [p.id, p.status])),
    signals: new Map(report.practices.map((p) => [p.id, p.signals.slice(0, SIGNALS_SHOWN).map((s) => `${s.path}${s.line ? `:${s.line}` : ''} (${s.rule})`)])),
  };
}

function projectCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'knowledge', 'scripts'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const snapshotsArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--only');
  if (!snapshotsArg) usage('the snapshots folder is required');
  const snapshots = resolve(snapshotsArg);
  if (!existsSync(snapshots) || !statSync(snapshots).isDirectory()) usage(`${snapshotsArg}: no such folder`);
  const onlyArg = args.indexOf('--only');
  const only = onlyArg >= 0 ? new Set((args[onlyArg + 1] ?? '').split(',').filter(Boolean)) : undefined;

  const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
  const practiceIds = knowledge.practices.map((p) => p.id);
  const corpus = readCorpus(EVAL_DIR).filter((r) => !only || only.has(r.key));
  const labels = readLabels(EVAL_DIR, corpus, practiceIds);
  const verdicts = new Map<string, ToolVerdict>();
  const missing: string[] = [];
  for (const [i, repo] of corpus.entries()) {
    const dir = join(snapshots, repo.key);
    const commit = snapshotCommit(dir);
    if (!labels.has(repo.key)) missing.push(`${repo.key}: no label file`);
    else if (!commit) missing.push(`${repo.key}: no snapshot`);
    else if (commit !== repo.commit) missing.push(`${repo.key}: snapshot at ${commit.slice(0, 10)}, not ${repo.commit.slice(0, 10)}`);
    else {
      process.stderr.write(`[${i + 1}/${corpus.length}] ${repo.key}\n`);
      verdicts.set(repo.key, await verdictOf(dir, repo, knowledge));
    }
  }
  const model = levelModel(knowledge);
  const result = score(corpus, labels, verdicts, practiceIds, model);
  const heldOut = [...new Set(corpus.flatMap((r) => (r.split ? [r.split] : [])))];
  const splits = heldOut.length === 0 ? [] : [
    { label: 'tuned on', result: score(corpus.filter((r) => !r.split), labels, verdicts, practiceIds, model) },
    ...heldOut.map((split) => ({ label: split, result: score(corpus.filter((r) => r.split === split), labels, verdicts, practiceIds, model) })),
  ];
  const markdown = renderResults(result, { date: new Date().toISOString().slice(0, 10), commit: projectCommit(), corpusSize: corpus.length, missing }, splits);
  process.stdout.write(markdown);
  if (!args.includes('--no-write') && !only) writeFileSync(join(EVAL_DIR, 'RESULTS.md'), markdown);
  const missed = summaryRows(result).filter((row) => row[3] !== 'met');
  if (args.includes('--check') && missed.length > 0) {
    process.stderr.write(`eval: targets missed: ${missed.map((r) => r[0]).join(', ')}\n`);
    process.exitCode = 1;
  }
  if (missing.length > 0) process.stderr.write(`eval: ${missing.length} repositories not scored (see the first line of the results)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`eval: ${(err as Error).message}\n`);
  process.exit(2);
});
