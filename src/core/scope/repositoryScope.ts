/**
 * Which files are the team's own practice: template generators and a library's
 * examples and docs are left out of the facts, and the report says what and why.
 */
import { LOCATED_FACTS, type Facts, type FileFact, type ScanWarning, type ScopeNote } from '../model/facts';
import type { ScopeRules } from '../model/knowledge';
import { ownPackages } from '../facts/ownPackages';
import { globMatcher } from '../scan/globs';
import { bundleExclusions } from './bundles';
import { findLibrary } from './library';
import type { ScopeOptions } from './options';
import type { Answer } from './templateConditions';
import { findTemplates, isUnder, parentOf, renderedFile } from './templates';

/** Folders or files listed at most in a note's `excluded`. */
const MAX_EXCLUDED_LISTED = 30;

type Read = (path: string) => Promise<string | undefined>;
type Warn = (warning: ScanWarning) => void;

/** The files to scan, after leaving a template's generator out; template files carry their rendered path. */
export interface TemplateView {
  /** The listing itself when no template changes it (so what is built over it can be kept between audits). */
  files: readonly FileFact[];
  /** Paths whose text holds template tags to neutralise before extraction, with the template's default answers. */
  templateTexts: Map<string, Readonly<Record<string, Answer>>>;
  notes: ScopeNote[];
}

export async function applyTemplateScope(
  files: readonly FileFact[],
  rules: ScopeRules['templates'],
  options: ScopeOptions,
  read: Read,
  warn: Warn,
): Promise<TemplateView> {
  if (!options.templates) return { files, templateTexts: new Map(), notes: [] };
  const scope = await findTemplates(files, rules, read, warn);
  if (scope.projects.length === 0) return { files, templateTexts: new Map(), notes: [] };
  const templateTexts = new Map<string, Readonly<Record<string, Answer>>>();
  const counted: FileFact[] = [];
  // Generator files, and files a conditional in their path leaves out with the default answers.
  const excluded = new Set(scope.generatorFiles);
  for (const file of files) {
    if (excluded.has(file.path)) continue;
    const rendered = renderedFile(file.path, scope, rules.suffixes);
    if (rendered?.generated === false) {
      excluded.add(file.path);
      continue;
    }
    if (rendered?.template) templateTexts.set(file.path, rendered.answers);
    counted.push(rendered ? { path: file.path, as: rendered.as } : file);
  }
  const markers = [...new Set(scope.projects.map((p) => p.marker))];
  const note: ScopeNote = {
    kind: 'template',
    message: `template (${markerSummary(markers)}): judged as the project${scope.projects.length > 1 ? 's' : ''} ${listed(scope.projects.map((p) => `${p.root}/`))} generate${scope.projects.length > 1 ? '' : 's'} with the default answers, template expressions as placeholders; the generator's own files are not counted`,
    paths: scope.projects.map((p) => p.root),
    excluded: summarise(files, excluded),
    excludedFiles: excluded.size,
    practices: [],
  };
  return { files: counted, templateTexts, notes: [note] };
}

/** Leave out the configuration files a deployment bundle does not include: they are never deployed. */
export function applyBundleScope(facts: Facts, rules: ScopeRules['bundles']): void {
  for (const bundle of bundleExclusions(facts.files, facts.yamlDocuments, rules)) {
    const dropped = new Set(bundle.excluded);
    const excluded = summarise(facts.files, dropped);
    dropFacts(facts, (path) => dropped.has(path));
    const folder = parentOf(bundle.root);
    const names = bundle.excluded.map((path) => (folder === '' ? path : path.slice(folder.length + 1)));
    facts.scope.notes.push({
      kind: 'bundle',
      message: `deployment bundle (${bundle.root}): ${listed(names)} ${bundle.excluded.length > 1 ? 'are' : 'is'} not included by it, so never deployed, and not counted`,
      paths: [bundle.root],
      excluded,
      excludedFiles: dropped.size,
      practices: [],
    });
  }
}

/** Leave out folders of retired code (`archive/` at any depth): what they define no longer runs. */
export function applyRetiredScope(facts: Facts, folders: ScopeRules['retiredFolders'], options: ScopeOptions): void {
  if (!options.retired) return;
  const retiredName = globMatcher(folders);
  const retired = (path: string) => path.split('/').slice(0, -1).some((name) => retiredName(name));
  const dropped = new Set(facts.files.filter((f) => retired(f.as ?? f.path)).map((f) => f.path));
  if (dropped.size === 0) return;
  const excluded = summarise(facts.files, dropped);
  dropFacts(facts, (path) => dropped.has(path));
  facts.scope.notes.push({
    kind: 'retired',
    message: `retired code: ${listed(excluded)} ${excluded.length > 1 ? 'are folders' : 'is a folder'} of archived code, no longer run, so not counted`,
    paths: [],
    excluded,
    excludedFiles: dropped.size,
    practices: [],
  });
}

