/**
 * Reading a scan's files on every core: worker threads (scanWorker.ts) take batches of
 * jobs as they finish the last, so a slow file holds up one batch, not a fixed share.
 * Results come back per job; the caller merges them in job order, so the facts do not
 * depend on how many workers ran or which finished first.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileJob, FileResult, ReadStats } from './fileJob';
import type { ScanWorkerAnswer, ScanWorkerData } from './scanWorker';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_MIN_JOBS = 2000;
/** Jobs per message: large enough to make messaging cheap, small enough to balance the load. */
const BATCH = 64;

/** The worker script beside this module (dist/ in the bundles, out/ in tests), when it is there. */
export function workerScript(): string | undefined {
  const path = join(__dirname, 'scanWorker.js');
  return existsSync(path) ? path : undefined;
}

/** Worker threads worth starting on this machine: one per core. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

/**
 * Run the jobs in `count` workers; `onResult` gets each job's result as it arrives, and
 * `stats` counts what was read. Rejects when a worker fails (the jobs not answered yet are
 * the caller's to run).
 */
export async function runInWorkers(
  jobs: readonly FileJob[],
  options: { script: string; count: number; data: ScanWorkerData },
  onResult: (job: FileJob, result: FileResult) => void,
  stats: ReadStats,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(options.count, Math.ceil(jobs.length / BATCH)) }, () => new Worker(options.script, { workerData: options.data }));
  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      let batch: readonly FileJob[] = [];
      const send = () => {
        if (next >= jobs.length) {
          resolve();
          return;
        }
        batch = jobs.slice(next, next + BATCH);
        next += batch.length;
        worker.postMessage({ jobs: batch });
      };
      worker.on('message', (answer: ScanWorkerAnswer) => {
        answer.results.forEach((result, i) => onResult(batch[i], result));
        stats.filesRead += answer.stats.filesRead;
        stats.bytesRead += answer.stats.bytesRead;
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`a scan worker stopped (exit code ${code})`)));
      send();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
