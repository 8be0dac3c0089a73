/**
 * A dumped environment (`pip freeze > requirements.txt`, `conda env export > environment.yml`)
 * lists every package installed, tools the code never uses among them: a long dump naming
 * mlflow, evidently, great-expectations and shap makes no practice more than absent through
 * them; their signals are only `mentioned`. The dumps are generated here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { audit } from '../../../src/core/audit';
import { EMPTY_CONFIG } from '../../../src/core/config/config';
import type { PracticeStatus } from '../../../src/core/model/knowledge';
import type { Report } from '../../../src/core/model/report';
import { knowledge, TEST_TOOL } from '../../helpers/auditFixture';
import { createMemoryHost } from '../../helpers/memoryHost';

/** The tools in the dump, and the practice each could suggest. */
const TOOLS: Record<string, { version: string; practice: string }> = {
  mlflow: { version: '2.9.2', practice: 'experiment-tracking' },
  evidently: { version: '0.4.15', practice: 'drift-monitoring' },
  'great-expectations': { version: '0.18.8', practice: 'data-validation' },
  shap: { version: '0.44.0', practice: 'explainability' },
};
const ENTRIES = 320;

/** Generated package names and versions, the tools among them unless `withTools` is false, sorted as the dumps sort. */
function packages(withTools: boolean): [string, string][] {
  const tools = Object.entries(TOOLS).map(([name, { version }], i): [string, string] => (withTools ? [name, version] : [`stand-in-${i}`, version]));
  const filler = Array.from({ length: ENTRIES - tools.length }, (_, i): [string, string] => [`pkg-${String(i).padStart(3, '0')}`, `${1 + (i % 7)}.${i % 13}.${i % 5}`]);
  return [...filler, ...tools].sort(([a], [b]) => a.localeCompare(b));
}

/** `pip freeze` output: `name==version`, and in a conda environment some `name @ file://` lines. */
function pipFreeze(withTools: boolean): string {
  return `${packages(withTools).map(([name, version], i) => (i % 25 === 7 ? `${name} @ file:///home/conda/feedstock_root/build_artifacts/${name}_1700000000000/work` : `${name}==${version}`)).join('\n')}\n`;
}

/** `conda env export` output: conda packages with their builds, then the pip section. */
function condaExport(withTools: boolean): string {
  const all = packages(withTools);
  const half = Math.floor(all.length / 2);
  // Two of the tools among the conda packages, two among pip's.
  const conda = all.filter(([name], i) => (i < half && !['evidently', 'shap'].includes(name)) || ['mlflow', 'great-expectations'].includes(name));
  const pip = all.filter((entry) => !conda.includes(entry));
  return [
    'name: base',
    'channels:',
    '  - conda-forge',
    '  - defaults',
    'dependencies:',
    ...conda.map(([name, version], i) => `  - ${name}=${version}=py311h${String(1000000 + i)}_0`),
    '  - pip:',
    ...pip.map(([name, version]) => `    - ${name}==${version}`),
    'prefix: /opt/conda/envs/base',
    '',
  ].join('\n');
}

async function report(files: Record<string, string>): Promise<Report> {
  return audit(createMemoryHost(files), { knowledge: knowledge(), config: EMPTY_CONFIG, rootName: 'repo', tool: TEST_TOOL });
}

const statuses = (result: Report): Record<string, PracticeStatus> => Object.fromEntries(result.practices.map((p) => [p.id, p.status]));

describe('a dumped environment names tools the code does not use', () => {
  const code = { 'train.py': 'import pandas as pd\ndf = pd.read_csv("data.csv")\n' };
  for (const [path, dump] of [['requirements.txt', pipFreeze], ['environment.yml', condaExport]] as const) {
    it(`${path} with ${ENTRIES} entries including ${Object.keys(TOOLS).join(', ')}: no practice through them, only mentioned signals`, async () => {
      assert.ok(dump(true).split('\n').length > 300);
      const result = await report({ ...code, [path]: dump(true) });
      const toolSignals = result.practices.flatMap((p) => p.signals.filter((s) => s.path === path && Object.keys(TOOLS).some((t) => s.detail?.startsWith(t))));
      // Every tool is read from the dump...
      for (const tool of Object.keys(TOOLS)) assert.ok(toolSignals.some((s) => s.detail!.startsWith(tool)), `${tool} is read from ${path}`);
      // ...as a mention only,
      assert.deepEqual(toolSignals.filter((s) => s.strength !== 'mentioned'), []);
      for (const { practice } of Object.values(TOOLS)) assert.equal(statuses(result)[practice], 'absent', practice);
      // and the same dump with other names in their place gives every practice the same status.
      assert.deepEqual(statuses(result), statuses(await report({ ...code, [path]: dump(false) })));
    });
  }
});
