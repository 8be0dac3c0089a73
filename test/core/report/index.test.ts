import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REPORT_FORMATS, renderReport } from '../../../src/core/report';
import { renderJson } from '../../../src/core/report/json';
import { sampleReport } from './sampleReport';

describe('renderJson', () => {
  it('is the report itself, pretty-printed, with a trailing newline', () => {
    const report = sampleReport();
    const json = renderJson(report);
    assert.deepEqual(JSON.parse(json), report);
    assert.ok(json.startsWith('{\n  "schemaVersion": "1.2.0",\n'));
    assert.ok(json.endsWith('}\n'));
  });
});

describe('renderReport', () => {
  it('renders every format', () => {
    assert.deepEqual([...REPORT_FORMATS], ['text', 'json', 'markdown', 'sarif', 'html', 'github', 'codequality']);
    const report = sampleReport();
    const starts = {
      text: 'MLOps Lens — ', json: '{\n  "schemaVersion"', markdown: '## MLOps Lens: ', sarif: '{\n  "$schema"', html: '<!DOCTYPE html>',
      github: '::warning file=', codequality: '[\n  {\n    "description"',
    };
    for (const format of REPORT_FORMATS) {
      assert.ok(renderReport(report, format).startsWith(starts[format]), format);
    }
  });

  it('colours text only when asked', () => {
    assert.ok(!renderReport(sampleReport(), 'text').includes('\u001b['));
    assert.ok(renderReport(sampleReport(), 'text', { color: true }).includes('\u001b['));
  });
});
