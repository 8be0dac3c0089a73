/** Progress on stderr for long scans: only on a terminal, overwritten in place, cleared at the end. */
import type { ScanProgress } from '../core/scan/scanner';

/** Quiet for scans that finish quickly: no flicker for small repositories. */
const SHOW_AFTER_MS = 400;

export function createProgress(stream: { write(text: string): unknown; isTTY?: boolean }) {
  const started = Date.now();
  let shown = false;
  return {
    update(progress: ScanProgress): void {
      if (!stream.isTTY || Date.now() - started < SHOW_AFTER_MS) return;
      shown = true;
      const text = progress.phase === 'listing'
        ? `Listing files… ${progress.done}`
        : `Reading files… ${progress.done}/${progress.total ?? '?'}`;
      stream.write(`\r\x1b[2K${text}`);
    },
    done(): void {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
