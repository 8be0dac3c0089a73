/**
 * Scan speed and memory, measured side by side in one run on a generated repository:
 *   walk      — a bare recursive listing with sizes (the floor for any scanner)
 *   read-all  — listing plus reading every file (what a naive scanner does)
 *   audit     — the full MLOps Lens pipeline (scan, facts, rules, assessment)
 *   rg-files  — ripgrep listing the tree (`rg --files`), when ripgrep is installed
 *   rg-ml     — ripgrep finding the files with ML-library imports (`rg -l`), the best tool
 *               for the search part of the job; the audit's ratio to it is the figure to beat
 * Targets (checked at the end; exit 1 when missed): the audit costs at most
 * AUDIT_VS_READ_ALL times the naive read-all pass, and its heap growth stays under
 * MAX_HEAP_MB. Usage: npm run bench [-- --files N]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../src/core/audit';
import { EMPTY_CONFIG } from '../src/core/config/config';
import { createNodeFileHost } from '../src/core/host/nodeFileHost';
import { loadKnowledge } from '../src/core/knowledge/load';

const AUDIT_VS_READ_ALL = 10;
const MAX_HEAP_MB = 256;
const RUNS = 3;

const filesArg = process.argv.indexOf('--files');
const FILES = filesArg > 0 ? Number(process.argv[filesArg + 1]) : 20000;

function generate(root: string, count: number): void {
  const templates: [string, (i: number) => string][] = [
    ['py', (i) => `import numpy as np\nimport mlflow\nfrom sklearn.linear_model import LogisticRegression\n\n\ndef train_${i}(x, y):\n    np.random.seed(${i})\n    model = LogisticRegression().fit(x, y)\n    mlflow.log_metric("acc", model.score(x, y))\n    return model\n`.repeat(5)],
    ['csv', (i) => `a,b,c\n${Array.from({ length: 200 }, (_, r) => `${r},${i},${r * i}`).join('\n')}\n`],
    ['yaml', (i) => `name: config-${i}\nparams:\n  lr: 0.01\n  epochs: ${i % 50}\n`],
    ['md', (i) => `# Notes ${i}\n\nSome prose about experiments.\n`],
    ['ipynb', (i) => JSON.stringify({ cells: [{ cell_type: 'code', source: [`import pandas as pd\n`, `df = pd.read_csv("d${i}.csv")\n`] }], metadata: {}, nbformat: 4, nbformat_minor: 5 })],
  ];
  for (let i = 0; i < count; i++) {
    const dir = join(root, `pkg${i % 40}`, `mod${i % 17}`);
    mkdirSync(dir, { recursive: true });
    const [ext, body] = templates[i % templates.length];
    writeFileSync(join(dir, `file${i}.${ext}`), body(i));
  }
  writeFileSync(join(root, 'requirements.txt'), 'numpy==1.26.4\nmlflow==2.12.1\nscikit-learn==1.4.2\n');
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n');
}

function walkSync(dir: string, visit: (path: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walkSync(path, visit);
    else visit(path);
  }
}

async function time(label: string, work: () => Promise<unknown> | unknown): Promise<{ label: string; ms: number; heapMb: number }> {
  const samples: number[] = [];
  let heapMb = 0;
  for (let run = 0; run < RUNS; run++) {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 5);
    const start = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    clearInterval(sampler);
    heapMb = Math.max(heapMb, (peak - heapBefore) / 1024 / 1024);
  }
  samples.sort((a, b) => a - b);
  return { label, ms: samples[Math.floor(samples.length / 2)], heapMb };
}

/** The ML-library import lines the audit's import rules look for, as one ripgrep pattern. */
const ML_IMPORTS = '^\\s*(import|from)\\s+(mlflow|sklearn|torch|tensorflow|keras|xgboost|lightgbm|pandas|numpy|wandb|dvc|evidently)\\b';

/** ripgrep, when installed; the bench says plainly when it is not. */
function ripgrep(args: string[]): () => void {
  return () => {
    const run = spawnSync('rg', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.status !== 0 && run.status !== 1) throw new Error(`rg ${args.join(' ')}: ${run.stderr || run.error?.message}`);
  };
}

async function main(): Promise<void> {
  const root = join(tmpdir(), `mlops-lens-bench-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  generate(root, FILES);
  const knowledge = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));
  try {
    const results = [
      await time('walk', () => { let n = 0; walkSync(root, (p) => { n += statSync(p).size; }); return n; }),
      await time('read-all', () => { let n = 0; walkSync(root, (p) => { n += readFileSync(p).length; }); return n; }),
      await time('audit', () => audit(createNodeFileHost(root), { knowledge, config: EMPTY_CONFIG, rootName: 'bench', tool: { name: 'mlops-lens', version: 'bench' } })),
    ];
    const hasRg = spawnSync('rg', ['--version']).status === 0;
    const rg = hasRg
      ? [await time('rg-files', ripgrep(['--files', '--no-ignore', root])), await time('rg-ml', ripgrep(['-l', '--no-ignore', '-e', ML_IMPORTS, root]))]
      : [];
    console.log(`Benchmark: generated repository of ${FILES} files, median of ${RUNS} runs, Node ${process.version}`);
    console.log('pass      median ms   heap growth MB');
    for (const r of [...results, ...rg]) console.log(`${r.label.padEnd(9)} ${r.ms.toFixed(0).padStart(9)}   ${r.heapMb.toFixed(1).padStart(14)}`);
    const [walk, readAll, auditRun] = results;
    const ratio = auditRun.ms / readAll.ms;
    console.log(`audit / walk     = ${(auditRun.ms / walk.ms).toFixed(2)}x`);
    console.log(`audit / read-all = ${ratio.toFixed(2)}x (target ≤ ${AUDIT_VS_READ_ALL}x)`);
    console.log(`audit heap growth = ${auditRun.heapMb.toFixed(1)} MB (target < ${MAX_HEAP_MB} MB)`);
    if (rg.length > 0) {
      console.log(`audit / rg --files = ${(auditRun.ms / rg[0].ms).toFixed(1)}x, audit / rg -l (ML imports) = ${(auditRun.ms / rg[1].ms).toFixed(1)}x (measured, no target yet)`);
    } else {
      console.log('RIPGREP NOT INSTALLED: the comparison with rg was NOT measured (apt-get install ripgrep)');
    }
    const ok = ratio <= AUDIT_VS_READ_ALL && auditRun.heapMb < MAX_HEAP_MB;
    console.log(ok ? 'targets met' : 'TARGETS MISSED');
    process.exitCode = ok ? 0 : 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
