/**
 * The editor's audits of a folder on the local disk, off the extension host's thread: the
 * host's event loop (every extension's completions, hovers and saves) never waits on a
 * scan. Reads with Node's file calls, keeps the folder's scan cache between audits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNodeFileHost } from '../../core/host/nodeFileHost';
import { DataError } from '../../core/knowledge/errors';
import { loadKnowledge } from '../../core/knowledge/load';
import type { KnowledgeBase } from '../../core/model/knowledge';
import { ScanCache } from '../../core/scan/scanner';
import { runFolderAudit } from '../folderPipeline';
import type { AuditWorkerData, FromAuditWorker, ToAuditWorker } from './protocol';

if (parentPort) {
  const port = parentPort;
  const data = workerData as AuditWorkerData;
  const host = createNodeFileHost(data.root);
  const cache = new ScanCache();
  let knowledge: KnowledgeBase | undefined;
  const post = (message: FromAuditWorker) => port.postMessage(message);
  port.on('message', async (message: ToAuditWorker) => {
    if (message.type === 'invalidate') {
      cache.filesChanged(message.paths, message.listing);
    } else if (message.type === 'reset') {
      cache.clear();
    } else {
      const { id } = message;
      try {
        knowledge ??= loadKnowledge(data.knowledgeDir, data.knowledgeSnapshot);
        const report = await runFolderAudit(host, knowledge, message.input, cache, (progress) => post({ type: 'progress', id, progress }));
        post({ type: 'done', id, report });
      } catch (err) {
        post({ type: 'failed', id, message: (err as Error).message, ...(err instanceof DataError ? { data: { kind: err.kind, issues: err.issues } } : {}) });
      }
    }
  });
}
