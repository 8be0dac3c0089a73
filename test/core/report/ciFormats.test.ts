/** The CI annotation formats: GitHub workflow commands and GitLab Code Quality. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderCodeQuality } from '../../../src/core/report/codequality';
import { renderGithub } from '../../../src/core/report/github';
import { reportIssues } from '../../../src/core/report/issues';
import type { Practice } from '../../../src/core/model/knowledge';
import { sampleReport } from './sampleReport';

describe('CI issue list', () => {
  const report = sampleReport();
  const issues = reportIssues(report);

  it('raises missing practices up to the target, unsuppressed trade-offs and findings, each at a file', () => {
    const checks = issues.map((i) => i.check);
    assert.ok(checks.includes('model-cards'));
    assert.ok(!checks.includes('feature-store'), 'a suppressed practice is not raised');
    assert.ok(checks.includes('tradeoff/overlapping-trackers'));
    assert.ok(checks.includes('pipeline-orchestration/unpinned-base-image'));
    for (const i of issues) assert.ok(i.path.length > 0, i.check);
    assert.equal(issues.find((i) => i.check === 'model-cards')?.path, 'README.md', 'no signal: the README');
    const registry = { id: 'model-cards', remediation: { firstStep: '', path: '', template: { path: 'MODEL_CARD.md', content: '' } } } as Practice;
    assert.equal(reportIssues(report, { practices: [registry] }).find((i) => i.check === 'model-cards')?.path, 'MODEL_CARD.md');
  });

  it('fingerprints ignore the line and tell issues apart', () => {
    const moved = sampleReport();
    moved.findings = moved.findings.map((f) => ({ ...f, ...(f.line !== undefined && { line: f.line + 5 }) }));
    assert.deepEqual(reportIssues(moved).map((i) => i.fingerprint), issues.map((i) => i.fingerprint));
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  });
});

describe('GitHub workflow commands', () => {
  const text = renderGithub(sampleReport());
  const lines = text.trimEnd().split('\n');

  it('one annotation per issue, with file, line and title', () => {
    assert.equal(lines.length, reportIssues(sampleReport()).length);
    assert.ok(lines.every((l) => /^::(error|warning|notice) file=[^,:]+(,line=\d+)?,title=[^:]+::\S/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('::warning file=Dockerfile,line=1,title=MLOps%3A pipeline-orchestration/unpinned-base-image::')));
  });

  it('escapes repository text so it cannot end a command or start another', () => {
    const report = sampleReport();
    report.findings[0] = { ...report.findings[0], path: 'a,b:c.py', message: 'line one\n::error::injected 100%' };
    const [line] = renderGithub(report).split('\n').filter((l) => l.includes('a%2Cb%3Ac.py'));
    assert.ok(line, 'the path is escaped');
    assert.ok(line.endsWith('::line one ::error::injected 100%25'), line);
    assert.equal(renderGithub(report).split('\n').filter((l) => l.startsWith('::error::')).length, 0);
  });
});

describe('GitLab Code Quality', () => {
  const entries = JSON.parse(renderCodeQuality(sampleReport())) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];

  it('has the fields GitLab reads, a begin line on every entry and GitLab severities', () => {
    assert.equal(entries.length, reportIssues(sampleReport()).length);
    for (const e of entries) {
      assert.deepEqual(Object.keys(e).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
      assert.ok(e.location.lines.begin >= 1);
      assert.ok(['critical', 'major', 'minor', 'info', 'blocker'].includes(e.severity));
      assert.match(e.fingerprint, /^[0-9a-f]{64}$/);
    }
    assert.equal(entries.find((e) => e.check_name === 'model-cards')?.severity, 'major');
  });
});
