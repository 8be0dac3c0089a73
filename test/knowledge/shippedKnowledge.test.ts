/** The shipped knowledge base: valid, complete against the taxonomy, and faithful to the evidence notes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadKnowledge } from '../../src/core/knowledge/load';
import { KNOWLEDGE_DIR, referenceFile } from '../helpers/paths';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const TAXONOMY = referenceFile('practice-taxonomy.yaml');
const NOTES = referenceFile('evidence-notes.md');

function shared(path: string): string {
  assert.ok(existsSync(path), `${path} is missing: these checks need ../shared or test/reference`);
  return readFileSync(path, 'utf8');
}

test('the shipped knowledge base loads and validates', () => {
  assert.equal(knowledge.levels.length, 5);
  assert.deepEqual(knowledge.levels.map((l) => l.name), ['Ad hoc', 'Tracked', 'Reproducible pipelines', 'Automated delivery', 'Continuously operated']);
  assert.deepEqual(knowledge.stages.map((s) => s.id).sort(), ['pilot', 'production', 'prototype']);
});

test('every practice and dimension of the taxonomy is defined, in the same dimension', () => {
  const taxonomy = parse(shared(TAXONOMY)) as { dimensions: Record<string, string>; practices: Record<string, { dimension: string }> };
  assert.deepEqual(knowledge.dimensions.map((d) => d.id), Object.keys(taxonomy.dimensions));
  const defined = new Map(knowledge.practices.map((p) => [p.id, p.dimension]));
  for (const [id, { dimension }] of Object.entries(taxonomy.practices)) {
    assert.equal(defined.get(id), dimension, `practice ${id} must be defined in dimension ${dimension}`);
  }
});

test('the three studies and the canonical references are there, with the URLs of the evidence notes', () => {
  const notes = shared(NOTES);
  const urls = new Set(knowledge.sources.map((s) => s.url));
  for (const url of [
    'https://arxiv.org/abs/2502.05634', 'https://arxiv.org/abs/2408.00463', 'https://arxiv.org/abs/2403.13115',
    'https://doi.org/10.1109/ACCESS.2023.3262138', 'https://research.google/pubs/pub46555/', 'https://doi.org/10.1145/3382494.3410681',
  ]) {
    assert.ok(urls.has(url), `a source with URL ${url}`);
  }
  for (const source of knowledge.sources) {
    assert.ok(notes.includes(source.url), `source ${source.id}: its URL ${source.url} is not in the evidence notes (no invented sources)`);
  }
});

test('claims are paraphrased: none shares ten consecutive words with the evidence notes', () => {
  const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9\s]/g, ' ').split(/\s+/).filter(Boolean);
  const noteWords = words(shared(NOTES));
  const windows = new Set(noteWords.slice(0, -9).map((_, i) => noteWords.slice(i, i + 10).join(' ')));
  for (const source of knowledge.sources) {
    for (const claim of source.claims) {
      const w = words(claim.statement);
      for (let i = 0; i + 10 <= w.length; i++) {
        assert.ok(!windows.has(w.slice(i, i + 10).join(' ')), `${source.id}#${claim.id} copies "${w.slice(i, i + 10).join(' ')}"`);
      }
    }
  }
});

test('the seven trade-off rules the product promises are defined', () => {
  assert.deepEqual(
    knowledge.tradeoffs.map((t) => t.id).sort(),
    ['ci-without-tests', 'deploy-without-registry', 'heavy-tooling-early', 'manual-multistep-workflow', 'overlapping-tools', 'retrain-without-validation', 'serving-without-monitoring'],
  );
});

test('every tool a trade-off names is recognised by some rule', () => {
  const ruleTools = new Set(knowledge.practices.flatMap((p) => p.detect.map((r) => r.tool)));
  const named = (c: unknown): string[] => {
    if (!c || typeof c !== 'object') return [];
    const o = c as Record<string, unknown>;
    return [...(Array.isArray(o.tools) ? (o.tools as string[]) : []), ...Object.values(o).flatMap((v) => (Array.isArray(v) ? v.flatMap(named) : named(v)))];
  };
  for (const t of knowledge.tradeoffs) {
    for (const tool of named(t.when)) assert.ok(ruleTools.has(tool), `${t.id} names tool ${tool}, which no rule recognises`);
  }
});

test('no rule matches prose: Markdown and reStructuredText are read only for YAML front-matter keys', () => {
  for (const practice of knowledge.practices) {
    for (const rule of practice.detect) {
      if (rule.kind !== 'content' && rule.kind !== 'yaml') continue;
      if (!rule.files.some((glob) => /\.(md|rst)\b/i.test(glob))) continue;
      assert.equal(rule.kind, 'content', `${practice.id}/${rule.id} reads prose files`);
      assert.match(rule.kind === 'content' ? rule.pattern : '', /^\^\(?[\w|-]+\)?\\s\*:$/, `${practice.id}/${rule.id} must match a front-matter key, not prose`);
    }
  }
});
