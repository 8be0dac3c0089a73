/**
 * The repository's own top-level Python packages. A library that implements a tool
 * (evidently, mlflow, ...) imports itself everywhere; those imports show what the code
 * *is*, not which tools the team *uses*, so rules ignore them.
 */
import type { FileFact } from '../model/facts';

const INIT = '__init__.py';
/** Files that make their folder a project root, from which its packages are imported. */
const PROJECT_FILES = ['setup.py', 'setup.cfg', 'pyproject.toml'];

/**
 * Names of the outermost folders that hold an `__init__.py` under a folder without one,
 * where Python would import them from: the root, a `src/` folder, or a sub-project's root.
 * A package folder elsewhere (`integrations/fastapi/` beside other samples) does not hide
 * the installed package of that name.
 */
export function ownPackages(files: readonly FileFact[]): string[] {
  // An __init__.py at the root itself names no package (the folder's name is not an import name).
  // A template's generated package is named by its path in the generated project.
  const paths = files.map((f) => f.as ?? f.path);
  const packageDirs = new Set(paths.filter((p) => p.endsWith(`/${INIT}`)).map(parentOf));
  const projectRoots = new Set(paths.filter((p) => PROJECT_FILES.includes(p.slice(p.lastIndexOf('/') + 1))).map(parentOf));
  const importable = (parent: string) => parent === '' || parent === 'src' || parent.endsWith('/src') || projectRoots.has(parent);
  const names = new Set<string>();
  for (const dir of packageDirs) {
    const parent = parentOf(dir);
    if (packageDirs.has(parent) || !importable(parent)) continue;
    names.add(dir.slice(dir.lastIndexOf('/') + 1));
  }
  return [...names].sort();
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
