/** The status bar says what is going on: the level, a re-audit in progress, a broken configuration. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusBarView } from '../../src/extension/statusBarView';
import { sampleReport } from '../core/report/sampleReport';

test('ready: the level and target, with foundation gaps in the tooltip', () => {
  const report = sampleReport();
  const view = statusBarView('churn', 'ready', report, undefined)!;
  assert.equal(view.text, `$(pulse) MLOps L${report.level.current} → L${report.level.target}`);
  assert.equal(view.warning, false);
  assert.match(view.tooltip, /Click to open the Maturity panel/);
});

test('a re-audit spins but keeps the last level; a first audit spins alone', () => {
  const report = sampleReport();
  assert.equal(statusBarView('churn', 'auditing', report, undefined)!.text, `$(loading~spin) MLOps L${report.level.current} → L${report.level.target}`);
  assert.equal(statusBarView('churn', 'auditing', undefined, undefined)!.text, '$(loading~spin) MLOps');
});

test('a broken configuration is a warning with the error, never a blank item', () => {
  const error = '.mlops-lens.yaml:3:5: suppress[0].reason: missing required field \'reason\'';
  const withReport = statusBarView('churn', 'error', sampleReport(), error)!;
  assert.equal(withReport.warning, true);
  assert.match(withReport.text, /^\$\(warning\) MLOps L\d → L\d$/);
  assert.match(withReport.tooltip, /missing required field 'reason'.*last good assessment/);
  assert.equal(statusBarView('churn', 'error', undefined, error)!.text, '$(warning) MLOps');
  assert.equal(statusBarView('churn', 'pending', undefined, undefined), undefined);
});
