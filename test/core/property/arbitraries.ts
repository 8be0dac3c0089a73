/**
 * Shared generators for the property tests: valid snippets of every format the scanner
 * reads, mutations of them (byte flips, truncation, duplication, YAML/JSON hazards),
 * random bytes, and small repository trees built from meaningful and odd paths.
 */
import fc from 'fast-check';
import type { MemoryEntry } from '../../helpers/memoryHost';
import { isValidMemoryPath } from '../../helpers/memoryHost';

/** Fixed by default (reproducible CI); `FC_SEED=<int>` varies it. */
export const SEED = seedFromEnv(process.env.FC_SEED);

function seedFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 20250611;
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not ${JSON.stringify(value)}`);
  return seed;
}

/** Largest generated file. */
export const MAX_FILE_BYTES = 4096;

/**
 * fast-check parameters shared by every property: the seed, the run count, the error in
 * the report, and `examples` (inputs to always try) run before the random ones.
 */
export function params<T>(numRuns: number, examples: T[] = []): fc.Parameters<T> {
  return { seed: SEED, numRuns, includeErrorInReport: true, examples };
}

const enc = new TextEncoder();

export type SnippetKind =
  | 'requirements' | 'pyproject' | 'setupCfg' | 'setupPy' | 'pipfile' | 'conda' | 'dvc' | 'mlproject'
  | 'dockerfile' | 'github' | 'gitlab' | 'jenkins' | 'circleci' | 'azure' | 'bitbucket' | 'travis'
  | 'cloudbuild' | 'buildspec' | 'cloudformation' | 'k8s' | 'python' | 'notebook' | 'readme' | 'gitignore';

/** Valid (or at least typical) texts of each format. */
export const SNIPPETS: Record<SnippetKind, string[]> = {
  requirements: [
    'numpy==1.26.4\npandas>=2.0\nscikit-learn==1.4.2 ; python_version >= "3.9"\nmlflow[extras]~=2.12\n',
    '-r requirements-base.txt\n-c constraints.txt\n--index-url https://pypi.org/simple\ntorch==2.3.0 \\\n    --hash=sha256:abcdef0123456789\n# comment\ngit+https://github.com/org/repo.git@v1#egg=repo\n-e .\n',
    'dvc\ngreat-expectations\nevidently\n',
  ],
  pyproject: [
    '[project]\nname = "churn"\nversion = "0.1.0"\ndependencies = ["pandas>=2", "scikit-learn==1.4.2", "mlflow"]\n\n[project.optional-dependencies]\ndev = ["pytest", "ruff"]\n',
    '[tool.poetry]\nname = "x"\nversion = "0.1.0"\n\n[tool.poetry.dependencies]\npython = "^3.11"\ntorch = {version = "2.3.0", source = "pytorch"}\nwandb = "*"\n\n[tool.poetry.group.dev.dependencies]\npytest = "^8"\n',
    '[build-system]\nrequires = ["setuptools>=61"]\n\n[tool.ruff]\nline-length = 100\n[tool.pytest.ini_options]\naddopts = "-q"\n',
  ],
  setupCfg: [
    '[metadata]\nname = pkg\n\n[options]\npackages = find:\ninstall_requires =\n    numpy==1.26.4\n    pandas\n\n[options.extras_require]\ndev = pytest; ruff\n',
  ],
  setupPy: [
    'from setuptools import setup, find_packages\n\nsetup(\n    name="pkg",\n    packages=find_packages(),\n    install_requires=["numpy==1.26.4", "mlflow>=2", \'dvc\'],\n    extras_require={"dev": ["pytest"]},\n)\n',
  ],
  pipfile: [
    '[[source]]\nurl = "https://pypi.org/simple"\nverify_ssl = true\nname = "pypi"\n\n[packages]\nrequests = "*"\nmlflow = "==2.12.1"\ntorch = {version = "==2.3.0", index = "pytorch"}\n\n[dev-packages]\npytest = "*"\n',
  ],
  conda: [
    'name: churn\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - numpy=1.26.4\n  - pip\n  - pip:\n      - mlflow==2.12.1\n      - -r requirements.txt\n',
  ],
  dvc: [
    'stages:\n  prepare:\n    cmd: python src/prepare.py data/raw data/prepared\n    deps:\n      - src/prepare.py\n      - data/raw\n    outs:\n      - data/prepared\n  train:\n    cmd:\n      - python src/train.py\n      - echo done\n    deps: [data/prepared]\n    params:\n      - train.seed\n      - params.yaml:\n          - lr\n    outs:\n      - model.pkl:\n          cache: true\n    metrics:\n      - metrics.json:\n          cache: false\n    plots:\n      - plots/roc.csv\nartifacts:\n  churn-model:\n    path: model.pkl\n    type: model\n',
    'stages:\n  train:\n    foreach: ${models}\n    do:\n      cmd: python train.py ${item}\n',
  ],
  mlproject: [
    'name: churn\n\nconda_env: environment.yml\n\nentry_points:\n  main:\n    parameters:\n      alpha: {type: float, default: 0.5}\n      data: path\n    command: "python train.py --alpha {alpha} {data}"\n  validate:\n    command: python validate.py\n',
    'name: x\ndocker_env:\n  image: python:3.11\nentry_points:\n  main:\n    command: python main.py\n',
  ],
  dockerfile: [
    'FROM python:3.11-slim AS build\nARG VERSION=1\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt && \\\n    rm -rf /root/.cache\nCOPY . .\n\nFROM gcr.io/distroless/python3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nCOPY --from=build /app /app\nEXPOSE 8080\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\nCMD ["python", "serve.py"]\n',
    '# syntax=docker/dockerfile:1\nFROM ubuntu\nRUN <<EOF\napt-get update\nEOF\nENTRYPOINT ["bash"]\n',
  ],
  github: [
    'name: CI\non:\n  push:\n    branches: [main]\n    tags: ["v*"]\n  pull_request:\n  schedule:\n    - cron: "0 3 * * 1"\n  workflow_dispatch:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        python: ["3.10", "3.11"]\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: ${{ matrix.python }}\n      - run: pip install -r requirements.txt\n      - run: |\n          pytest -q\n          dvc repro\n      - name: Lint\n        run: ruff check .\n  deploy:\n    needs: test\n    if: startsWith(github.ref, \'refs/tags/\')\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t x .\n',
    'on: [push, pull_request]\njobs:\n  build:\n    uses: org/repo/.github/workflows/reuse.yml@main\n',
  ],
  gitlab: [
    'stages: [test, train, deploy]\n\n.base: &base\n  image: python:3.11\n  before_script:\n    - pip install -r requirements.txt\n\ntest:\n  <<: *base\n  stage: test\n  script:\n    - pytest\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "merge_request_event"\n\ntrain:\n  <<: *base\n  stage: train\n  script: [dvc repro]\n  only:\n    - schedules\n\ninclude:\n  - local: ci/deploy.gitlab-ci.yml\n',
  ],
  jenkins: [
    'pipeline {\n  agent any\n  triggers { cron(\'H 4 * * 1-5\') }\n  stages {\n    stage(\'Test\') {\n      steps {\n        sh \'pip install -r requirements.txt\'\n        sh "pytest -q"\n        sh """\n          dvc repro\n        """\n      }\n    }\n    stage(\'Deploy\') {\n      when { branch \'main\' }\n      steps { sh \'docker build .\' }\n    }\n  }\n}\n',
    'node {\n  stage("build") {\n    sh "make test"\n  }\n}\n',
  ],
  circleci: [
    'version: 2.1\norbs:\n  python: circleci/python@2\njobs:\n  test:\n    docker:\n      - image: cimg/python:3.11\n    steps:\n      - checkout\n      - run: pip install -r requirements.txt\n      - run:\n          name: tests\n          command: pytest\nworkflows:\n  main:\n    jobs: [test]\n  nightly:\n    triggers:\n      - schedule:\n          cron: "0 0 * * *"\n          filters: {branches: {only: [main]}}\n    jobs: [test]\n',
  ],
  azure: [
    'trigger:\n  branches:\n    include: [main]\npr: [main]\nschedules:\n  - cron: "0 0 * * *"\n    branches: {include: [main]}\npool:\n  vmImage: ubuntu-latest\nstages:\n  - stage: Test\n    jobs:\n      - job: unit\n        steps:\n          - script: pytest\n          - task: UsePythonVersion@0\n            inputs: {versionSpec: "3.11"}\n          - bash: dvc repro\n',
  ],
  bitbucket: [
    'pipelines:\n  default:\n    - step:\n        name: Test\n        script:\n          - pytest\n  custom:\n    train:\n      - step:\n          script: [dvc repro]\n',
  ],
  travis: [
    'language: python\npython: ["3.11"]\ninstall: pip install -r requirements.txt\nscript:\n  - pytest\n',
  ],
  cloudbuild: [
    'steps:\n  - name: python:3.11\n    entrypoint: pytest\n    args: [tests, -q]\n  - name: gcr.io/cloud-builders/gcloud\n    args: [run, deploy, api]\n  - name: ubuntu\n    script: |\n      make test\n',
  ],
  buildspec: [
    'version: 0.2\nphases:\n  install:\n    commands:\n      - pip install -r requirements.txt\n  build:\n    commands:\n      - pytest\n      - python train.py\n    finally:\n      - echo done\n',
  ],
  cloudformation: [
    'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Build:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      Source:\n        Type: CODEPIPELINE\n        BuildSpec: !Sub |\n          version: 0.2\n          phases: {build: {commands: [pytest]}}\n  Pipeline:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      RoleArn: !GetAtt [Role, Arn]\n      Stages:\n        - Name: Source\n          Actions:\n            - Name: Code\n              ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: "1"}\n        - Name: Build\n          Actions:\n            - Name: Test\n              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}\n              Configuration: {ProjectName: !Ref Build}\n  Nightly:\n    Type: AWS::Events::Rule\n    Properties:\n      ScheduleExpression: cron(0 3 * * ? *)\n      Targets: [{Arn: !Sub "arn:aws:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}", Id: p}]\n',
  ],
  k8s: [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: churn-api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/org/churn:1.2.3\n          livenessProbe:\n            httpGet: {path: /health, port: 8080}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: churn\n',
    'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: sklearn-iris\nspec:\n  predictor:\n    model:\n      modelFormat: {name: sklearn}\n      storageUri: gs://bucket/model\n',
    'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\n',
  ],
  python: [
    'import mlflow\nimport numpy as np\nfrom sklearn.model_selection import train_test_split as tts\nimport pandas as pd, torch\n\n\n@mlflow.trace\ndef train(seed: int = 42) -> None:\n    np.random.seed(seed)\n    torch.manual_seed(seed)\n    with mlflow.start_run(run_name="x"):\n        mlflow.log_param("seed", seed)\n        mlflow.sklearn.log_model(model, artifact_path="model", registered_model_name="churn")\n    s = f"{seed!r:>{10}}" + """\nmulti\n""" + r\'\\raw\'\n\nif __name__ == "__main__":\n    train()\n',
    'from . import utils\nfrom ..pkg import (\n    a,\n    b as c,\n)\nimport great_expectations as ge\nge.from_pandas(df).expect_column_values_to_not_be_null("id")\nlambda x: (yield x)\nmatch cmd:\n    case [x, *rest]:\n        pass\n',
  ],
  notebook: [
    JSON.stringify({
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Churn\n', 'Run `python train.py`'] },
        { cell_type: 'code', execution_count: 1, metadata: {}, outputs: [], source: ['import mlflow\n', 'import pandas as pd\n', 'mlflow.autolog()'] },
        { cell_type: 'code', execution_count: 2, metadata: {}, outputs: [{ output_type: 'stream', name: 'stdout', text: ['ok\n'] }], source: '!pip install dvc\n%matplotlib inline\nx = 1' },
      ],
      metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    }, null, 1),
  ],
  readme: [
    '# Churn prediction\n\n## Usage\n\n1. Run `notebooks/01-explore.ipynb` by hand.\n2. Then run:\n\n```bash\npython train.py --epochs 3\npython evaluate.py\n```\n\nThen copy `model.pkl` to the server and restart it.\n\n<img src="x" onerror="alert(1)">\n',
    'Project\n=======\n\nSee [docs](docs/index.md). Execute `make train`.\n',
  ],
  gitignore: [
    '__pycache__/\n*.pyc\n.venv/\ndata/\n!data/.gitkeep\n/models\n',
    '*\n!*/\n!*.py\n',
    '**/*.yaml\n\\#odd\n[a-z]*.txt\n',
  ],
};

/** Meaningful repository paths and the format each holds. */
export const MEANINGFUL_PATHS: [string, SnippetKind][] = [
  ['requirements.txt', 'requirements'],
  ['requirements-dev.txt', 'requirements'],
  ['requirements/base.txt', 'requirements'],
  ['constraints.txt', 'requirements'],
  ['pyproject.toml', 'pyproject'],
  ['setup.cfg', 'setupCfg'],
  ['setup.py', 'setupPy'],
  ['Pipfile', 'pipfile'],
  ['environment.yml', 'conda'],
  ['dvc.yaml', 'dvc'],
  ['pipelines/dvc.yaml', 'dvc'],
  ['MLproject', 'mlproject'],
  ['Dockerfile', 'dockerfile'],
  ['docker/Dockerfile.gpu', 'dockerfile'],
  ['.github/workflows/ci.yml', 'github'],
  ['.github/workflows/release.yaml', 'github'],
  ['.gitlab-ci.yml', 'gitlab'],
  ['ci/deploy.gitlab-ci.yml', 'gitlab'],
  ['Jenkinsfile', 'jenkins'],
  ['.circleci/config.yml', 'circleci'],
  ['azure-pipelines.yml', 'azure'],
  ['bitbucket-pipelines.yml', 'bitbucket'],
  ['.travis.yml', 'travis'],
  ['cloudbuild.yaml', 'cloudbuild'],
  ['buildspec.yml', 'buildspec'],
  ['infra/pipeline.yml', 'cloudformation'],
  ['k8s/deployment.yaml', 'k8s'],
  ['k8s/inference.yaml', 'k8s'],
  ['train.py', 'python'],
  ['src/pkg/__init__.py', 'python'],
  ['tests/test_train.py', 'python'],
  ['notebooks/x.ipynb', 'notebook'],
  ['README.md', 'readme'],
  ['docs/README.rst', 'readme'],
  ['.gitignore', 'gitignore'],
  ['data/.gitignore', 'gitignore'],
];

const ALL_KINDS = Object.keys(SNIPPETS) as SnippetKind[];

/** Tokens that upset parsers: flow openers, anchors/aliases, tabs, NULs, quotes, BOMs, bidi. */
export const HAZARDS = [
  '{', '[', '}', ']', '&a *a', '*a', '<<: *a', '\t', '\0', '"', "'", ':', ': ', '- ', '\n', '\r', '#', '\\', '!!binary ',
  '!!python/object ', '%YAML 1.1\n', '---\n', '...\n', '"""', "'''", '${{', '}}', '\ufeff', '\u202e', '\u2028', 'é', '𝒳',
  '\uFFFD', 'a'.repeat(200), '0x', '1e999', '-.inf', '~', '|', '>-', '?', '@', '`', '((((', '))))', '\\x00', '<script>',
] as const;

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'insert'; at: number; token: string }
  | { op: 'delete'; at: number; length: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.oneof(fc.constantFrom(...HAZARDS), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
);

/** Apply byte-level mutations; the result is capped at MAX_FILE_BYTES. */
export function mutateBytes(input: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = input;
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
    switch (m.op) {
      case 'flip':
        if (bytes.length > 0) {
          bytes = bytes.slice();
          bytes[at % bytes.length] ^= 1 << m.bit;
        }
        break;
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
      case 'duplicate':
        bytes = concat(bytes.subarray(0, at), bytes.subarray(at, at + m.length), bytes.subarray(at));
        break;
      case 'insert':
        bytes = concat(bytes.subarray(0, at), enc.encode(m.token), bytes.subarray(at));
        break;
      case 'delete':
        bytes = concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
        break;
    }
  }
  return bytes.subarray(0, MAX_FILE_BYTES);
}