/**
 * When the repository is a published library: leave its examples and docs out and mark its
 * package source. When it is an installable package nothing publishes: leave out only the
 * folders that show the package to users; its source stays evidence.
 */
export async function applyLibraryScope(facts: Facts, rules: ScopeRules['libraries'], options: ScopeOptions, read: Read, warn: Warn): Promise<void> {
  const library = await findLibrary(facts.files, facts.ci, rules, options.library, read, warn);
  if (!library) return;
  const notTeam = (path: string) => library.notTeamFolders.some((folder) => isUnder(path, folder));
  const dropped = new Set(facts.files.filter((f) => notTeam(f.path)).map((f) => f.path));
  const excluded = summarise(facts.files, dropped);
  dropFacts(facts, notTeam);
  const folders = library.notTeamFolders.length > 0 ? `${library.notTeamFolders.map((f) => `${f}/`).join(', ')} not counted` : '';
  if (!library.published) {
    facts.scope.notes.push({
      kind: 'library',
      message: `installable package (${library.reason}): ${folders}, as they show the package to its users; its package source counts`,
      paths: library.sourceDirs,
      excluded,
      excludedFiles: dropped.size,
      practices: [],
    });
    return;
  }
  facts.scope.librarySource = library.sourceDirs;
  facts.scope.notes.push({
    kind: 'library',
    message: `library (${library.reason}): ${folders ? `${folders}; ` : ''}its package source and tests${library.sourceDirs.length > 0 ? ` (${library.sourceDirs.map((d) => `${d}/`).join(', ')})` : ''} implement and test features for users, so they are not evidence of the practices listed`,
    paths: library.sourceDirs,
    excluded,
    excludedFiles: dropped.size,
    practices: [...rules.sourceNotEvidenceOf],
  });
}

/** `cookiecutter.json`, or `5 × cookiecutter.json` for a collection of templates. */
function markerSummary(markers: readonly string[]): string {
  const names = new Map<string, number>();
  for (const marker of markers) {
    const name = marker.slice(marker.lastIndexOf('/') + 1);
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  return [...names].map(([name, count]) => (count > 1 ? `${count} × ${name}` : name)).join(', ');
}

/** The first few items, then an ellipsis. */
function listed(items: readonly string[]): string {
  return `${items.slice(0, 3).join(', ')}${items.length > 3 ? ', …' : ''}`;
}

/** Remove every fact found in a dropped file. */
function dropFacts(facts: Facts, dropped: (path: string) => boolean): void {
  // The same array when nothing is dropped: indexes built over it are kept between audits.
  if (facts.files.some((file) => dropped(file.path))) facts.files = facts.files.filter((file) => !dropped(file.path));
  for (const key of LOCATED_FACTS) dropLocated(facts, key, dropped);
  if ([...facts.texts.keys()].some(dropped)) facts.texts = new Map([...facts.texts].filter(([path]) => !dropped(path)));
  facts.ownPackages = ownPackages(facts.files);
}

function dropLocated<K extends (typeof LOCATED_FACTS)[number]>(facts: Facts, key: K, dropped: (path: string) => boolean): void {
  facts[key] = facts[key].filter((item: { path: string }) => !dropped(item.path)) as Facts[K];
}

/** Excluded files as few paths as can say it: a folder (`tests/`) when all its files are excluded. */
function summarise(files: readonly FileFact[], excluded: ReadonlySet<string>): string[] {
  const total = new Map<string, number>();
  const out = new Map<string, number>();
  for (const { path } of files) {
    for (const folder of ancestors(path)) {
      total.set(folder, (total.get(folder) ?? 0) + 1);
      if (excluded.has(path)) out.set(folder, (out.get(folder) ?? 0) + 1);
    }
  }
  const listed = new Set<string>();
  for (const path of excluded) {
    const whole = ancestors(path).find((folder) => total.get(folder) === out.get(folder));
    listed.add(whole !== undefined ? `${whole}/` : path);
  }
  return [...listed].sort().slice(0, MAX_EXCLUDED_LISTED);
}

/** Folders holding a path, outermost first (`a`, `a/b` for `a/b/c.py`). */
function ancestors(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
