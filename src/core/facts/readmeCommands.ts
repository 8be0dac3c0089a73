/**
 * Classifies README text as a manual workflow step: running a notebook (`notebook`), a
 * Python script or module (`script`) or a shell script (`command`) by hand. Set-up
 * commands (installs, clones, builds, tests) are not workflow steps and yield nothing.
 */
import type { ManualStep } from '../model/facts';

export type StepKind = ManualStep['kind'];

/** What may precede the command itself: a shell prompt, env assignments, runners. */
const PREFIX = new RegExp([
  String.raw`(?:\([\w.-]+\)\s*)?[$%>]\s+`,
  String.raw`\w+=\S*\s+`,
  String.raw`(?:poetry|pipenv|uv|pdm|hatch)\s+run\s+`,
  String.raw`conda\s+run\s+(?:-n\s+\S+\s+)?`,
  String.raw`(?:nohup|time|sudo)\s+`,
].map((p) => `^${p}`).join('|'));

const NOTEBOOK_COMMAND = /^(?:jupyter\s+(?:nbconvert|execute|run|notebook|lab)|papermill|ipython)\b.*\.ipynb\b/;
const PYTHON = String.raw`^python(?:3(?:\.\d+)?)?\s+(?:-[a-zA-Z]+\s+)*`;
const PYTHON_FILE = new RegExp(String.raw`${PYTHON}(\S+\.py)\b|^%run\s+(\S+\.py)\b`);
const PYTHON_MODULE = new RegExp(String.raw`${PYTHON}-m\s+([\w.]+)`);
const SHELL_SCRIPT = /^(?:(?:bash|sh|zsh)\s+(?:-\w+\s+)*(\S+\.sh)|((?:\.{1,2}\/|[\w.-]+\/)\S*\.sh))\b/;

/** Prose naming a file to run: "run `train.py`", "open the notebook notebooks/01_eda.ipynb". */
const PROSE_FILE = /\b(?:run|execute|open|launch)(?:\s+[\w-]+){0,3}?\s+[`'"[]?([\w./-]+\.(?:ipynb|py|sh))\b/i;
const PROSE_NOTEBOOKS = new RegExp(String.raw`\b(?:run|execute)\b.{0,60}?\bnotebooks\b.{0,40}?`
  + String.raw`\b(?:in order(?!\s+to\b)|in sequence|sequentially|one (?:by|after) (?:one|another))`, 'i');

/** Python files and modules that set up, package or test a project rather than run it. */
const SETUP_SCRIPT = /^(?:setup|conftest|test_\w*|\w*_test)\.py$/;
const SETUP_SHELL = /^(?:install|setup|env|activate)/;
const SETUP_MODULES = new Set([
  'pip', 'venv', 'virtualenv', 'ensurepip', 'pytest', 'unittest', 'doctest', 'coverage', 'tox', 'nox',
  'ipykernel', 'jupyter', 'notebook', 'build', 'twine', 'spacy', 'nltk', 'pre_commit', 'black', 'ruff',
  'flake8', 'pylint', 'mypy', 'isort', 'http', 'site', 'pydoc',
]);

/** The kind of step a command line is, or undefined for set-up and unrelated commands. */
export function commandKind(line: string): StepKind | undefined {
  // `cd src && python train.py`: any segment may be the step.
  for (let segment of line.split(/\s*(?:&&|\|\||;)\s*/)) {
    segment = segment.trim().replace(/^!/, ''); // `!python x.py` in a notebook cell
    while (PREFIX.test(segment)) segment = segment.replace(PREFIX, '');
    const kind = segmentKind(segment);
    if (kind) return kind;
  }
  return undefined;
}

/** Prose telling the reader to run notebooks or scripts: "Run `01_eda.ipynb`", "execute the notebooks in order". */
export function proseKind(text: string): StepKind | undefined {
  for (const [, code] of text.matchAll(/`([^`]+)`/g)) {
    const kind = commandKind(code);
    if (kind) return kind;
  }
  if (PROSE_NOTEBOOKS.test(text)) return 'notebook';
  const file = PROSE_FILE.exec(text)?.[1];
  return file ? fileKind(file) : commandKind(text);
}

function segmentKind(segment: string): StepKind | undefined {
  if (NOTEBOOK_COMMAND.test(segment)) return 'notebook';
  const python = PYTHON_FILE.exec(segment);
  if (python) return fileKind(python[1] ?? python[2]);
  const module = PYTHON_MODULE.exec(segment)?.[1];
  if (module) return SETUP_MODULES.has(module.split('.')[0]) ? undefined : 'script';
  const shell = SHELL_SCRIPT.exec(segment);
  return shell ? fileKind(shell[1] ?? shell[2]) : undefined;
}

/** A runnable file's kind by extension; undefined for set-up scripts. */
function fileKind(path: string): StepKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.endsWith('.ipynb')) return 'notebook';
  if (name.endsWith('.py')) return SETUP_SCRIPT.test(name) ? undefined : 'script';
  return SETUP_SHELL.test(name) ? undefined : 'command';
}