/** Mutate a text: byte mutations, decoded back as the scanner would (lossy UTF-8, `\r\n` → `\n`). */
export function mutateText(text: string, mutations: readonly Mutation[]): string {
  return decodeLikeScanner(mutateBytes(enc.encode(text), mutations));
}

/** How the scanner turns bytes into an extractor's text. */
export function decodeLikeScanner(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, '\n');
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 5 });

/** A snippet of one of `kinds`. */
export function snippetArb(kinds: readonly SnippetKind[]): fc.Arbitrary<string> {
  return fc.constantFrom(...kinds.flatMap((k) => SNIPPETS[k]));
}

/** Text for an extractor of `kinds`: a snippet, a mutated snippet, a snippet of another format, or any unicode. */
export function textArb(kinds: readonly SnippetKind[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: snippetArb(kinds) },
    { weight: 4, arbitrary: fc.tuple(snippetArb(kinds), mutationsArb).map(([s, m]) => mutateText(s, m)) },
    { weight: 1, arbitrary: fc.tuple(snippetArb(ALL_KINDS), fc.option(mutationsArb, { nil: undefined })).map(([s, m]) => (m ? mutateText(s, m) : s)) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((s) => s.replace(/\r\n?/g, '\n')) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replace(/\r\n?/g, '\n')) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...HAZARDS, 'a', 'b:', ' ', 'x = 1', 'import y', 'RUN', 'FROM'), { maxLength: 40 }).map((a) => a.join('').replace(/\r\n?/g, '\n')) },
  );
}

