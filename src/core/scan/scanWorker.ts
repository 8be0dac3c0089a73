/**
 * A worker thread of the scan: reads, parses and matches the files it is sent, from the
 * local folder the scan reads, and posts back their results (see workerPool.ts). It only
 * reads; it never runs repository code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { allExtractors } from '../facts';
import { createNodeFileHost } from '../host/nodeFileHost';
import { runFileJob, textReader, type FileJob, type JobIo, type ReadStats } from './fileJob';

/** What a worker is started with. */
export interface ScanWorkerData {
  root: string;
  maxFileBytes: number;
  /** Every path of the listing (for `exists`). */
  paths: string[];
}

/** A batch of jobs, and the answer to it. */
export interface ScanWorkerBatch {
  jobs: FileJob[];
}
export interface ScanWorkerAnswer {
  results: Awaited<ReturnType<typeof runFileJob>>[];
  stats: ReadStats;
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as ScanWorkerData;
  const host = createNodeFileHost(data.root);
  const paths = new Set(data.paths);
  const extractors = new Map(allExtractors.map((e) => [e.id, e]));
  port.on('message', async ({ jobs }: ScanWorkerBatch) => {
    const stats: ReadStats = { filesRead: 0, bytesRead: 0 };
    const io: JobIo = { readText: textReader(host, data.maxFileBytes, stats), exists: (path) => paths.has(path), extractor: (id) => extractors.get(id)! };
    const results = [];
    for (const job of jobs) results.push(await runFileJob(job, io, true));
    port.postMessage({ results, stats } satisfies ScanWorkerAnswer);
  });
}
