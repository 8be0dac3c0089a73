/**
 * The repository's own top-level Python packages. A library that implements a tool
 * (evidently, mlflow, ...) imports itself everywhere; those imports show what the code
 * *is*, not which tools the team *uses*, so rules ignore them.
 */
import type { FileFact } from '../model/facts';

const INIT = '__init__.py';

/** Names of the outermost folders that hold an `__init__.py` under a folder without one. */
export function ownPackages(files: readonly FileFact[]): string[] {
  // An __init__.py at the root itself names no package (the folder's name is not an import name).
  // A template's generated package is named by its path in the generated project.
  const paths = files.map((f) => f.as ?? f.path);
  const packageDirs = new Set(paths.filter((p) => p.endsWith(`/${INIT}`)).map(parentOf));
  const names = new Set<string>();
  for (const dir of packageDirs) {
    if (packageDirs.has(parentOf(dir))) continue;
    names.add(dir.slice(dir.lastIndexOf('/') + 1));
  }
  return [...names].sort();
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
