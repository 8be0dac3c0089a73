/**
 * A practice that holds in part of the repository only is partial, and its status agrees with
 * the findings beside it: pinned dependencies with a lock file in one folder and loose
 * requirements in another are partial with a finding per loose entry, never a ✓ next to
 * warnings. A lock pins the requirements beside it; a pinned file tolerates one loose entry in ten.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditFiles } from '../../helpers/auditFixture';

const CODE = { 'train.py': 'import sklearn\n' };
const LOCK = '[[package]]\nname = "numpy"\nversion = "1.26.4"\n';
const PINNED = Array.from({ length: 10 }, (_, i) => `pkg${i}==1.0.${i}`).join('\n') + '\n';

async function pinning(files: Record<string, string>) {
  const report = await auditFiles({ ...CODE, ...files });
  return {
    practice: report.practices.find((p) => p.id === 'dependency-pinning')!,
    findings: report.findings.filter((f) => f.id === 'dependency-pinning/unpinned-requirement'),
  };
}

test('a lock in one folder and loose requirements in another: partial, each loose entry a finding', async () => {
  const { practice, findings } = await pinning({
    'serving/poetry.lock': LOCK,
    'training/requirements.txt': 'pandas>=2\nscikit-learn\n',
  });
  assert.equal(practice.status, 'partial');
  assert.deepEqual(practice.mixed, {
    check: 'dependency-pinning/unpinned-requirement',
    reason: 'some of the project\'s requirements are pinned or locked, and others are not',
    findings: 2,
  });
  assert.deepEqual(findings.map((f) => [f.path, f.line]), [['training/requirements.txt', 1], ['training/requirements.txt', 2]]);
});

test('a lock covers the loose requirements beside it: present, no finding', async () => {
  const { practice, findings } = await pinning({ 'poetry.lock': LOCK, 'requirements.txt': 'pandas>=2\n' });
  assert.equal(practice.status, 'present');
  assert.equal(practice.mixed, undefined);
  assert.deepEqual(findings, []);
});

test('a pinned requirements file covers its own tolerated loose entry, not a loose file beside it', async () => {
  const alone = await pinning({ 'requirements.txt': `${PINNED}tqdm\n` });
  assert.equal(alone.practice.status, 'present');
  assert.deepEqual(alone.findings, []);

  const beside = await pinning({ 'requirements.txt': PINNED, 'requirements-app.txt': 'streamlit>=1.30\n' });
  assert.equal(beside.practice.status, 'partial');
  assert.deepEqual(beside.findings.map((f) => f.path), ['requirements-app.txt']);
});

test('loose requirements of tools (docs, tests) do not make pinning mixed', async () => {
  const { practice, findings } = await pinning({ 'uv.lock': 'version = 1\n', 'docs/requirements.txt': 'mkdocs\n', 'requirements-dev.txt': 'pytest\n' });
  assert.equal(practice.status, 'present');
  assert.deepEqual(findings, []);
});

test('nothing pinned: absent, every loose entry a finding, no mixed reason', async () => {
  const { practice, findings } = await pinning({ 'requirements.txt': 'pandas\nnumpy\n' });
  assert.equal(practice.status, 'absent');
  assert.equal(practice.mixed, undefined);
  assert.equal(findings.length, 2);
});
