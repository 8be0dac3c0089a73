/**
 * Check out every corpus repository at its pinned commit, for `npm run eval`.
 * Usage: npm run eval:snapshots -- <snapshots-dir> [--mirror DIR]
 *   --mirror DIR  clone from local git copies named DIR/<owner>+<name>/repo instead of GitHub
 * Existing checkouts at the right commit are kept; others are made anew. Git only
 * downloads and checks out: nothing in the repositories is run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCorpus, type CorpusRepo } from './eval/corpus';
import { snapshotCommit } from './eval/snapshots';

const ROOT = resolve(__dirname, '..', '..');

function git(args: string[], cwd?: string): void {
  // Hooks and filters of the cloned repository must not run: no checkout hooks, no LFS smudge.
  execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'filter.lfs.smudge=', '-c', 'filter.lfs.process=', '-c', 'filter.lfs.required=false', ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function source(repo: CorpusRepo, mirror: string | undefined): string {
  if (!mirror) return repo.url;
  const [owner, name] = repo.key.split('__');
  const base = join(mirror, `${owner}+${name}`, 'repo');
  return existsSync(join(base, '.git')) ? join(base, '.git') : base;
}

function main(): void {
  const args = process.argv.slice(2);
  const mirrorArg = args.indexOf('--mirror');
  const mirror = mirrorArg >= 0 ? resolve(args[mirrorArg + 1] ?? '') : undefined;
  const target = args.find((a, i) => !a.startsWith('--') && i !== mirrorArg + 1);
  if (!target) {
    process.stderr.write('Usage: npm run eval:snapshots -- <snapshots-dir> [--mirror DIR]\n');
    process.exit(2);
  }
  mkdirSync(resolve(target), { recursive: true });
  const failed: string[] = [];
  for (const repo of readCorpus(join(ROOT, 'eval'))) {
    const dir = join(resolve(target), repo.key);
    if (snapshotCommit(dir) === repo.commit) {
      process.stderr.write(`${repo.key}: up to date\n`);
      continue;
    }
    process.stderr.write(`${repo.key}: cloning ${repo.commit.slice(0, 10)}\n`);
    rmSync(dir, { recursive: true, force: true });
    try {
      git(['clone', '--quiet', '--no-checkout', source(repo, mirror), dir]);
      // A checkout can miss blobs the source does not have (large files); what is there is kept.
      try {
        git(['checkout', '--quiet', '--detach', repo.commit], dir);
      } catch (err) {
        process.stderr.write(`  checkout incomplete: ${String((err as { stderr?: Buffer }).stderr ?? err).split('\n')[0]}\n`);
      }
    } catch (err) {
      failed.push(repo.key);
      process.stderr.write(`  failed: ${String((err as { stderr?: Buffer }).stderr ?? err).split('\n')[0]}\n`);
    }
  }
  if (failed.length > 0) {
    process.stderr.write(`${failed.length} repositories could not be cloned: ${failed.join(', ')}\n`);
    process.exit(1);
  }
}

main();
