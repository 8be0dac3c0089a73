/** Every fixture's real report is valid JSON-schema-wise and SARIF-wise. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { renderReport } from '../../../src/core/report';
import { auditFixture } from '../../helpers/auditFixture';
import { FIXTURES, REPO_ROOT, SARIF_SCHEMA } from '../../helpers/paths';

const reportSchema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'report.schema.json'), 'utf8'));
const validateReport = new Ajv({ allErrors: true }).compile(reportSchema);

test('every fixture report validates against the JSON report schema and the SARIF 2.1.0 schema', async () => {
  assert.ok(existsSync(SARIF_SCHEMA), `SARIF schema not found at ${SARIF_SCHEMA}; it comes with ../shared and test/reference (or set MLOPS_LENS_SARIF_SCHEMA)`);
  const validateSarif = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false }).compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
  for (const name of readdirSync(join(FIXTURES, 'repos')).sort()) {
    const report = await auditFixture(name, { git: true });
    const json = JSON.parse(renderReport(report, 'json', {}));
    assert.ok(validateReport(json), `${name}: ${JSON.stringify(validateReport.errors?.slice(0, 3))}`);
    const sarif = JSON.parse(renderReport(report, 'sarif', {}));
    assert.ok(validateSarif(sarif), `${name}: ${JSON.stringify(validateSarif.errors?.slice(0, 3))}`);
  }
});
