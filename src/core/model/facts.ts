/**
 * Facts the scanner extracts from a repository. Paths are repository-relative POSIX
 * paths; lines are 1-based. Facts are plain data: rules and assessment read them, never
 * the file system.
 */
import type { CiTrigger } from './knowledge';

/** Where a fact was found. */
export interface Location {
  path: string;
  line?: number;
}

/** A file in the scanned tree (after ignore rules). */
export interface FileFact {
  path: string;
  /**
   * For a file of a template's generated project: the path it will have in that project
   * (`.github/workflows/ci.yml` for `template/{{.root}}/.github/workflows/ci.yml.tmpl`).
   * Globs match this path; facts and signals keep the real one.
   */
  as?: string;
}

export type DependencySource =
  | 'requirements' | 'pyproject' | 'setup.py' | 'setup.cfg' | 'pipfile' | 'conda';

/** A declared Python dependency. */
export interface PythonDependency extends Location {
  /** Normalised per PEP 503 (lower case, runs of `-_.` become `-`). */
  name: string;
  /** Version specifier as written, '' when none. */
  spec: string;
  /** Exactly pinned (`==x.y` without wildcard, `===`, or hashed). */
  pinned: boolean;
  source: DependencySource;
}

/** A requirements-style file and whether every requirement in it is pinned. */
export interface RequirementsFile extends Location {
  requirements: number;
  pinned: number;
  hashed: boolean;
  /** Files pulled in with `-r` / `-c`, resolved to repository paths. */
  includes: string[];
}

/** An imported Python module, e.g. `mlflow.sklearn`. */
export interface PythonImport extends Location {
  /**
   * The module as written; a relative import keeps its leading dots (`..models` for
   * `from ..models import X`, `.` for `from . import x`): it names a file of the repository,
   * never an installed tool, and only the import scope of `together` rules reads it.
   */
  module: string;
  /** For `from a.b import c, d`: the names imported (`c`, `d`), any of which may be a submodule (`a.b.c`). */
  names?: string[];
}

/** A call or decorator, its name resolved through the file's import aliases. */
export interface PythonCall extends Location {
  /** e.g. `numpy.random.seed` for `np.random.seed(...)` after `import numpy as np`. */
  name: string;
  /** Keyword argument names passed (as far as the call's text could be read). */
  keywords: string[];
  /** Source text of each keyword argument's value (parallel to `keywords`, cut short); absent without keywords. */
  values?: string[];
  decorator: boolean;
}

/** A Jupyter notebook and its code size. */
export interface NotebookFact extends Location {
  codeCells: number;
}

/** One CI step: a shell command and/or a reusable action. */
export interface CiStep extends Location {
  command?: string;
  uses?: string;
  /** The repository's Python file this command runs (`python x.py`, `python -m pkg.mod`). */
  python?: string;
  /** The folder the command starts in when the step sets its own (GitHub's `working-directory`), relative to the pipeline's root. */
  dir?: string;
  /**
   * Where the step was followed from when it is not written in the CI file itself (a make
   * target's recipe, a shell script, a job spec the CI step names): the calling line.
   */
  via?: Location;
  /**
   * `tox` and `nox` calls in `command` whose configuration was read (tox.ini, noxfile.py):
   * the commands they run are the steps after this one. Each is the index of its logical
   * line in `command` (comments and blank lines left out, continuations joined) and of the
   * simple command in that line (split at `&&`, `||`, `;`, `|`).
   */
  followedRunners?: { line: number; segment: number }[];
}

export interface CiJob extends Location {
  name: string;
  steps: CiStep[];
  /** Triggers of this job when narrower than the pipeline's (e.g. GitLab `rules`). */
  triggers?: CiTrigger[];
}

export type CiSystem =
  | 'github' | 'gitlab' | 'azure' | 'jenkins' | 'circleci' | 'bitbucket' | 'travis'
  | 'cloud-build' | 'codebuild' | 'codepipeline';

/** A CI pipeline definition file. */
export interface CiPipeline extends Location {
  system: CiSystem;
  triggers: CiTrigger[];
  /** Cron expressions of scheduled triggers, when the file gives them. */
  schedules: string[];
  jobs: CiJob[];
}

export interface DvcStage extends Location {
  name: string;
  cmd: string[];
  deps: string[];
  outs: string[];
  params: string[];
  metrics: string[];
  plots: string[];
}

/** A dvc.yaml file. */
export interface DvcProject extends Location {
  stages: DvcStage[];
  artifacts: string[];
}

export interface MlprojectEntryPoint extends Location {
  name: string;
  command: string;
  parameters: string[];
}

