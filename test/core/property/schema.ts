/** The published JSON report schema, compiled once, and a full check of one report. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { Report } from '../../../src/core/model/report';
import { renderReport, type ReportFormat } from '../../../src/core/report';
import { REPO_ROOT } from '../../helpers/paths';

const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'report.schema.json'), 'utf8')));

const STATUSES = new Set(['present', 'partial', 'absent', 'not-available', 'suppressed']);
const OTHER_FORMATS: ReportFormat[] = ['text', 'markdown', 'html', 'sarif'];

/**
 * The report's JSON form validates against the schema, statuses and levels are in range,
 * every signal and finding points at a file of `tree`, and every format renders.
 */
export function checkReport(report: Report, tree: ReadonlySet<string>): void {
  const json = JSON.parse(renderReport(report, 'json'));
  if (!validate(json)) assert.fail(`report is not schema-valid: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
  for (const practice of report.practices) assert.ok(STATUSES.has(practice.status), `status ${practice.status}`);
  assert.ok(Number.isInteger(report.level.current) && report.level.current >= 0 && report.level.current <= 4, `level ${report.level.current}`);
  const signals = [...report.practices.flatMap((p) => p.signals), ...report.tradeoffs.flatMap((t) => t.signals)];
  for (const located of [...signals, ...report.findings]) {
    assert.ok(tree.has(located.path), `${JSON.stringify(located)} points at a path not in the tree`);
  }
  for (const format of OTHER_FORMATS) assert.equal(typeof renderReport(report, format), 'string');
  assert.equal(typeof renderReport(report, 'text', { color: true }), 'string');
}
