/**
 * Edits of `.mlops-lens.yaml` made by commands: through the `yaml` library's document
 * model, so the user's comments and layout survive. Pure text in, text out.
 */
import { escape } from 'minimatch';
import { isMap, isSeq, parseDocument, type YAMLMap, YAMLSeq } from 'yaml';
import { globMatcher } from '../core/scan/globs';

/** The file `Create Config File` writes: every option, commented, with the defaults. */
export const CONFIG_TEMPLATE = `# MLOps Lens configuration. Every field is optional; uncomment what you need.
# See https://github.com/mlops-lens/mlops-lens#configuration-mlops-lensyaml for every field.

# Project stage: prototype, pilot or production. Sets the recommended target level.
# Without it the stage is inferred from the repository.
# stage: pilot

# Are the top-level folders separate projects (a course's modules, a set of samples),
# judged by the most mature one? Without it this is recognised from the layout.
# collection: false

# gitignore-style patterns of paths not to scan (on top of .gitignore files).
excludes: []

# Practices, trade-offs or findings that do not apply here. A reason is required and
# stays in every report. A check id (practice/check) suppresses its findings, in the files
# \`path\` names (a glob) or everywhere.
# suppress:
#   - id: drift-monitoring
#     reason: Batch scoring only; the platform team monitors the output tables.
#   - id: random-seeds/training-script-without-seed
#     path: tools/bench_*.py
#     reason: Benchmarks time the kernels; their results are never compared.

# Which files count as the team's own practice: a template repository is judged as
# the project it generates, a library's or installable package's examples and docs are
# left out, general-purpose workflow tools count only beside ML code, and folders of
# retired code (archive/, archived/) are left out.
# scope:
#   templates: true
#   library: auto        # auto, always or never
#   requireMlCode: true
#   retired: true

# Scan limits.
# limits:
#   maxFileBytes: 8388608
#   maxFiles: 100000
#   maxDepth: 64

# Custom practices, in the schema of knowledge/practices/*.yaml.
# practices: []
`;

/** A `suppress` entry: a practice or trade-off, or a check's findings (in `path`, a glob, when given). */
export interface SuppressEntry {
  id: string;
  path?: string;
  reason: string;
}

/** Add (or replace) a suppression; throws when the existing file is not valid YAML. */
export function addSuppression(text: string, entry: SuppressEntry): string {
  const doc = configDocument(text);
  let list = doc.get('suppress', true);
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set('suppress', list);
  }
  const seq = list as YAMLSeq;
  seq.flow = false;
  const existing = seq.items.findIndex((item) => isMap(item) && item.get('id') === entry.id && item.get('path') === entry.path);
  const node = doc.createNode({ id: entry.id, ...(entry.path !== undefined && { path: entry.path }), reason: entry.reason });
  if (existing >= 0) seq.items[existing] = node;
  else seq.items.push(node);
  return doc.toString();
}

/**
 * Remove the entry that suppresses `id`: the practice or trade-off's, or with `findingPath` the
 * first entry of the check whose path (a glob) covers that file, as the audit applies them.
 * Returns the new text and the entry removed, or undefined when no entry suppresses it.
 */
export function removeSuppression(text: string, id: string, findingPath?: string): { text: string; removed: SuppressEntry } | undefined {
  const doc = configDocument(text);
  const seq = doc.get('suppress', true);
  if (!isSeq(seq)) return undefined;
  const covers = (item: unknown): boolean => {
    if (!isMap(item) || item.get('id') !== id) return false;
    const path = item.get('path');
    if (findingPath === undefined) return path === undefined;
    return path === undefined || (typeof path === 'string' && globMatcher([path])(findingPath));
  };
  const index = seq.items.findIndex(covers);
  if (index < 0) return undefined;
  const removed = (seq.items[index] as YAMLMap).toJSON() as SuppressEntry;
  seq.items.splice(index, 1);
  if (seq.items.length === 0) doc.delete('suppress');
  return { text: doc.toString(), removed };
}

/** The path of one file as a `suppress` entry's glob: its glob characters escaped, so only that file matches. */
export function exactPathGlob(path: string): string {
  // A leading `!` negates a glob and a leading `#` makes it a comment: escape them too.
  return escape(path, { magicalBraces: true }).replace(/^[!#]/, '\\$&');
}

function configDocument(text: string) {
  const doc = parseDocument(text.trim() === '' ? '{}' : text);
  if (doc.errors.length > 0) throw new Error(`.mlops-lens.yaml is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  if (doc.contents !== null && !isMap(doc.contents)) throw new Error('.mlops-lens.yaml must hold a mapping at the top level');
  return doc;
}
