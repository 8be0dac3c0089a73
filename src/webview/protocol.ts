/**
 * The typed message contract between the extension host and the Maturity webview.
 * Shared by both sides; the host validates every message it receives (`isWebviewMessage`),
 * since a webview is treated like any other untrusted input.
 */
import type { Report } from '../core/model/report';

/** Knowledge the panel needs beyond the report: why, remediation and claim texts. */
export interface KnowledgeDigest {
  practices: Record<string, {
    why: string; firstStep: string; path: string; effort: string; hasTemplate: boolean;
    /** `source#claim` → how a claim cited only as indirect support bears on the practice. */
    indirect?: Record<string, string>;
  }>;
  /** `source#claim` → paraphrased claim and where in the source it stands. */
  claims: Record<string, { statement: string; locator: string; unverified: boolean }>;
  sources: Record<string, { title: string; authors: string[]; year: number; url: string }>;
  dimensions: { id: string; title: string }[];
}

/** One workspace folder's state as the panel shows it. */
export interface FolderView {
  /** The folder's URI as a string: the key for messages about it. */
  key: string;
  name: string;
  status: 'pending' | 'auditing' | 'ready' | 'error' | 'cancelled';
  report?: Report;
  /** While auditing: files listed so far, or files read of those to read. */
  progress?: { phase: 'listing' | 'reading'; done: number; total?: number };
  /** Whether the running audit can be stopped (a folder on the local disk, audited in a worker). */
  cancellable?: boolean;
  /** A configuration or scan error; the last good report stays shown beside it. */
  error?: string;
  /** True when the folder shows no ML markers at all (the panel then shows welcome text). */
  notMl?: boolean;
}

/** Host → webview. */
export type HostMessage =
  | { type: 'knowledge'; knowledge: KnowledgeDigest }
  | { type: 'folders'; folders: FolderView[]; active?: string }
  | { type: 'noWorkspace' };

/** Webview → host. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'reaudit'; folder?: string }
  | { type: 'cancel'; folder: string }
  | { type: 'selectFolder'; folder: string }
  | { type: 'openSignal'; folder: string; path: string; line?: number }
  | { type: 'openSource'; sourceId: string }
  | { type: 'explain'; practice: string }
  /** Suppress a practice or trade-off, or with `path` one finding of the check `id`. */
  | { type: 'suppress'; folder: string; id: string; path?: string }
  /** Remove the suppression of a practice or trade-off, or with `path` the one that suppresses the check's finding there. */
  | { type: 'unsuppress'; folder: string; id: string; path?: string }
  | { type: 'scaffold'; folder: string; practice: string };

/** Validate an untrusted message from the webview: right type, right fields, sane values. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (value === null || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  const str = (v: unknown, max = 4096) => typeof v === 'string' && v.length > 0 && v.length <= max;
  switch (m.type) {
    case 'ready':
      return true;
    case 'reaudit':
      return m.folder === undefined || str(m.folder);
    case 'cancel':
    case 'selectFolder':
      return str(m.folder);
    case 'openSignal':
      return str(m.folder) && str(m.path) && (m.line === undefined || (Number.isInteger(m.line) && (m.line as number) >= 1));
    case 'openSource':
      return str(m.sourceId, 200);
    case 'explain':
      return str(m.practice, 200);
    case 'suppress':
    case 'unsuppress':
      return str(m.folder) && str(m.id, 200) && (m.path === undefined || str(m.path));
    case 'scaffold':
      return str(m.folder) && str(m.practice, 200);
    default:
      return false;
  }
}
