/**
 * Kubernetes-style manifests: any YAML document with string `apiVersion` and `kind`
 * (Deployments, KServe InferenceServices, Kubeflow pipelines, Kustomizations, ...).
 */
import { Minimatch } from 'minimatch';
import type { ManifestFact } from '../model/facts';
import { NAMED_CI_FILES } from './ci/otherCiFiles';
import { extractor as dvcYaml } from './dvcYaml';
import type { ExtractContext, Extractor, SourceFile } from './extractor';
import { asRecord, parseYaml } from './yamlSource';

/** YAML files with a known other meaning; skipping them avoids parse warnings about configs that are no manifests. */
const NOT_MANIFESTS = [
  ...NAMED_CI_FILES,
  '**/azure-pipelines*.{yml,yaml}',
  ...dvcYaml.files,
  '**/.*.{yml,yaml}', // tool configs: .pre-commit-config, .readthedocs, .codecov, ...
  '**/.github/**',
  '**/environment*.{yml,yaml}',
  '**/conda*.{yml,yaml}',
  '**/*compose*.{yml,yaml}',
  '**/mkdocs.{yml,yaml}',
  '**/pnpm-lock.yaml',
].map((glob) => new Minimatch(glob, { dot: true, nocase: true }));

const API_VERSION_KEY = /^\s*apiVersion\s*:/m;
const KIND_KEY = /^\s*kind\s*:/m;

export const extractor: Extractor = {
  id: 'manifests',
  files: ['**/*.yaml', '**/*.yml'],
  async extract(file, ctx) {
    if (NOT_MANIFESTS.some((glob) => glob.match(file.path))) return {};
    // Parsing is the costly part and most YAML files are no manifests: both keys must appear.
    if (!API_VERSION_KEY.test(file.text) || !KIND_KEY.test(file.text)) return {};
    let docs;
    try {
      docs = parseYaml(file.text);
    } catch (err) {
      // Helm templates are YAML only once rendered; read what the raw text shows.
      if (await isHelmTemplate(file.path, ctx)) return { manifests: templateManifests(file) };
      throw err;
    }
    const manifests = docs.flatMap((doc): ManifestFact[] => {
      const root = asRecord(doc.value);
      if (typeof root?.apiVersion !== 'string' || typeof root.kind !== 'string') return [];
      const name = asRecord(root.metadata)?.name;
      return [{
        path: file.path,
        line: doc.lineOf(['kind']),
        apiVersion: root.apiVersion,
        kind: root.kind,
        ...(typeof name === 'string' && { name }),
      }];
    });
    return manifests.length > 0 ? { manifests } : {};
  },
};

/** Whether the file lies in a `templates/` folder whose parent holds a Chart.yaml. */
async function isHelmTemplate(path: string, ctx: ExtractContext): Promise<boolean> {
  const segments = path.split('/');
  for (let i = segments.length - 2; i >= 0; i--) {
    if (segments[i] !== 'templates') continue;
    const chart = [...segments.slice(0, i), 'Chart.yaml'].join('/');
    if (await ctx.read(chart) !== undefined) return true;
  }
  return false;
}

/** Manifests of a Helm template, found line by line in each `---`-separated document. */
function templateManifests(file: SourceFile): ManifestFact[] {
  const manifests: ManifestFact[] = [];
  let found: { kind?: string; line?: number; apiVersion?: string; name?: string } = {};
  let inMetadata = false;
  const flush = (): void => {
    const { kind, line, apiVersion, name } = found;
    if (kind && apiVersion) manifests.push({ path: file.path, line, apiVersion, kind, ...(name && { name }) });
    found = {};
  };
  file.text.split(/\r?\n/).forEach((text, i) => {
    if (text.startsWith('---')) return flush();
    if (/^\S/.test(text)) inMetadata = /^metadata:\s*$/.test(text);
    const kind = /^kind:\s*(\w+)/.exec(text)?.[1];
    if (kind) found = { ...found, kind, line: i + 1 };
    found.apiVersion ??= /^apiVersion:\s*(\S.*?)\s*$/.exec(text)?.[1];
    // The first `name:` under `metadata:`, and only a literal one: a templated name is known after rendering.
    if (inMetadata) found.name ??= /^\s+name:\s*["']?([^"'{\s]+)["']?\s*$/.exec(text)?.[1];
  });
  flush();
  return manifests;
}
