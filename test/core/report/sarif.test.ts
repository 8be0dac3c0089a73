import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import type { Log, Result } from 'sarif';
import type { Practice } from '../../../src/core/model/knowledge';
import { renderSarif } from '../../../src/core/report/sarif';
import { sampleReport } from './sampleReport';
import { SARIF_SCHEMA as SCHEMA_PATH } from '../../helpers/paths';

function parse(text: string): Log {
  return JSON.parse(text) as Log;
}

function resultFor(log: Log, ruleId: string): Result {
  const result = log.runs[0].results?.find((r) => r.ruleId === ruleId);
  assert.ok(result, `a result for ${ruleId}`);
  return result;
}

describe('renderSarif', () => {
  const report = sampleReport();
  const text = renderSarif(report);
  const log = parse(text);
  const run = log.runs[0];
  const rules = run.tool.driver.rules ?? [];

  it('validates against the SARIF 2.1.0 schema', (t) => {
    if (!existsSync(SCHEMA_PATH)) {
      if (process.env.MLOPS_LENS_ALLOW_NO_SCHEMA === '1') {
        console.warn(`\n*** SARIF SCHEMA NOT FOUND at ${SCHEMA_PATH}: schema validation SKIPPED ***\n`);
        t.skip(`SARIF schema not found at ${SCHEMA_PATH}`);
        return;
      }
      assert.fail(`SARIF schema not found at ${SCHEMA_PATH}; set MLOPS_LENS_SARIF_SCHEMA to its path, or MLOPS_LENS_ALLOW_NO_SCHEMA=1 to skip this check`);
    }
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
    assert.ok(validate(log), ajv.errorsText(validate.errors, { separator: '\n' }));
  });

  it('describes the tool, with one rule per practice and per trade-off', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    assert.equal(run.tool.driver.name, 'MLOps Lens');
    assert.equal(run.tool.driver.version, '0.1.0');
    assert.deepEqual(rules.map((r) => r.id), [
      ...report.practices.map((p) => p.id),
      'tradeoff/overlapping-trackers', 'tradeoff/automation-before-tests',
    ]);
  });

  it('fills practice rules from the report and the evidence sources', () => {
    const rule = rules.find((r) => r.id === 'pipeline-orchestration');
    assert.equal(rule?.name, 'PipelineOrchestration');
    assert.equal(rule?.shortDescription?.text, 'Training pipeline as code');
    assert.equal(rule?.helpUri, 'https://github.com/mlops-lens/mlops-lens/blob/main/docs/practices/pipeline-orchestration.md');
    assert.deepEqual(rule?.properties, { tags: ['pipelines', 'mlops'], level: 2, precision: 'medium', 'problem.severity': 'recommendation' });
    assert.match(rule?.help?.text ?? '', /First step: Turn `make train` into a dvc\.yaml stage\./);
    assert.match(rule?.help?.markdown ?? '', /\*\*Evidence\*\*\n\n- \[MLOps: Continuous delivery/);
    const tradeoff = rules.find((r) => r.id === 'tradeoff/overlapping-trackers');
    assert.equal(tradeoff?.name, 'TradeoffOverlappingTrackers');
    assert.equal(tradeoff?.defaultConfiguration?.level, 'warning');
    assert.equal(tradeoff?.helpUri, 'https://doi.org/10.1145/3382494.3410681');
  });

  it('takes the rationale and first step from the knowledge base when given: a rule reads the same in every repository', () => {
    const practice = { id: 'model-registry', why: 'A registry makes deployed models traceable.', remediation: { firstStep: 'Register it.', path: '', template: { path: 'MODEL_REGISTRY.md', content: '' } } } as Practice;
    const knowledge = { practices: [practice] };
    const rule = parse(renderSarif(report, { knowledge })).runs[0].tool.driver.rules?.find((r) => r.id === 'model-registry');
    assert.equal(rule?.fullDescription?.text, 'A registry makes deployed models traceable.');
    assert.match(rule?.help?.text ?? '', /First step: Register it\./, 'the knowledge base, not one repository\'s recommendation');
    const other = sampleReport();
    other.recommendations = other.recommendations.map((r) => ({ ...r, firstStep: `${r.firstStep} (this repository)` }));
    const otherRule = parse(renderSarif(other, { knowledge })).runs[0].tool.driver.rules?.find((r) => r.id === 'model-registry');
    assert.deepEqual(otherRule?.help, rule?.help);
    // A result with no signal points at the file that would hold the practice.
    const absent = parse(renderSarif(report, { knowledge })).runs[0].results?.find((r) => r.ruleId === 'model-registry');
    assert.equal(absent?.locations?.[0].physicalLocation?.artifactLocation?.uri, 'MODEL_REGISTRY.md');
  });

  it('gives every result a location with a start line, and a fingerprint that ignores the line', () => {
    for (const result of run.results ?? []) {
      const region = result.locations?.[0]?.physicalLocation?.region;
      assert.ok(region && (region.startLine ?? 0) >= 1, `${result.ruleId} has a location with a start line`);
      assert.match(result.partialFingerprints?.['mlopsLens/v1'] ?? '', /^[0-9a-f]{32}$/);
    }
    const moved = sampleReport();
    moved.findings = moved.findings.map((f) => ({ ...f, ...(f.line !== undefined && { line: f.line + 10 }) }));
    const prints = (l: Log) => (l.runs[0].results ?? []).map((r) => r.partialFingerprints?.['mlopsLens/v1']);
    assert.deepEqual(prints(parse(renderSarif(moved))), prints(log), 'the same alerts after lines moved');
    assert.equal(new Set(prints(log)).size, prints(log).length, 'one fingerprint per alert');
  });

  it('names the analysis category when asked (one code-scanning analysis per category)', () => {
    assert.equal(run.automationDetails, undefined);
    assert.deepEqual(parse(renderSarif(report, { category: 'ml/churn' })).runs[0].automationDetails, { id: 'ml/churn/' });
  });

  it('reports absent and partial practices up to the target level, and every trade-off', () => {
    assert.deepEqual(run.results?.map((r) => r.ruleId), [
      'feature-store', 'pipeline-orchestration', 'unit-tests', 'ci-training', 'model-registry', 'model-cards',
      'tradeoff/overlapping-trackers', 'tradeoff/automation-before-tests',
      'pipeline-orchestration', 'unit-tests', 'model-cards',
    ]);
    for (const result of run.results ?? []) {
      assert.equal(rules[result.ruleIndex ?? -1]?.id, result.ruleId, `ruleIndex of ${result.ruleId}`);
    }
  });

  it('says what is missing and the first step', () => {
    const absent = resultFor(log, 'model-cards');
    assert.equal(absent.level, 'warning');
    assert.equal(absent.message.text, 'Model cards is missing: no evidence of it was found (expected from level 2; target 3). First step: Add MODEL_CARD.md describing intended use and metrics.');
    assert.deepEqual(absent.locations?.[0].physicalLocation, { artifactLocation: { uri: 'README.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } }, 'no signal: the README, line 1');
    assert.match(resultFor(log, 'unit-tests').message.text ?? '', /^Unit tests is only partly in place/);
  });

  it('reports each finding under its practice rule, located, with a level from its severity', () => {
    const located = run.results?.filter((r) => r.properties?.check) ?? [];
    assert.deepEqual(located.map((r) => [r.properties?.check, r.level, r.locations?.[0].physicalLocation?.artifactLocation?.uri, r.locations?.[0].physicalLocation?.region?.startLine]), [
      ['pipeline-orchestration/unpinned-base-image', 'warning', 'Dockerfile', 1],
      ['unit-tests/training-script-without-seed', 'note', 'src/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.py', 1],
      ['model-cards/x', 'none', 'serve.py', 3],
    ]);
  });

  it('grades practices beyond the next level as notes', () => {
    const behind = sampleReport();
    behind.level.current = 1;
    const behindLog = parse(renderSarif(behind));
    assert.equal(resultFor(behindLog, 'ci-training').level, 'note');
    assert.equal(resultFor(behindLog, 'model-cards').level, 'warning');
  });

  it('locates partial practices and trade-offs at their first signal, with encoded URIs', () => {
    assert.deepEqual(resultFor(log, 'pipeline-orchestration').locations, [{
      physicalLocation: { artifactLocation: { uri: 'Makefile', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } },
    }]);
    const uri = resultFor(log, 'tradeoff/overlapping-trackers').locations?.[0].physicalLocation?.artifactLocation?.uri;
    assert.equal(uri, 'src/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.py');
    assert.equal(resultFor(log, 'unit-tests').locations?.[0].physicalLocation?.artifactLocation?.uri, 'tests/test_%E2%80%AEmodel%E2%80%AC.py');
  });

  it('maps trade-off severity to result level', () => {
    assert.equal(resultFor(log, 'tradeoff/overlapping-trackers').level, 'warning');
    assert.equal(resultFor(log, 'tradeoff/automation-before-tests').level, 'note');
    const severe = sampleReport();
    severe.tradeoffs[0].severity = 'error';
    assert.equal(resultFor(parse(renderSarif(severe)), 'tradeoff/overlapping-trackers').level, 'error');
  });

  it('keeps suppressed items as externally suppressed results with their reason', () => {
    const suppression = resultFor(log, 'feature-store').suppressions?.[0];
    assert.equal(suppression?.kind, 'external');
    assert.match(suppression?.justification ?? '', /^batch scoring only, no online features A+…$/);
    const waived = sampleReport();
    waived.tradeoffs[1].suppressedReason = 'tests live in another repository';
    assert.deepEqual(resultFor(parse(renderSarif(waived)), 'tradeoff/automation-before-tests').suppressions,
      [{ kind: 'external', justification: 'tests live in another repository' }]);
    assert.equal(resultFor(log, 'model-cards').suppressions, undefined);
  });
});
