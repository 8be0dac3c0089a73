/**
 * Project templates (cookiecutter, Copier, Databricks bundle templates, as described by
 * knowledge/scope.yaml) are judged as the project they generate with the default answers:
 * files of the generated project are read under the path they will have there, with their
 * template tags neutralised, and the generator's own files (its tests, CI, hooks) are not
 * counted.
 */
import type { FileFact, ScanWarning } from '../model/facts';
import type { ScopeRules, TemplateMarker } from '../model/knowledge';
import { asRecord, parseYaml } from '../facts/yamlSource';
import type { Answer } from './templateConditions';
import { isExpressionSegment, neutraliseTemplate, renderSegment } from './templateText';
import { isSkipped, parseSkip, type SkipPattern } from './templateSkips';

/** A template found in the repository and the project it generates. */
export interface TemplateProject {
  /** Repository path of the marker file (e.g. `cookiecutter.json`). */
  marker: string;
  /** Folder of the marker ('' for the repository root). */
  folder: string;
  /** Folder of the generated project's files. */
  root: string;
  renders: TemplateMarker['renders'];
  /** Default answers, by the variable as templates write it (`cookiecutter.x`, `.x`, `x`). */
  answers: Readonly<Record<string, Answer>>;
  /** The template folder (the generated project's files are under it). */
  templateDir: string;
  /** Paths the template's skip calls leave out with the default answers. */
  skips: SkipPattern[];
}

export interface TemplateScope {
  projects: TemplateProject[];
  /** Files of the generators (beside the generated projects in a template's folder): not counted. */
  generatorFiles: Set<string>;
}

/** How a file of a generated project is read. */
export interface RenderedFile {
  /** Its path in the generated project, which globs match (`.github/workflows/ci.yml`). */
  as: string;
  /** Its text holds template tags to neutralise. */
  template: boolean;
  /** The template's default answers. */
  answers: Readonly<Record<string, Answer>>;
}

/** Rendered files whose values must be quoted: a bare placeholder is no TOML or JSON value. */
export function needsQuotedPlaceholders(renderedPath: string): boolean {
  return /\.(toml|json)$/i.test(renderedPath);
}

/** The templates of a repository and the files their generators own. */
export async function findTemplates(
  files: readonly FileFact[],
  rules: ScopeRules['templates'],
  read: (path: string) => Promise<string | undefined>,
  warn: (warning: ScanWarning) => void,
): Promise<TemplateScope> {
  const folders = folderIndex(files);
  const markers = files
    .map((f) => ({ path: f.path, rule: rules.markers.find((m) => m.file.toLowerCase() === baseName(f.path).toLowerCase()) }))
    .filter((m): m is { path: string; rule: TemplateMarker } => m.rule !== undefined)
    .sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : 1));
  const projects: TemplateProject[] = [];
  for (const { path, rule } of markers) {
    const folder = parentOf(path);
    // A marker inside a generated project belongs to that project (a template of templates is rare).
    if (projects.some((p) => folder === p.folder || folder === p.root || isUnder(folder, p.root))) continue;
    const settings = await readMarker(path, rule, read, warn);
    const templateDir = join(folder, templateDirOf(settings, rule));
    const root = projectRoot(templateDir, rule, folders);
    if (root === undefined) continue;
    const answers = answersOf(settings, rule);
    const skips = rule.skipFunction ? await skipsOf(files, templateDir, rule, answers, rules.suffixes, read) : [];
    projects.push({ marker: path, folder, root, renders: rule.renders, answers, templateDir, skips });
  }
  const generatorFiles = new Set<string>();
  for (const file of files) {
    if (file.path === '.git' || projects.some((p) => isUnder(file.path, p.root))) continue;
    if (projects.some((p) => p.folder === '' || isUnder(file.path, p.folder))) generatorFiles.add(file.path);
  }
  return { projects, generatorFiles };
}

/**
 * How a file inside a generated project is read; undefined for any other file, and
 * `generated: false` when a conditional in its path, or a skip call of the template, leaves
 * it out with the default answers.
 */
export function renderedFile(path: string, scope: TemplateScope, suffixes: readonly string[]): (RenderedFile & { generated: true }) | { generated: false } | undefined {
  const project = scope.projects.find((p) => isUnder(path, p.root));
  if (!project) return undefined;
  const answers = (variable: string) => (Object.hasOwn(project.answers, variable) ? project.answers[variable] : undefined);
  const segments = (project.root === '' ? path : path.slice(project.root.length + 1)).split('/').map((s) => renderSegment(s, answers));
  if (segments.some((s) => s === '')) return { generated: false };
  const name = segments[segments.length - 1];
  const suffix = suffixes.find((s) => name.toLowerCase().endsWith(s) && name.length > s.length);
  if (project.renders === 'suffixed' && suffix) segments[segments.length - 1] = name.slice(0, -suffix.length);
  if (project.skips.length > 0 && isSkipped(project.skips, relativeTo(path, project.templateDir), project.answers, project.renders === 'suffixed' ? suffix : undefined)) {
    return { generated: false };
  }
  return { generated: true, as: segments.join('/'), template: project.renders === 'all' || suffix !== undefined, answers: project.answers };
}

