/** Validation of paths that arrive from the webview (untrusted input). */

/** A repository-relative POSIX path that stays inside its folder. */
export function isSafeRelativePath(path: string): boolean {
  if (path.startsWith('/') || path.includes('\\') || /^[a-zA-Z]:/.test(path) || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '..' && segment !== '');
}
