/**
 * The core's FileHost over `vscode.workspace.fs`, rooted at a workspace folder. Read-only,
 * like every host: the editor never writes through it.
 */
import { realpath } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { DirEntry, FileContent, FileHost, LinkTarget } from '../core/host/fileHost';
import { escapesRoot } from '../core/host/insideRoot';

export function createVscodeFileHost(root: vscode.Uri): FileHost {
  const uriOf = (path: string) => (path === '' ? root : vscode.Uri.joinPath(root, ...path.split('/')));
  return {
    async readDirectory(path) {
      const entries = await vscode.workspace.fs.readDirectory(uriOf(path));
      return entries.map(([name, type]): DirEntry => ({
        name,
        // The SymbolicLink bit is combined with the target's type; links are never walked into.
        type: type & vscode.FileType.SymbolicLink ? 'symlink'
          : type === vscode.FileType.Directory ? 'directory'
          : type === vscode.FileType.File ? 'file'
          : 'other',
      }));
    },

    async resolveLink(path): Promise<LinkTarget> {
      // Only a local disk can say where a link leads; elsewhere links are not followed.
      if (root.scheme !== 'file') return { type: 'outside' };
      try {
        const [target, base] = await Promise.all([realpath(uriOf(path).fsPath), realpath(root.fsPath)]);
        if (escapesRoot(base, target)) return { type: 'outside' };
        const stat = await vscode.workspace.fs.stat(vscode.Uri.file(target));
        return { type: stat.type & vscode.FileType.Directory ? 'directory' : stat.type & vscode.FileType.File ? 'file' : 'other' };
      } catch {
        return { type: 'missing' };
      }
    },

    async insideEnclosingGit() {
      for (let dir = vscode.Uri.joinPath(root, '..'); ; dir = vscode.Uri.joinPath(dir, '..')) {
        try {
          await vscode.workspace.fs.stat(vscode.Uri.joinPath(dir, '.git'));
          return true;
        } catch {
          if (vscode.Uri.joinPath(dir, '..').path === dir.path) return false;
        }
      }
    },

    async readFile(path, maxBytes): Promise<FileContent> {
      const uri = uriOf(path);
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > maxBytes) return { size };
      return { size, bytes: await vscode.workspace.fs.readFile(uri) };
    },
  };
}
