/**
 * Evidence fidelity of the shipped knowledge base: claims say what their sources say
 * (hedges kept), every use matches what a claim supports, weights come only from reported
 * benefits, and nothing unverified is shown as a finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benefitWeights, reportingSources } from '../../src/core/assess/weights';
import { audit } from '../../src/core/audit';
import { EMPTY_CONFIG } from '../../src/core/config/config';
import { createMemoryHost } from '../../src/core/host/memoryFileHost';
import { renderReport } from '../../src/core/report';
import { loadKnowledge } from '../../src/core/knowledge/load';
import { SOURCE_KINDS, SUPPORTS } from '../../src/core/knowledge/schema';
import type { Citation } from '../../src/core/model/knowledge';
import { KNOWLEDGE_DIR } from '../helpers/paths';

const kb = loadKnowledge(KNOWLEDGE_DIR);
const claim = (ref: string) => {
  const [sourceId, claimId] = ref.split('#');
  return kb.sources.find((s) => s.id === sourceId)?.claims.find((c) => c.id === claimId);
};
/** Every citation in the knowledge base, with where it is. */
const everyCitation: { where: string; citation: Citation }[] = [
  ...kb.practices.flatMap((p) => p.citations.map((citation) => ({ where: `practice ${p.id}`, citation }))),
  ...kb.levels.flatMap((l) => l.citations.map((citation) => ({ where: `level ${l.level}`, citation }))),
  ...kb.stages.flatMap((s) => s.citations.map((citation) => ({ where: `stage ${s.id}`, citation }))),
  ...kb.tradeoffs.flatMap((t) => t.citations.map((citation) => ({ where: `trade-off ${t.id}`, citation }))),
  ...kb.benefits.flatMap((b) => b.citations.map((citation) => ({ where: `benefit ${b.id}`, citation }))),
  ...kb.scoring.citations.map((citation) => ({ where: 'scoring', citation })),
];

test('every citation says what it supports, and no unverified claim is cited anywhere (it would be shown as a finding)', () => {
  for (const { where, citation } of everyCitation) {
    assert.ok((SUPPORTS as readonly string[]).includes(citation.supports), `${where}: ${citation.ref}`);
    assert.notEqual(claim(citation.ref)?.unverified, true, `${where} cites the unverified claim ${citation.ref}`);
    if (citation.indirect) assert.ok(citation.note, `${where}: the indirect citation ${citation.ref} says how it bears`);
  }
});

test('every claim used as a benefit is one a benefit in benefits.yaml reports', () => {
  const reported = new Set(kb.benefits.flatMap((b) => b.citations.filter((c) => c.supports === 'benefit').map((c) => c.ref)));
  for (const { where, citation } of everyCitation) {
    if (citation.supports === 'benefit') assert.ok(reported.has(citation.ref), `${where} uses ${citation.ref} as a benefit`);
  }
});

test('benefit weights count only sources that report the benefit; one no source reports weighs 1 by convention', () => {
  const weights = benefitWeights(kb);
  for (const benefit of kb.benefits) assert.equal(weights.get(benefit.id), Math.max(1, reportingSources(benefit).size), benefit.id);
  // A problem statement, a principle or a rubric requirement is no reported benefit.
  const weightSources = new Set(kb.benefits.flatMap((b) => [...reportingSources(b)]));
  for (const notReported of ['sculley-2015', 'kreuzberger-2023', 'ml-test-score-2017']) assert.ok(!weightSources.has(notReported), notReported);
  assert.deepEqual([...reportingSources(kb.benefits.find((b) => b.id === 'cost')!)], ['devops-adoption-2025']);
  assert.deepEqual([...reportingSources(kb.benefits.find((b) => b.id === 'deployment-speed')!)].sort(), ['devops-adoption-2025', 'mlops-principles-2024'], 'perceived agility is not faster deployment');
  assert.equal(weights.get('reproducibility'), 1);
});

