/** A report compared with a baseline: what moved, what is new or resolved, what regressed. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { baselineProblem, compareReports } from '../../../src/core/report/comparison';
import { renderMarkdown } from '../../../src/core/report/markdown';
import { renderSarif } from '../../../src/core/report/sarif';
import type { Report } from '../../../src/core/model/report';
import { sampleReport } from './sampleReport';

function worse(): Report {
  const r = sampleReport();
  r.level.current -= 1;
  r.dimensionDetails[0] = { ...r.dimensionDetails[0], score: r.dimensionDetails[0].score - 10 };
  const present = r.practices.find((p) => p.status === 'present')!;
  present.status = 'absent';
  r.findings = [...r.findings, { id: 'containerization/unpinned-base-image', practice: 'containerization', severity: 'warning', message: 'FROM python:latest is not pinned', path: 'api/Dockerfile', line: 1 }];
  return r;
}

describe('compareReports', () => {
  it('the same report: nothing moved, no regressions', () => {
    const c = compareReports(sampleReport(), sampleReport());
    assert.deepEqual([c.dimensions, c.practices, c.newFindings, c.resolvedFindings, c.regressions], [[], [], [], [], []]);
  });

  it('names each regression: level, dimension, a practice no longer in place, a new warning', () => {
    const baseline = sampleReport();
    const c = compareReports(baseline, worse());
    assert.equal(c.level.to, baseline.level.current - 1);
    assert.equal(c.regressions.length, 4, c.regressions.join('\n'));
    assert.match(c.regressions[0], /^the level dropped from \d to \d$/);
    assert.ok(c.regressions.some((r) => r.startsWith('new finding: FROM python:latest is not pinned (api/Dockerfile:1)')));
    // The way back is no regression: the finding is resolved, the level rises.
    const back = compareReports(worse(), sampleReport());
    assert.deepEqual(back.regressions, []);
    assert.equal(back.resolvedFindings.length, 1);
  });

  it('a finding that only moved to another line is the same finding', () => {
    const moved = sampleReport();
    moved.findings = moved.findings.map((f) => ({ ...f, ...(f.line !== undefined && { line: f.line + 3 }) }));
    assert.deepEqual(compareReports(sampleReport(), moved).newFindings, []);
  });

  it('refuses what is not a JSON report', () => {
    assert.equal(baselineProblem({ schemaVersion: '2.0.0' }), 'not an MLOps Lens JSON report (schemaVersion 1.x)');
    assert.match(baselineProblem({ schemaVersion: '1.3.0', level: {} }) ?? '', /missing level/);
    assert.equal(baselineProblem(sampleReport()), undefined);
  });

  it('Markdown leads with the comparison; SARIF marks results new or unchanged', () => {
    const current = { ...worse(), comparison: compareReports(sampleReport(), worse()) };
    const md = renderMarkdown(current);
    const sections = md.split('\n### ');
    assert.match(sections[1], /^Since the baseline\n\nLevel \d → \d · score .* \*\*4 regressions\*\*/);
    assert.match(md, /- \*\*Regression:\*\* the level dropped/);
    const results = JSON.parse(renderSarif(current)).runs[0].results as { ruleId: string; baselineState?: string; properties?: { check?: string } }[];
    assert.ok(results.every((r) => r.baselineState === 'new' || r.baselineState === 'unchanged'));
    assert.equal(results.find((r) => r.properties?.check === 'containerization/unpinned-base-image' && r.baselineState === 'new')?.ruleId, 'containerization');
    assert.equal(JSON.parse(renderSarif(sampleReport())).runs[0].results[0].baselineState, undefined, 'no baseline, no state');
  });
});
