/**
 * "Not available": a practice with no signal whose evidence files could not be read or
 * parsed is not judged absent; it is left out of the dimension score and said so.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../../src/core/audit';
import { EMPTY_CONFIG } from '../../../src/core/config/config';
import type { FileHost } from '../../../src/core/host/fileHost';
import type { Report } from '../../../src/core/model/report';
import { renderReport } from '../../../src/core/report';
import { unjudgedFiles } from '../../../src/core/report/sections';
import { knowledge, TEST_TOOL } from '../../helpers/auditFixture';
import { createMemoryHost } from '../../helpers/memoryHost';
import { REPO_ROOT } from '../../helpers/paths';

const TRAIN = 'import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\nLogisticRegression().fit(pd.read_csv("d.csv"), [1])\n';
const run = (host: FileHost, stage?: 'production'): Promise<Report> =>
  audit(host, { knowledge: knowledge(), config: EMPTY_CONFIG, rootName: 'repo', tool: TEST_TOOL, ...(stage && { stage }) });
const practice = (report: Report, id: string) => report.practices.find((p) => p.id === id)!;

/** A memory host whose listing of one folder fails as an unreadable folder does on disk. */
function withUnreadableFolder(host: FileHost, folder: string): FileHost {
  return {
    ...host,
    readDirectory: async (path) => {
      if (path === folder) throw Object.assign(new Error(`EACCES: scandir '${path}'`), { code: 'EACCES' });
      return host.readDirectory(path);
    },
  };
}

describe('not-available practices', () => {
  it('a dvc.yaml that cannot be parsed makes the pipeline not available, not absent, with the file and why', async () => {
    const report = await run(createMemoryHost({ 'train.py': TRAIN, 'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n   deps: [train.py\n' }));
    const pipeline = practice(report, 'pipeline-definition');
    assert.equal(pipeline.status, 'not-available');
    assert.equal(pipeline.unavailable?.[0].path, 'dvc.yaml');
    assert.match(pipeline.unavailable![0].reason, /cannot be parsed/);
    // The same repository with a valid dvc.yaml has the practice: the broken file hid it.
    const fixed = await run(createMemoryHost({ 'train.py': TRAIN, 'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n    deps: [train.py]\n' }));
    assert.notEqual(practice(fixed, 'pipeline-definition').status, 'absent');
  });

  it('is left out of its dimension score and counted apart; the level says it may be higher', async () => {
    const report = await run(createMemoryHost({ 'train.py': TRAIN, 'dvc.yaml': 'stages: [\n' }));
    const pipeline = practice(report, 'pipeline-definition');
    // One Problems entry on the broken file, at the parse error's line, naming what it hid.
    const [entry, ...more] = unjudgedFiles(report);
    assert.equal(more.length, 0);
    assert.equal(entry.path, 'dvc.yaml');
    assert.equal(entry.line, report.warnings.find((w) => w.path === 'dvc.yaml')?.line);
    assert.match(entry.message, /^dvc\.yaml cannot be parsed: .*Pipeline as code.* could not be judged\.$/);
    const dimension = report.dimensionDetails.find((d) => d.id === pipeline.dimension)!;
    assert.equal(dimension.notAvailable, 1);
    const others = report.practices.filter((p) => p.dimension === pipeline.dimension && p.status !== 'not-available' && p.status !== 'suppressed');
    assert.equal(dimension.present + dimension.partial + dimension.absent, others.length);
    // dvc.yaml also holds DVC's outputs, params and metrics: those practices could not be judged either.
    assert.ok(report.level.next?.missing.includes('pipeline-definition'));
    assert.match(report.level.decidedBy, /Data versioning, .*Pipeline as code could not be judged \(files that would show them could not be read or parsed\): the level may be higher\./);
  });

  it('a CI folder that cannot be listed makes CI not available; a broken unrelated YAML file does not', async () => {
    const files = { 'train.py': TRAIN, '.github/workflows/ci.yml': 'on: push\njobs: {}\n' };
    const hidden = await run(withUnreadableFolder(createMemoryHost(files), '.github/workflows'));
    assert.equal(practice(hidden, 'ci').status, 'not-available');
    assert.deepEqual(practice(hidden, 'ci').unavailable?.map((u) => u.path), ['.github/workflows']);
    const unrelated = await run(createMemoryHost({ 'train.py': TRAIN, 'conf/app.yaml': 'a: [\n' }));
    assert.equal(practice(unrelated, 'ci').status, 'absent');
  });

  it('a skipped line of a requirements file is not a parse failure: the file was read', async () => {
    const report = await run(createMemoryHost({ 'train.py': TRAIN, 'requirements.txt': 'pandas==2.2.2\n???not a requirement\n' }));
    assert.ok(report.warnings.some((w) => w.code === 'skipped-line' && w.path === 'requirements.txt'));
    assert.ok(!report.practices.some((p) => p.status === 'not-available'), report.practices.filter((p) => p.status === 'not-available').map((p) => p.id).join());
  });

  it('every format shows it; the JSON report validates against the published schema', async () => {
    // At the production stage every practice is within the target, so SARIF reports them all.
    const report = await run(createMemoryHost({ 'train.py': TRAIN, 'dvc.yaml': 'stages: [\n' }), 'production');
    const text = renderReport(report, 'text', { color: false });
    assert.match(text, /could not be judged: dvc\.yaml cannot be parsed/);
    assert.match(renderReport(report, 'markdown', {}), /could not be judged, dvc\.yaml/);
    const sarif = JSON.parse(renderReport(report, 'sarif', {})) as { runs: { results: { ruleId: string; kind?: string; level?: string; locations?: unknown[] }[] }[] };
    const result = sarif.runs[0].results.find((r) => r.ruleId === 'pipeline-definition');
    assert.equal(result?.kind, 'open');
    assert.equal(result?.level, 'none');
    assert.equal(result?.locations?.length, 1);
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'report.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(JSON.parse(renderReport(report, 'json', {}))), JSON.stringify(validate.errors));
  });
});
