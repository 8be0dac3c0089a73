/**
 * Edits of `.mlops-lens.yaml` made by commands: through the `yaml` library's document
 * model, so the user's comments and layout survive. Pure text in, text out.
 */
import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';

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

# Practices or trade-offs that do not apply here. A reason is required and stays in
# every report.
# suppress:
#   - id: drift-monitoring
#     reason: Batch scoring only; the platform team monitors the output tables.

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

/** Add (or replace) a suppression; throws when the existing file is not valid YAML. */
export function addSuppression(text: string, id: string, reason: string): string {
  const doc = parseDocument(text.trim() === '' ? '{}' : text);
  if (doc.errors.length > 0) throw new Error(`.mlops-lens.yaml is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  if (doc.contents !== null && !isMap(doc.contents)) throw new Error('.mlops-lens.yaml must hold a mapping at the top level');
  let list = doc.get('suppress', true);
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set('suppress', list);
  }
  const seq = list as YAMLSeq;
  seq.flow = false;
  const existing = seq.items.findIndex((item) => isMap(item) && item.get('id') === id);
  const entry = doc.createNode({ id, reason });
  if (existing >= 0) seq.items[existing] = entry;
  else seq.items.push(entry);
  return doc.toString();
}
