import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderText } from '../../../src/core/report/text';
import { HOSTILE, UNSAFE_CHARS, sampleReport } from './sampleReport';

describe('renderText', () => {
  const plain = renderText(sampleReport(), { color: false });
  const colored = renderText(sampleReport(), { color: true });

  it('has no escape codes without colour, and SGR colour codes with it', () => {
    assert.doesNotMatch(plain, UNSAFE_CHARS);
    assert.match(colored, /\u001b\[1m/);
    assert.match(colored, /\u001b\[32m✓\u001b\[0m/);
  });

  it('strips escape sequences and bidi overrides from repository strings, even in colour', () => {
    assert.doesNotMatch(colored, /\u001b\]/, 'no OSC sequence from the repository');
    assert.doesNotMatch(colored, /\u001b\[2J/, 'no screen clearing from the folder name');
    assert.doesNotMatch(colored, /[\u202a-\u202e\u2066-\u2069]/);
    assert.match(plain, /src\/train\.py:40 {2}mlflow\.log_metric \(configured, mlflow\)/);
    assert.match(plain, /tests\/test_model\.py:1/);
    assert.ok(plain.includes(`${HOSTILE.htmlPath}:12`), 'a terminal shows HTML-like paths verbatim');
  });

  it('cuts very long repository strings', () => {
    assert.ok(!plain.includes('A'.repeat(300)));
    assert.match(plain, /A…/);
  });

  it('shows the header, the reason for the level and what the next level needs', () => {
    assert.match(plain, /^MLOps Lens — churn-prediction\n/);
    assert.match(plain, /Stage: pilot \(inferred from experiment-tracking, containerization\)/);
    assert.match(plain, /Level 2 — Reproducible pipelines \(target 3 for pilot\)/);
    assert.match(plain, /Score: 44\/100/);
    assert.match(plain, /Why: Data and code are versioned/);
    assert.match(plain, /Next: Level 3 \(Automated training\) needs: Training in CI; Model registry/);
  });

  it('draws a bar per dimension', () => {
    assert.match(plain, /Experiment management {7}█{20} {2}100/);
    assert.match(plain, /Testing +█{10} {10} {3}50/);
    assert.match(plain, /Data management +█{12}▋ +63/);
  });

  it('shows trade-offs with severity, message, action and evidence', () => {
    assert.match(plain, /\[warning\] Two experiment trackers\n +Runs are logged/);
    assert.match(plain, /→ Pick one tracker/);
    assert.match(plain, /evidence: serban2020#tool-sprawl, kreuzberger2023#experiment-tracking/);
    assert.match(plain, /\[info\] Automation without tests/);
  });

  it('marks practice status, lists at most three signals and counts the rest', () => {
    assert.match(plain, /✓ Data versioning L1\n +dvc\.yaml:3 {2}\(configured, dvc\)/);
    assert.match(plain, /\+2 more/);
    assert.ok(!plain.includes('requirements.txt:4'), 'the fifth signal is not listed');
    assert.match(plain, /◐ Training pipeline as code L2 \(medium confidence\)/);
    assert.match(plain, /✗ Model registry L3/);
    assert.match(plain, /– Feature store L3 — suppressed: batch scoring only, no online features A+…/);
  });

  it('lists the top five recommendations with first step and effort', () => {
    assert.match(plain, /1\. Model cards \(effort low; expected at level 2 \(target 3\)\)\n {5}First step: Add MODEL_CARD\.md/);
    assert.match(plain, /5\. Model registry/);
    assert.ok(!plain.includes('Log input feature statistics'), 'the sixth recommendation is not listed');
  });

  it('says what the scope left out, after the header', () => {
    assert.match(plain, /\n\nScope\n {2}library \(pyproject\.toml declares '\[link\]\(http:\/\/evil\)'; mlflow\.log_metric/);
    assert.match(plain, /\n {4}Not counted \(12 files\): examples\/, src\/<img src=x onerror=alert\(1\)>\.py\n/);
    assert.match(plain, /\n {4}Package source and tests are not evidence of: experiment-tracking, drift-monitoring\n/);
    assert.ok(plain.indexOf('Scope\n') < plain.indexOf('Dimensions'));
  });

  it('cites sources and summarises scan warnings', () => {
    assert.match(plain, /\[amershi2019\] Software Engineering for Machine Learning: A Case Study — Saleema Amershi et al\. \(2019\) https:\/\/doi\.org/);
    assert.match(plain, /Scan warnings \(7\)\n {2}parse-error src\/broken\.py:3: unexpected indent/);
    assert.match(plain, /\+2 more\n$/);
  });
});

describe('renderText for narrow terminals and quick looks', () => {
  it('wraps prose to the width under its own indent; coloured lines are left whole', () => {
    const report = sampleReport();
    report.level.decidedBy = `${'word '.repeat(40)}end.`;
    const text = renderText(report, { color: false, width: 40 });
    const lines = text.split('\n');
    assert.ok(lines.every((l) => l.length <= 40 || !l.trim().includes(' ')), lines.filter((l) => l.length > 40 && l.trim().includes(' ')).join('\n'));
    assert.ok(lines.some((l) => l.startsWith('Why: word')));
    assert.ok(lines.some((l) => l.startsWith('  word')), 'continued under the indent plus two');
    assert.equal(text.replace(/\n\s*/g, ' ').includes(`${'word '.repeat(40)}end.`), true, 'nothing lost');
    assert.ok(renderText(report, { color: true, width: 40 }).includes('\u001b['), 'colour still applied');
  });

  it('--summary: the verdict and the next steps only', () => {
    const summary = renderText(sampleReport(), { color: false, summary: true });
    assert.match(summary, /^MLOps Lens — /);
    assert.match(summary, /Next steps/);
    assert.doesNotMatch(summary, /Dimensions|Practices\n|Sources/);
  });
});
