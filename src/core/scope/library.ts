/**
 * Published Python libraries: the repository's root declares a distribution and its CI or
 * a release script at its root (Makefile, noxfile, ...) publishes it to a package index
 * (knowledge/scope.yaml lists the commands, actions and scripts).
 * Their examples and documentation show the library to users, and their package source
 * implements features for users; neither is the team's own practice.
 */
import type { CiPipeline, FileFact, ScanWarning } from '../model/facts';
import type { ScopeRules } from '../model/knowledge';
import { matchesLine } from '../engine/patterns';
import { globMatcher } from '../scan/globs';
import { asRecord } from '../facts/yamlSource';
import { parseToml } from '../facts/python/tomlSource';

export interface LibraryScope {
  /** What showed it is a published library, e.g. `pyproject.toml declares 'tinylib'; .github/workflows/release.yml:12 runs twine upload dist/*`. */
  reason: string;
  /** The library's own package folders (`src/tinylib`, `tinylib`) and its top-level test folders. */
  sourceDirs: string[];
  /** Top-level folders that are not the team's practice and exist here. */
  notTeamFolders: string[];
}

/** Folder names never taken for the library's package source. */
const TEST_FOLDERS = new Set(['tests', 'test', 'testing']);

/** The library scope when the repository is a published library (or the user says it is one). */
export async function findLibrary(
  files: readonly FileFact[],
  ci: readonly CiPipeline[],
  rules: ScopeRules['libraries'],
  mode: 'auto' | 'always' | 'never',
  read: (path: string) => Promise<string | undefined>,
  warn: (warning: ScanWarning) => void,
): Promise<LibraryScope | undefined> {
  if (mode === 'never') return undefined;
  let reason = 'set in the configuration';
  if (mode === 'auto') {
    // The CI facts are at hand; files are read only for a repository that may be a library.
    let published = publishStep(ci, rules);
    if (!published && !files.some((f) => rootFileMatches(f.path, rules.publishScripts))) return undefined;
    const declared = await declaredDistribution(files, read, warn);
    if (!declared) return undefined;
    published ??= await publishScript(files, rules, read);
    if (!published) return undefined;
    reason = `${declared}; ${published} publishes it`;
  }
  const topFolders = new Set(files.map((f) => f.path).filter((p) => p.includes('/')).map((p) => p.slice(0, p.indexOf('/'))));
  const notTeam = globMatcher(rules.notTeamFolders);
  // Tests exercise what the package implements (a test of the tracing feature imports the tracer).
  const testDirs = [...topFolders].filter((f) => TEST_FOLDERS.has(f.toLowerCase()));
  return {
    reason,
    sourceDirs: [...packageDirs(files, notTeam), ...testDirs].sort(),
    notTeamFolders: [...topFolders].filter(notTeam).sort(),
  };
}

/** Which root file declares a distribution, e.g. `pyproject.toml declares 'tinylib'`; undefined when none. */
async function declaredDistribution(
  files: readonly FileFact[],
  read: (path: string) => Promise<string | undefined>,
  warn: (warning: ScanWarning) => void,
): Promise<string | undefined> {
  const root = new Set(files.filter((f) => !f.path.includes('/')).map((f) => f.path));
  if (root.has('setup.py')) return 'setup.py declares a distribution';
  if (root.has('pyproject.toml')) {
    const text = await read('pyproject.toml');
    try {
      const doc = text === undefined ? undefined : parseToml(text);
      const name = asRecord(asRecord(doc)?.project)?.name ?? asRecord(asRecord(asRecord(doc)?.tool)?.poetry)?.name;
      if (typeof name === 'string') return `pyproject.toml declares '${name}'`;
    } catch (err) {
      warn({ code: 'parse-error', path: 'pyproject.toml', message: `cannot be parsed: ${(err as Error).message ?? String(err)}` });
    }
  }
  if (root.has('setup.cfg')) {
    const text = await read('setup.cfg');
    // The [metadata] section's `name` (setuptools' declarative configuration).
    const name = text && /^\[metadata\][^[]*?^name\s*=\s*(\S+)/m.exec(text)?.[1];
    if (name) return `setup.cfg declares '${name}'`;
  }
  return undefined;
}

/** Where CI publishes a package, e.g. `.github/workflows/release.yml:12 (twine upload dist/*)`. */
function publishStep(ci: readonly CiPipeline[], rules: ScopeRules['libraries']): string | undefined {
  const action = globMatcher(rules.publishActions);
  for (const pipeline of ci) {
    for (const step of pipeline.jobs.flatMap((j) => j.steps)) {
      const where = `${step.path}${step.line !== undefined ? `:${step.line}` : ''}`;
      if (step.uses && action(step.uses)) return `${where} (uses ${step.uses})`;
      const line = step.command?.split('\n').find((l) => isPublishCommand(l, rules));
      if (line !== undefined) return `${where} (${line.trim()})`;
    }
  }
  return undefined;
}

/** Where a release script publishes the package, e.g. `Makefile:52 (twine upload dist/*)`. */
async function publishScript(files: readonly FileFact[], rules: ScopeRules['libraries'], read: (path: string) => Promise<string | undefined>): Promise<string | undefined> {
  for (const { path } of files.filter((f) => rootFileMatches(f.path, rules.publishScripts))) {
    const lines = (await read(path))?.split('\n') ?? [];
    const index = lines.findIndex((l) => isPublishCommand(l, rules));
    if (index >= 0) return `${path}:${index + 1} (${lines[index].trim()})`;
  }
  return undefined;
}

function rootFileMatches(path: string, globs: readonly string[]): boolean {
  return !path.includes('/') && globMatcher(globs)(path);
}

/** A command line that publishes a package; a commented-out line publishes nothing. */
function isPublishCommand(line: string, rules: ScopeRules['libraries']): boolean {
  return !line.trim().startsWith('#') && rules.publishCommands.some((p) => matchesLine(p, line));
}

/** Outermost package folders at the root or under `src/`, tests and not-team folders aside. */
function packageDirs(files: readonly FileFact[], notTeam: (name: string) => boolean): string[] {
  const dirs = new Set<string>();
  for (const { path } of files) {
    const parts = path.split('/');
    if (parts[parts.length - 1] !== '__init__.py') continue;
    const depth = parts[0] === 'src' ? 2 : 1;
    if (parts.length !== depth + 1) continue;
    const name = parts[depth - 1];
    if (!TEST_FOLDERS.has(name.toLowerCase()) && !notTeam(name)) dirs.add(parts.slice(0, depth).join('/'));
  }
  return [...dirs].sort();
}
