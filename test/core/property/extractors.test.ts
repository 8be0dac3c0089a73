/**
 * Property: every extractor, on any text (snippets of its format, mutated snippets,
 * other formats, any unicode), returns a facts patch quickly or throws an Error; the
 * facts it returns are located in the input file at positive integer lines.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { allExtractors } from '../../../src/core/facts';
import type { Extractor, FactsPatch } from '../../../src/core/facts/extractor';
import type { ScanWarning } from '../../../src/core/model/facts';
import { params, SEED, SNIPPETS, textArb, type SnippetKind } from './arbitraries';

const NUM_RUNS = 3000;
/** One extraction of ≤ 4 KiB must stay far below this; a slower one counts as a hang. */
const SLOW_MS = 500;
let cases = 0;

after(() => console.log(`property cases: ${cases} (seed ${SEED})`));

/** Paths each extractor reads (matching its globs) and the formats of its snippets. */
const FORMATS: Record<string, { paths: string[]; kinds: SnippetKind[] }> = {
  'requirements-txt': { paths: ['requirements.txt', 'requirements/dev.txt', 'sub/constraints.txt'], kinds: ['requirements'] },
  'setup-py': { paths: ['setup.py', 'setup.cfg'], kinds: ['setupPy', 'setupCfg'] },
  pipfile: { paths: ['Pipfile'], kinds: ['pipfile'] },
  pyproject: { paths: ['pyproject.toml', 'pkg/pyproject.toml'], kinds: ['pyproject'] },
  'conda-env': { paths: ['environment.yml', 'conda.yaml'], kinds: ['conda'] },
  notebook: { paths: ['notebooks/x.ipynb'], kinds: ['notebook'] },
  'python-source': { paths: ['train.py', 'src/pkg/__init__.py'], kinds: ['python'] },
  travis: { paths: ['.travis.yml'], kinds: ['travis'] },
  jenkinsfile: { paths: ['Jenkinsfile', 'ci/Jenkinsfile.release'], kinds: ['jenkins'] },
  'bitbucket-pipelines': { paths: ['bitbucket-pipelines.yml'], kinds: ['bitbucket'] },
  'github-actions': { paths: ['.github/workflows/ci.yml'], kinds: ['github'] },
  circleci: { paths: ['.circleci/config.yml'], kinds: ['circleci'] },
  'azure-pipelines': { paths: ['azure-pipelines.yml', 'ci/build.yml'], kinds: ['azure'] },
  'cloud-build': { paths: ['cloudbuild.yaml', 'build/deploy.yaml'], kinds: ['cloudbuild'] },
  codebuild: { paths: ['buildspec.yml', 'model/buildspec.yml'], kinds: ['buildspec'] },
  codepipeline: { paths: ['pipeline.yml', 'infra/template.json'], kinds: ['cloudformation'] },
  'gitlab-ci': { paths: ['.gitlab-ci.yml', 'ci/deploy.gitlab-ci.yml'], kinds: ['gitlab'] },
  'dvc-yaml': { paths: ['dvc.yaml', 'pipelines/dvc.yaml'], kinds: ['dvc'] },
  mlproject: { paths: ['MLproject'], kinds: ['mlproject'] },
  manifests: { paths: ['k8s/deployment.yaml', 'chart/values.yml'], kinds: ['k8s'] },
  dockerfile: { paths: ['Dockerfile', 'docker/Dockerfile.gpu'], kinds: ['dockerfile'] },
  'readme-steps': { paths: ['README.md', 'docs/README.rst'], kinds: ['readme'] },
};

test('every extractor has a format here', () => {
  assert.deepEqual(allExtractors.map((e) => e.id).filter((id) => !FORMATS[id]), []);
});

/** Files `ctx.read` can see: a snippet for each format, so `-r` includes and the like resolve. */
const OTHERS = new Map<string, string>([
  ['requirements-base.txt', SNIPPETS.requirements[2]],
  ['constraints.txt', 'numpy==1.26.4\n'],
  ['requirements.txt', SNIPPETS.requirements[0]],
  ['environment.yml', SNIPPETS.conda[0]],
  ['ci/deploy.gitlab-ci.yml', SNIPPETS.gitlab[0]],
  ['.github/workflows/reuse.yml', SNIPPETS.github[0]],
]);

const caseArb = fc.constantFrom(...allExtractors).chain((extractor) => {
  const format = FORMATS[extractor.id] ?? { paths: ['file.txt'], kinds: Object.keys(SNIPPETS) as SnippetKind[] };
  return fc.record({ extractor: fc.constant(extractor), path: fc.constantFrom(...format.paths), text: textArb(format.kinds) });
});

/** Every object in a patch (skipping YAML documents' own values, which are file data). */
function* located(value: unknown, key = ''): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) for (const item of value) yield* located(item, key);
  else if (value !== null && typeof value === 'object') {
    yield [key, value as Record<string, unknown>];
    for (const [k, v] of Object.entries(value)) if (k !== 'value') yield* located(v, k);
  }
}

async function extract(extractor: Extractor, path: string, text: string): Promise<{ patch?: FactsPatch; error?: unknown; warnings: ScanWarning[] }> {
  const warnings: ScanWarning[] = [];
  try {
    const patch = await extractor.extract({ path, text }, { read: async (p) => OTHERS.get(p), exists: (p) => OTHERS.has(p), warn: (w) => warnings.push(w) });
    return { patch, warnings };
  } catch (error) {
    return { error, warnings };
  }
}

test('extractors return well-located facts or throw an Error, quickly, on any text', async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, async ({ extractor, path, text }) => {
      cases++;
      const started = performance.now();
      const { patch, error, warnings } = await extract(extractor, path, text);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < SLOW_MS, `${extractor.id} took ${elapsed.toFixed(0)} ms`);
      if (error !== undefined) {
        assert.ok(error instanceof Error, `${extractor.id} threw a non-Error: ${String(error)}`);
        return;
      }
      assert.ok(patch !== null && typeof patch === 'object' && !Array.isArray(patch), `${extractor.id} returned ${String(patch)}`);
      for (const [key, values] of Object.entries(patch)) assert.ok(Array.isArray(values), `${extractor.id}: ${key} is not a list`);
      for (const [key, fact] of located(patch)) {
        if ('path' in fact) assert.equal(fact.path, path, `${extractor.id}: ${key} fact has path ${JSON.stringify(fact.path)}`);
        if ('line' in fact && fact.line !== undefined) {
          assert.ok(Number.isInteger(fact.line) && (fact.line as number) >= 1, `${extractor.id}: ${key} fact has line ${String(fact.line)}`);
        }
      }
      for (const warning of warnings) {
        if (warning.line !== undefined) assert.ok(Number.isInteger(warning.line) && warning.line >= 1, `${extractor.id}: warning line ${warning.line}`);
        assert.ok(typeof warning.message === 'string' && warning.message !== '', `${extractor.id}: empty warning`);
      }
    }),
    params(NUM_RUNS),
  );
});
