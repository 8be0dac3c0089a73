/**
 * Python libraries: the repository's root declares a distribution and its CI or a release
 * script at its root (Makefile, noxfile, ...) publishes it to a package index
 * (knowledge/scope.yaml lists the commands, actions and scripts).
 * Their examples and documentation show the library to users, and their package source
 * implements features for users; neither is the team's own practice.
 * An installable package that nothing publishes (releases built by hand, or an application
 * packaged for its own use) still shows itself to users in its examples and docs, but its
 * package source may be the team's own ML work, so only those folders are left out.
 */
import type { CiPipeline, FileFact, ScanWarning } from '../model/facts';
import type { ScopeRules } from '../model/knowledge';
import { matchesLine } from '../engine/patterns';
import { globMatcher } from '../scan/globs';
import { asRecord } from '../facts/yamlSource';
import { parseToml } from '../facts/python/tomlSource';

export interface LibraryScope {
  /** Published (or declared a library in the configuration), or only an installable package. */
  published: boolean;
  /** What showed it is a library, e.g. `pyproject.toml declares 'tinylib'; .github/workflows/release.yml:12 runs twine upload dist/*`. */
  reason: string;
  /** The library's own package folders (`src/tinylib`, `tinylib`) and its top-level test folders. */
  sourceDirs: string[];
  /** Top-level folders that are not the team's practice and exist here. */
  notTeamFolders: string[];
}

/** Folder names never taken for the library's package source. */
const TEST_FOLDERS = new Set(['tests', 'test', 'testing']);

/** The library scope when the repository is a library or an installable package (or the user says it is a library). */
export async function findLibrary(
  files: readonly FileFact[],
  ci: readonly CiPipeline[],
  rules: ScopeRules['libraries'],
  mode: 'auto' | 'always' | 'never',
  read: (path: string) => Promise<string | undefined>,
  warn: (warning: ScanWarning) => void,
): Promise<LibraryScope | undefined> {
  if (mode === 'never') return undefined;
  const topFolders = new Set(files.map((f) => f.path).filter((p) => p.includes('/')).map((p) => p.slice(0, p.indexOf('/'))));
  const notTeam = globMatcher(rules.notTeamFolders);
  const packages = packageDirs(files, notTeam);
  let reason = 'set in the configuration';
  if (mode === 'auto') {
    const declared = await declaredDistribution(files, read, warn);
    if (!declared) return undefined;
    const published = publishStep(ci, rules) ?? await publishScript(files, rules, read);
    if (!published) return installablePackage(declared, packages, topFolders, rules);
    reason = `${declared.description}; ${published} publishes it`;
  }
  // Tests exercise what the package implements (a test of the tracing feature imports the tracer).
  const testDirs = [...topFolders].filter((f) => TEST_FOLDERS.has(f.toLowerCase()));
  return {
    published: true,
    reason,
    sourceDirs: [...packages, ...testDirs].sort(),
    notTeamFolders: [...topFolders].filter(notTeam).sort(),
  };
}

/**
 * An installable package nothing publishes: the declared distribution's own package folder
 * is at the root or under `src/` (a project that only names itself in pyproject.toml is not
 * one). Only the folders that show a package to its users are left out.
 */
function installablePackage(declared: Distribution, packages: readonly string[], topFolders: ReadonlySet<string>, rules: ScopeRules['libraries']): LibraryScope | undefined {
  const name = declared.name === undefined ? undefined : importName(declared.name);
  const own = packages.find((dir) => importName(dir.slice(dir.lastIndexOf('/') + 1)) === name);
  if (own === undefined) return undefined;
  const showsPackage = globMatcher(rules.packageNotTeamFolders ?? []);
  const notTeamFolders = [...topFolders].filter(showsPackage).sort();
  if (notTeamFolders.length === 0) return undefined;
  return { published: false, reason: `${declared.description}, package ${own}/; not published by CI or a release script`, sourceDirs: [own], notTeamFolders };
}

/** A distribution or package name as Python imports it: `Mlflow-TorchServe` → `mlflow_torchserve`. */
function importName(name: string): string {
  return name.toLowerCase().replace(/[-.]+/g, '_');
}

interface Distribution {
  /** e.g. `pyproject.toml declares 'tinylib'`. */
  description: string;
  /** The distribution's name, when the file spells it out. */
  name?: string;
}

/** Which root file declares a distribution and its name; undefined when none. */
async function declaredDistribution(
  files: readonly FileFact[],
  read: (path: string) => Promise<string | undefined>,
  warn: (warning: ScanWarning) => void,
): Promise<Distribution | undefined> {
  const root = new Set(files.filter((f) => !f.path.includes('/')).map((f) => f.path));
  if (root.has('setup.py')) {
    // Read as text, never run: the first `name="..."` literal (setup's argument or a NAME constant).
    const name = /\bname\s*=\s*["']([\w.-]+)["']/i.exec(await read('setup.py') ?? '')?.[1];
    return name === undefined ? { description: 'setup.py declares a distribution' } : { description: `setup.py declares '${name}'`, name };
  }
  if (root.has('pyproject.toml')) {
    const text = await read('pyproject.toml');
    try {
      const doc = text === undefined ? undefined : parseToml(text);
      const name = asRecord(asRecord(doc)?.project)?.name ?? asRecord(asRecord(asRecord(doc)?.tool)?.poetry)?.name;
      if (typeof name === 'string') return { description: `pyproject.toml declares '${name}'`, name };
    } catch (err) {
      warn({ code: 'parse-error', path: 'pyproject.toml', message: `cannot be parsed: ${(err as Error).message ?? String(err)}` });
    }
  }
  if (root.has('setup.cfg')) {
    const text = await read('setup.cfg');
    // The [metadata] section's `name` (setuptools' declarative configuration).
    const name = text && /^\[metadata\][^[]*?^name\s*=\s*(\S+)/m.exec(text)?.[1];
    if (name) return { description: `setup.cfg declares '${name}'`, name };
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
