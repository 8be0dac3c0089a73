/** Snapshot checkouts of the corpus: which commit a checkout is at, read from its .git folder. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The commit a checkout's HEAD points at, or undefined when the folder is no git checkout. */
export function snapshotCommit(dir: string): string | undefined {
  const gitDir = join(dir, '.git');
  const headFile = join(gitDir, 'HEAD');
  if (!existsSync(headFile)) return undefined;
  const head = readFileSync(headFile, 'utf8').trim();
  const ref = /^ref: (.+)$/.exec(head)?.[1];
  if (!ref) return /^[0-9a-f]{40}$/.test(head) ? head : undefined;
  const loose = join(gitDir, ref);
  if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
  const packed = join(gitDir, 'packed-refs');
  if (!existsSync(packed)) return undefined;
  for (const line of readFileSync(packed, 'utf8').split('\n')) {
    const [hash, name] = line.split(' ');
    if (name === ref) return hash;
  }
  return undefined;
}
