/** Whether a resolved link target stays inside the repository root (both real paths). */
import { isAbsolute, relative, sep } from 'node:path';

/** True when `target` is the root itself or lies outside it: a link there is not followed. */
export function escapesRoot(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}
