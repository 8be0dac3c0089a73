/**
 * The narrow file-system interface the scanner reads a repository through. The CLI and
 * tests use the Node implementation over a folder; the editor can back it with
 * `vscode.workspace.fs`. Paths are repository-relative POSIX paths ('' is the root).
 */

export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

/** One entry of a folder listing (symlinks are reported as such, not followed). */
export interface DirEntry {
  name: string;
  type: EntryType;
}

/** What a symlink points at, as far as the scanner may follow it. */
export interface LinkTarget {
  /** 'outside' when the target resolves outside the repository root; 'missing' when dangling. */
  type: 'file' | 'directory' | 'other' | 'outside' | 'missing';
}

/** A file's size, and its bytes when it was not over the limit asked for. */
export interface FileContent {
  size: number;
  /** Undefined when `size` is over the limit: the file was not read. */
  bytes?: Uint8Array;
}

/** Read-only access to one repository. */
export interface FileHost {
  /** Entries of a folder. Throws when the folder cannot be read. */
  readDirectory(path: string): Promise<DirEntry[]>;
  /** Resolve a symlink without leaving the repository root. */
  resolveLink(path: string): Promise<LinkTarget>;
  /** A file's size and, when it is at most `maxBytes`, its bytes (one open, one stat, one read). */
  readFile(path: string, maxBytes: number): Promise<FileContent>;
  /**
   * Whether a folder above the root holds `.git` (the root is a sub-project of a
   * version-controlled tree, as in a monorepo). Only checks for presence; reads nothing.
   */
  insideEnclosingGit?(): Promise<boolean>;
  /** The folder on the local disk this host reads, when it is one: the scan may then read it from worker threads. */
  localRoot?: string;
}
