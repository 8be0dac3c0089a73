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
  size: number;
}

/** Read-only access to one repository. */
export interface FileHost {
  /** Entries of a folder. Throws when the folder cannot be read. */
  readDirectory(path: string): Promise<DirEntry[]>;
  /** Size in bytes of a regular file. */
  fileSize(path: string): Promise<number>;
  /** Resolve a symlink without leaving the repository root. */
  resolveLink(path: string): Promise<LinkTarget>;
  /** At most `maxBytes` bytes from the start of a file. */
  readFile(path: string, maxBytes: number): Promise<Uint8Array>;
  /**
   * Whether a folder above the root holds `.git` (the root is a sub-project of a
   * version-controlled tree, as in a monorepo). Only checks for presence; reads nothing.
   */
  insideEnclosingGit?(): Promise<boolean>;
}