/** An MLproject file. */
export interface Mlproject extends Location {
  name?: string;
  environment?: 'conda' | 'docker' | 'python' | undefined;
  entryPoints: MlprojectEntryPoint[];
}

/** A Kubernetes-style manifest document (Deployment, InferenceService, ...). */
export interface ManifestFact extends Location {
  apiVersion: string;
  kind: string;
  name?: string;
}

/** A `FROM` image reference in a Dockerfile. */
export interface DockerImageRef extends Location {
  image: string;
  tag?: string;
  digest?: string;
  /** Pinned by digest or by a specific tag (not `latest`, not missing). */
  pinned: boolean;
}

export interface DockerInstruction extends Location {
  keyword: string;
  args: string;
}

/** A Dockerfile / Containerfile. */
export interface DockerfileFact extends Location {
  from: DockerImageRef[];
  instructions: DockerInstruction[];
}

/** A README instruction telling people to run a notebook, script or command by hand. */
export interface ManualStep extends Location {
  text: string;
  kind: 'notebook' | 'script' | 'command';
}

/** A parsed YAML document kept for `yaml` rules. */
export interface YamlDocumentFact extends Location {
  value: unknown;
  /** 1-based line of a key path inside the document, when it can be found. */
  lineOf?: (path: ReadonlyArray<string | number>) => number | undefined;
}

/** A problem met while scanning; the scan goes on and the report lists it. */
export interface ScanWarning {
  code:
    | 'unreadable' | 'too-large' | 'binary' | 'parse-error' | 'skipped-line' | 'symlink-skipped'
    | 'too-deep' | 'too-many-files';
  message: string;
  path?: string;
  line?: number;
}

/** Something the assessment leaves out of the team's practice, and why. */
export interface ScopeNote {
  /** `template`: judged as the generated project; `bundle`: configuration files a deployment bundle does not include; `retired`: folders of retired code (`archive/`); `library`: a published library's examples, docs and package features, or an installable package's examples and docs; `no-ml-code`: ML practices without ML code. */
  kind: 'template' | 'bundle' | 'retired' | 'library' | 'no-ml-code';
  /** One sentence: what was decided, from which evidence, and what is not counted. */
  message: string;
  /** What is judged: generated project folders, or the library's package and test folders. */
  paths: string[];
  /** Files and folders (ending in `/`) not counted at all. */
  excluded: string[];
  /** Number of files not counted. */
  excludedFiles: number;
  /** Practices whose signals in `paths` (library) or anywhere (no ML code) do not count. */
  practices: string[];
}

/** What the scan counted as the team's own practice. */
export interface RepositoryScope {
  notes: ScopeNote[];
  /** A published library's own package and test folders: evidence only of the practices not listed in its note. */
  librarySource: string[];
}

/** The facts found at a place in a file: sorted by location, and dropped with their file. */
export const LOCATED_FACTS = [
  'dependencies', 'requirementsFiles', 'imports', 'calls', 'notebooks', 'ci', 'dvc', 'mlprojects',
  'manifests', 'dockerfiles', 'manualSteps', 'yamlDocuments',
] as const satisfies readonly (keyof Facts)[];

/** Everything the scanner learnt about a repository. */
export interface Facts {
  files: readonly FileFact[];
  hasGit: boolean;
  dependencies: PythonDependency[];
  requirementsFiles: RequirementsFile[];
  imports: PythonImport[];
  calls: PythonCall[];
  notebooks: NotebookFact[];
  ci: CiPipeline[];
  dvc: DvcProject[];
  mlprojects: Mlproject[];
  manifests: ManifestFact[];
  dockerfiles: DockerfileFact[];
  manualSteps: ManualStep[];
  yamlDocuments: YamlDocumentFact[];
  /** The repository's own top-level Python packages; imports of them are not tool use. */
  ownPackages: string[];
  scope: RepositoryScope;
  /** What `content` rules found in the files they read, by path (the texts themselves are not kept). */
  texts: ReadonlyMap<string, TextMatches>;
  warnings: ScanWarning[];
}

/** The first line a `content` pattern matched in a file. */
export interface LineMatch {
  /** The file's line (a notebook's: where its code cell line is written), when known. */
  line?: number;
  /** The line, trimmed. */
  text: string;
}

/** What `content` rules learn from one file, worked out while it is read. */
export interface TextMatches {
  /** By pattern key (see engine/textMatches): the first line each pattern matched; patterns that matched nothing are absent. */
  first: ReadonlyMap<string, LineMatch>;
  /** Names of `.sh`/`.bash` scripts on the file's uncommented lines (asked for by rules with `alongside`). */
  scripts: readonly string[];
}