test('claims keep their sources\' hedges and scope', () => {
  for (const id of ['manual-steps', 'restore-previous-state', 'automated-deployment']) {
    const statement = claim(`mlops-principles-2024#${id}`)!.statement;
    assert.doesNotMatch(statement, /valued most|most valued/i, id);
    assert.match(statement, /does not rank them/, id);
  }
  assert.match(claim('mlops-principles-2024#pays-off-large-cd')!.statement, /^According to the experts, .*tends to be worthwhile for larger applications that deploy continuously/);
  assert.match(claim('serban-2020#adoption-effects')!.statement, /specific sets of the practices/);
  assert.match(claim('devops-adoption-2025#adopter-outcomes')!.statement, /better compliance/);
  assert.match(claim('mlops-insights-2024#scepticism')!.statement, /^Background that motivates the study, not one of its findings/);
  assert.match(claim('mlops-insights-2024#unintentional-adoption')!.statement, /frequently/);
  const sculley = kb.sources.find((s) => s.id === 'sculley-2015')!;
  assert.equal(sculley.kind, 'position-paper');
  assert.match(sculley.venue, /NIPS 2015/);
});

test('the catalogue\'s rankings are the living catalogue\'s, not the ESEM 2020 paper\'s', () => {
  const paper = kb.sources.find((s) => s.id === 'serban-2020')!;
  const catalogue = kb.sources.find((s) => s.id === 'se-ml-catalogue')!;
  assert.deepEqual(paper.claims.map((c) => c.id).filter((id) => /rank|basic|advanced|medium/.test(id)), []);
  assert.deepEqual(catalogue.claims.map((c) => c.id).sort(), ['ci-advanced', 'monitoring-rollback-medium', 'ranking', 'versioning-basic']);
  assert.equal(catalogue.kind, 'practice-catalogue');
  assert.match(catalogue.venue, /recomputed/);
});

test('trade-off messages present no unverified figure: tool costs are not named as a finding', () => {
  for (const t of kb.tradeoffs) assert.doesNotMatch(`${t.message} ${t.action}`, /tool costs?/i, t.id);
});

test('practices whose sources speak of something they serve say so: their citations are indirect, their "why" says it', () => {
  for (const id of ['infrastructure-as-code', 'unit-tests', 'fairness', 'explainability']) {
    const practice = kb.practices.find((p) => p.id === id)!;
    assert.ok(practice.citations.every((c) => c.indirect), `${id}: every citation is indirect`);
    assert.match(practice.why, /indirect/, `${id}: its why says the support is indirect`);
  }
  assert.ok(!kb.practices.find((p) => p.id === 'pipeline-definition')!.benefits.includes('cost'), 'lower operating costs are not a pipeline benefit any source reports');
  const retraining = kb.practices.find((p) => p.id === 'scheduled-retraining')!;
  assert.ok(retraining.citations.some((c) => c.ref === 'microsoft-mlops-maturity#level-2' && !c.indirect));
  assert.ok(retraining.citations.every((c) => c.ref !== 'microsoft-mlops-maturity#level-4' || c.indirect));
});

test('every source kind is one of the documented set, and knowledge/README.md documents each', () => {
  const readme = readFileSync(join(KNOWLEDGE_DIR, 'README.md'), 'utf8');
  for (const kind of SOURCE_KINDS) assert.ok(readme.includes(`\`${kind}\``), `README documents ${kind}`);
  for (const source of kb.sources) assert.ok((SOURCE_KINDS as readonly string[]).includes(source.kind), source.id);
  for (const support of SUPPORTS) assert.ok(readme.includes(`\`${support}\``), `README documents supports: ${support}`);
});

test('reports mark indirect support: a source cited only indirectly, and a practice resting on expert convention', async () => {
  const report = await audit(createMemoryHost({ 'train.py': 'import sklearn\n' }), { knowledge: kb, config: EMPTY_CONFIG, rootName: 'r', tool: { name: 't', version: '0' } });
  const iac = report.practices.find((p) => p.id === 'infrastructure-as-code')!;
  assert.deepEqual(iac.indirectEvidence, iac.evidence);
  const md = renderReport(report, 'markdown');
  assert.match(md, /\*\*Infrastructure as code\*\* \(level \d, absent\) — indirect evidence only \(expert convention\): \[/);
  // Continuous integration rests on direct definitions: no such note, no "(indirect)" mark.
  assert.match(md, /\*\*Continuous integration\*\* \(level \d, absent\) — evidence: \[[^\n]*$/m);
  assert.doesNotMatch(md.split('\n').find((l) => l.includes('**Continuous integration**'))!, /indirect/);
  const html = renderReport(report, 'html');
  assert.match(html, /indirect evidence only \(expert convention\): <a /);
});
