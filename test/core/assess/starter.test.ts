/**
 * A starter file created from a practice's template is a first step, not the practice: while
 * its placeholder is there the practice is partial at most, with a finding that says to fill
 * it in; filled in, it counts like any other file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditFiles, knowledge } from '../../helpers/auditFixture';

function template(practiceId: string): { path: string; content: string } {
  return knowledge().practices.find((p) => p.id === practiceId)!.remediation.template!;
}

const CODE = { 'src/model.py': 'import sklearn\n\n\ndef fit(x, y):\n    return sklearn.linear_model.LogisticRegression().fit(x, y)\n' };

for (const id of ['unit-tests', 'model-documentation', 'data-validation']) {
  test(`${id}: the unfilled starter file makes the practice partial, with a finding; filled in, present`, async () => {
    const { path, content } = template(id);
    const unfilled = await auditFiles({ ...CODE, [path]: content });
    const practice = unfilled.practices.find((p) => p.id === id)!;
    assert.equal(practice.status, 'partial');
    assert.equal(practice.starter?.path, path);
    const finding = unfilled.findings.find((f) => f.id === `${id}/unfilled-starter`);
    assert.ok(finding, 'a finding says to fill the starter in');
    assert.equal(finding.path, path);
    assert.ok(finding.line !== undefined && content.split('\n')[finding.line - 1].length > 0, 'it points at the placeholder line');

    const filled = content
      .replace(/pytest\.skip\("replace with[^\n]*/, 'assert fit is not None')
      .replaceAll('<model name>', 'churn classifier v3')
      .replace('"age": pa.Column(int, pa.Check.in_range(0, 120))', '"tenure_months": pa.Column(int, pa.Check.ge(0))');
    const done = await auditFiles({ ...CODE, [path]: filled });
    const practiceDone = done.practices.find((p) => p.id === id)!;
    assert.equal(practiceDone.starter, undefined);
    assert.equal(practiceDone.status, 'present');
    assert.equal(done.findings.some((f) => f.id === `${id}/unfilled-starter`), false);
  });
}