/**
 * The skip calls of a template's rendered files (those a suffix marks, or all of them),
 * read as the files are rendered with the default answers: only calls in branches those
 * answers certainly take count.
 */
async function skipsOf(
  files: readonly FileFact[],
  templateDir: string,
  rule: TemplateMarker,
  answers: Readonly<Record<string, Answer>>,
  suffixes: readonly string[],
  read: (path: string) => Promise<string | undefined>,
): Promise<SkipPattern[]> {
  const fn = rule.skipFunction!;
  const call = new RegExp(`^${fn}\\s`);
  const lookup = (variable: string) => (Object.hasOwn(answers, variable) ? answers[variable] : undefined);
  const skips: SkipPattern[] = [];
  for (const file of files) {
    if (!isUnder(file.path, templateDir)) continue;
    if (rule.renders === 'suffixed' && !suffixes.some((s) => file.path.toLowerCase().endsWith(s))) continue;
    const text = await read(file.path);
    if (text === undefined || !text.includes(fn)) continue;
    const base = parentOf(relativeTo(file.path, templateDir));
    neutraliseTemplate(text, {
      answers: lookup,
      onOutput: (expr, _line, certain) => {
        const skip = certain && call.test(expr) ? parseSkip(expr.slice(fn.length).trim(), base, answers) : undefined;
        if (skip) skips.push(skip);
      },
    });
  }
  return skips;
}

function relativeTo(path: string, folder: string): string {
  return folder === '' ? path : path.slice(folder.length + 1);
}

/** The marker file's settings (its first YAML/JSON document); empty when unreadable or broken. */
async function readMarker(
  marker: string,
  rule: TemplateMarker,
  read: (path: string) => Promise<string | undefined>,
  warn: (warning: ScanWarning) => void,
): Promise<Record<string, unknown>> {
  if (!rule.templateDirKey && !rule.answers) return {};
  const text = await read(marker);
  if (text === undefined) return {};
  try {
    return asRecord(parseYaml(text)[0]?.value) ?? {};
  } catch (err) {
    warn({ code: 'parse-error', path: marker, message: `cannot be parsed: ${(err as Error).message ?? String(err)}` });
    return {};
  }
}

/** The template folder, moved by the marker's `templateDirKey` when the marker file sets it. */
function templateDirOf(settings: Record<string, unknown>, rule: TemplateMarker): string {
  const value = rule.templateDirKey ? settings[rule.templateDirKey] : undefined;
  // Only a plain relative folder; a templated or escaping value keeps the default.
  if (typeof value === 'string' && /^[^/{}]/.test(value) && !value.split('/').includes('..')) return value.replace(/\/+$/, '');
  return rule.templateDir;
}

/**
 * The default answers the marker file gives, keyed as templates refer to them. A default
 * that is itself a template (`{{ cookiecutter.name|lower }}`) is not known.
 */
function answersOf(settings: Record<string, unknown>, rule: TemplateMarker): Record<string, Answer> {
  if (!rule.answers) return {};
  const { from, prefix = '' } = rule.answers;
  const entries = from === 'properties-default' ? asRecord(settings.properties) ?? {} : settings;
  const answers: Record<string, Answer> = {};
  for (const [name, entry] of Object.entries(entries)) {
    let value: unknown = entry;
    if (from === 'properties-default' || (from === 'keys-default' && asRecord(entry))) value = asRecord(entry)?.default;
    else if (from === 'keys' && Array.isArray(entry)) value = entry[0];
    if (typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && !/\{[{%]/.test(value))) {
      answers[`${prefix}${name}`] = value;
    }
  }
  return answers;
}

/** The generated project's root, or undefined when the layout is not the marker's. */
function projectRoot(templateDir: string, rule: TemplateMarker, folders: FolderIndex): string | undefined {
  if (!folders.has(templateDir)) return undefined;
  if (rule.project === 'template-folder') return templateDir;
  const expressionFolders = [...(folders.get(templateDir) ?? [])].filter(isExpressionSegment);
  return expressionFolders.length === 1 ? join(templateDir, expressionFolders[0]) : undefined;
}

/** Folder path → names of its child folders ('' is the root). */
type FolderIndex = Map<string, Set<string>>;

function folderIndex(files: readonly FileFact[]): FolderIndex {
  const index: FolderIndex = new Map([['', new Set()]]);
  for (const { path } of files) {
    for (let child = parentOf(path); child !== ''; child = parentOf(child)) {
      if (!index.has(child)) index.set(child, new Set());
      const parent = parentOf(child);
      const siblings = index.get(parent) ?? new Set<string>();
      index.set(parent, siblings);
      if (siblings.has(baseName(child))) break;
      siblings.add(baseName(child));
    }
  }
  return index;
}

function join(folder: string, rel: string): string {
  const clean = rel === '.' ? '' : rel.replace(/^\.\//, '');
  return folder === '' ? clean : clean === '' ? folder : `${folder}/${clean}`;
}

export function isUnder(path: string, folder: string): boolean {
  return folder === '' || path.startsWith(`${folder}/`);
}

/** The folder holding a path ('' at the root). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function depth(path: string): number {
  return path.split('/').length;
}