const contentArbs = new Map<SnippetKind | undefined, fc.Arbitrary<Uint8Array>>();

/** File contents for `path`: its own format (maybe mutated), another format, random bytes or empty. */
function contentArb(path: string): fc.Arbitrary<Uint8Array> {
  // Arbitraries are built once per format: building string units is costly.
  const own = MEANINGFUL_PATHS.find(([p]) => path === p || path.endsWith(`/${p}`))?.[1];
  let arb = contentArbs.get(own);
  if (!arb) {
    arb = contentArbFor(own ? [own] : ALL_KINDS);
    contentArbs.set(own, arb);
  }
  return arb;
}

function contentArbFor(kinds: readonly SnippetKind[]): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { weight: 3, arbitrary: snippetArb(kinds).map((s) => enc.encode(s)) },
    { weight: 4, arbitrary: fc.tuple(snippetArb(kinds), mutationsArb).map(([s, m]) => mutateBytes(enc.encode(s), m)) },
    { weight: 1, arbitrary: snippetArb(ALL_KINDS).map((s) => enc.encode(s)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((s) => enc.encode(s)) },
    { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) },
  );
}

/** One file or folder name that is odd but legal on a POSIX file system. */
const oddSegmentArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('<img src=x onerror=alert(1)>', 'with space', ' lead', 'trail ', '...', '.hidden', 'a..b', 'Ünïcödé', '日本語', '🙂',
    '%2e%2e', 'CON', 'requirements.txt.bak', 'Dockerfile', 'dvc.yaml', 'a\\b', '#x', '"q"', "it's", '&amp;', '\u202egnp.exe', 'node_modules', '.git', '.venv', '__pycache__'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
).filter((s) => isValidMemoryPath(s) && !s.includes('/'));

