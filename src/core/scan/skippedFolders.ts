/**
 * Folders never walked whatever the ignore files say: VCS internals, installed
 * packages, virtual environments and caches hold no evidence of the team's practices
 * and can be huge.
 */
export const SKIPPED_FOLDER_NAMES: ReadonlySet<string> = new Set([
  '.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', 'venv', '.conda',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.tox', '.nox', '.ipynb_checkpoints',
  '.eggs', 'site-packages', '.cache', '.terraform', '.idea',
]);

/** A file whose presence marks a folder as a Python virtual environment. */
export const VIRTUALENV_MARKER = 'pyvenv.cfg';

/** Sub-folders of DVC's own folder that hold cached data, not configuration. */
export const SKIPPED_PATHS: ReadonlySet<string> = new Set(['.dvc/cache', '.dvc/tmp']);
