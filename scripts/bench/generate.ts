/**
 * A deterministic ML monorepo of any size for the benchmark: services with Python
 * packages, tests, configs, notebooks and data; vendored code; nested `.gitignore`s
 * whose folders must be skipped; and the `node_modules` and `.venv` folders real
 * checkouts carry. The same count always gives the same tree, byte for byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** How many of every 100 files each kind takes. */
const MIX: readonly [kind: FileKind, share: number][] = [
  ['module', 34], ['ml-module', 10], ['test', 10], ['config', 8], ['notebook', 6], ['data', 10],
  ['doc', 4], ['vendored', 6], ['ignored-output', 2], ['node-module', 5], ['venv', 5],
];
type FileKind = 'module' | 'ml-module' | 'test' | 'config' | 'notebook' | 'data' | 'doc' | 'vendored' | 'ignored-output' | 'node-module' | 'venv';

const FILES_PER_SERVICE = 500;
const SLOTS: readonly FileKind[] = MIX.flatMap(([kind, share]) => Array.from({ length: share }, () => kind));

/** Write `count` files under `root` (plus a handful of top-level project files). */
export function generateRepository(root: string, count: number): void {
  const write = (path: string, text: string) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  for (const [path, text] of Object.entries(TOP_LEVEL)) write(path, text);
  for (let i = 0; i < count; i++) {
    const service = `services/svc${Math.floor(i / FILES_PER_SERVICE)}`;
    if (i % FILES_PER_SERVICE === 0) write(`${service}/.gitignore`, 'outputs/\n*.log\n');
    const kind = SLOTS[i % SLOTS.length];
    const [path, text] = FILE_OF[kind](service, i);
    write(path, text);
  }
}

const TOP_LEVEL: Record<string, string> = {
  '.gitignore': 'node_modules/\n.venv/\n/data/raw/\n*.pyc\n',
  // A monorepo this size raises the scan's file limit (100,000 by default), as its team would.
  '.mlops-lens.yaml': 'limits:\n  maxFiles: 1000000\n',
  'README.md': '# Monorepo\n\nRun `make test` to test every service, `dvc repro` to train.\n',
  'requirements.txt': 'numpy==1.26.4\npandas==2.2.2\nscikit-learn==1.4.2\nmlflow==2.12.1\ntorch==2.3.0\n',
  'pyproject.toml': '[project]\nname = "monorepo"\nversion = "0.1.0"\n\n[tool.pytest.ini_options]\ntestpaths = ["services"]\n',
  'Makefile': 'test:\n\tpytest services\n',
  'dvc.yaml': 'stages:\n  train:\n    cmd: python services/svc0/src/train.py\n    deps: [data/processed]\n    outs: [models/model.pkl]\n',
  'params.yaml': 'seed: 13\nlr: 0.01\n',
  'Dockerfile': 'FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY services services\nCMD ["python", "-m", "services.svc0.serve"]\n',
  '.github/workflows/ci.yml': 'on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - run: make test\n',
  'services/svc0/src/train.py': 'import mlflow\nimport numpy as np\nfrom sklearn.ensemble import RandomForestClassifier\n\nnp.random.seed(13)\n\n\ndef main(x, y):\n    with mlflow.start_run():\n        model = RandomForestClassifier(random_state=13).fit(x, y)\n        mlflow.log_metric("accuracy", model.score(x, y))\n        mlflow.sklearn.log_model(model, "model")\n',
};

const FILE_OF: Record<FileKind, (service: string, i: number) => [string, string]> = {
  module: (service, i) => [`${service}/src/pkg${i % 7}/util_${i}.py`, pythonModule(i)],
  'ml-module': (service, i) => [`${service}/src/models/model_${i}.py`, mlModule(i)],
  test: (service, i) => [`${service}/tests/test_util_${i}.py`, `from pkg${i % 7}.util_${i} import transform_${i}\n\n\ndef test_transform_${i}():\n    assert transform_${i}([1, 2]) == [${i % 5}, ${(i % 5) * 2}]\n`],
  config: (service, i) => [`${service}/configs/experiment_${i}.yaml`, `experiment: exp-${i}\nmodel:\n  kind: random-forest\n  depth: ${i % 12}\ntrain:\n  lr: 0.0${(i % 9) + 1}\n  epochs: ${i % 50}\n`],
  notebook: (service, i) => [`${service}/notebooks/explore_${i}.ipynb`, notebook(i)],
  data: (service, i) => [`${service}/data/sample_${i}.csv`, `id,feature,label\n${Array.from({ length: 120 }, (_, r) => `${r},${(r * i) % 997},${r % 2}`).join('\n')}\n`],
  doc: (service, i) => [`${service}/docs/notes_${i}.md`, `# Notes ${i}\n\nWhat we tried in experiment ${i} and why it did not help.\n`],
  vendored: (service, i) => [`${service}/third_party/lib${i % 3}/vendored_${i}.py`, pythonModule(i)],
  'ignored-output': (service, i) => [`${service}/outputs/run_${i}/metrics.json`, `{"accuracy": 0.${i % 97}, "run": ${i}}\n`],
  'node-module': (_, i) => [`node_modules/pkg${i % 50}/lib/index_${i}.js`, `module.exports = function f${i}(x) { return x + ${i}; };\n`],
  venv: (_, i) => [`.venv/lib/python3.11/site-packages/dist${i % 40}/mod_${i}.py`, 'import numpy as np\nimport torch\n\nvalue = np.zeros(3)\n'],
};

function pythonModule(i: number): string {
  const body = Array.from({ length: 12 }, (_, f) => `def transform_${i}_${f}(values):\n    """Scale every value by ${f}."""\n    return [v * ${f} for v in values if v is not None]\n`).join('\n\n');
  return `import json\nimport logging\nfrom pathlib import Path\n\nlog = logging.getLogger(__name__)\n\n\n${body}\n\ndef transform_${i}(values):\n    return transform_${i}_1(values)\n`;
}

function mlModule(i: number): string {
  return `import numpy as np\nimport pandas as pd\nimport torch\nfrom torch import nn\n\n\nclass Net${i}(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.layer = nn.Linear(${(i % 30) + 2}, 2)\n\n    def forward(self, x):\n        return self.layer(x)\n\n\ndef features_${i}(frame: pd.DataFrame) -> np.ndarray:\n    return frame.select_dtypes("number").to_numpy()\n`;
}

function notebook(i: number): string {
  const cells = [
    { cell_type: 'markdown', metadata: {}, source: [`# Exploration ${i}\n`] },
    { cell_type: 'code', metadata: {}, execution_count: 1, outputs: [], source: ['import pandas as pd\n', `df = pd.read_csv("../data/sample_${i}.csv")\n`, 'df.describe()\n'] },
    { cell_type: 'code', metadata: {}, execution_count: 2, outputs: [{ output_type: 'stream', name: 'stdout', text: Array.from({ length: 20 }, (_, r) => `row ${r}: ${(r * i) % 101}\n`) }], source: ['for r in range(20):\n', '    print(f"row {r}: {r}")\n'] },
  ];
  return JSON.stringify({ cells, metadata: { kernelspec: { name: 'python3', display_name: 'Python 3' } }, nbformat: 4, nbformat_minor: 5 }, null, 1);
}