/** A path: meaningful, odd, meaningful under odd folders, or deeply nested. */
export const pathArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...MEANINGFUL_PATHS.map(([p]) => p)) },
  { weight: 2, arbitrary: fc.array(oddSegmentArb, { minLength: 1, maxLength: 3 }).map((s) => s.join('/')) },
  { weight: 2, arbitrary: fc.tuple(fc.array(oddSegmentArb, { minLength: 1, maxLength: 2 }), fc.constantFrom(...MEANINGFUL_PATHS.map(([p]) => p))).map(([dirs, p]) => [...dirs, p].join('/')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 5, max: 30 }), fc.constantFrom(...MEANINGFUL_PATHS.map(([p]) => p))).map(([depth, p]) => [...Array.from({ length: depth }, (_, i) => `d${i}`), p].join('/')) },
);

/** A symlink target: inside (to a file or a folder), outside, dangling, absolute or looping. */
const linkArb: fc.Arbitrary<{ link: string }> = fc.record({
  link: fc.oneof(fc.constantFrom('README.md', 'train.py', '../outside', '../../etc/passwd', '/etc/passwd', 'missing.txt', '.', '..', 'k8s', 'self', './README.md', 'loop-b'), pathArb),
});

/** A small repository tree: ≤ 12 files of ≤ 4 KiB, a few symlinks sometimes. No folder is also a file. */
export const treeArb: fc.Arbitrary<Map<string, MemoryEntry>> = fc
  .array(fc.tuple(pathArb, fc.option(linkArb, { freq: 12, nil: undefined })).chain(([path, link]) => (link ? fc.constant([path, link] as [string, MemoryEntry]) : contentArb(path).map((bytes) => [path, bytes] as [string, MemoryEntry]))), { maxLength: 12 })
  .map(consistentTree);

/** Drop entries that would make a path both a file and a folder (first one wins). */
export function consistentTree(entries: readonly [string, MemoryEntry][]): Map<string, MemoryEntry> {
  const tree = new Map<string, MemoryEntry>();
  const folders = new Set<string>();
  for (const [path, entry] of entries) {
    if (tree.has(path) || folders.has(path)) continue;
    const parents = path.split('/').slice(0, -1).map((_, i, segs) => segs.slice(0, i + 1).join('/'));
    if (parents.some((p) => tree.has(p))) continue;
    tree.set(path, entry);
    for (const p of parents) folders.add(p);
  }
  return tree;
}
