/**
 * The generated documentation and JSON Schemas: up to date with the knowledge base and the
 * rule kind registry, and the schemas accept what the loader accepts and refuse what it refuses.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { loadKnowledge } from '../../src/core/knowledge/load';
import { generatedFiles } from '../../scripts/docs/generated';
import { KNOWLEDGE_DIR, REPO_ROOT } from '../helpers/paths';

const files = generatedFiles(loadKnowledge(KNOWLEDGE_DIR));

describe('generated documentation', () => {
  it('every generated file is up to date (run `npm run docs` after changing knowledge/ or a rule kind)', () => {
    const stale = [...files].filter(([path, text]) => !existsSync(join(REPO_ROOT, path)) || readFileSync(join(REPO_ROOT, path), 'utf8') !== text).map(([p]) => p);
    assert.deepEqual(stale, [], `out of date: ${stale.join(', ')}; run npm run docs`);
    const pages = readdirSync(join(REPO_ROOT, 'docs', 'practices')).filter((n) => !files.has(`docs/practices/${n}`));
    assert.deepEqual(pages, [], 'pages of practices that no longer exist');
  });

  it('has a page per practice, linked from the index and from knowledge/README.md', () => {
    const index = files.get('docs/practices/README.md')!;
    for (const practice of loadKnowledge(KNOWLEDGE_DIR).practices) {
      assert.ok(files.has(`docs/practices/${practice.id}.md`), practice.id);
      assert.ok(index.includes(`](${practice.id}.md)`), `index links ${practice.id}`);
    }
    const readme = readFileSync(join(KNOWLEDGE_DIR, 'README.md'), 'utf8');
    for (const link of ['../docs/rule-kinds.md', '../docs/practices/README.md', '../schema/practice.schema.json', '../schema/mlops-lens.schema.json']) {
      assert.ok(readme.includes(link), `knowledge/README.md links ${link}`);
    }
  });

  it('a practice page shows its rules, their examples and the evidence with its URL', () => {
    const page = files.get('docs/practices/data-versioning.md')!;
    assert.match(page, /## What is detected/);
    assert.match(page, /Must \*\*not\*\* fire/);
    assert.match(page, /\]\(https:\/\/[^)]+\)/);
  });
});

describe('generated JSON Schemas', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const practice = ajv.compile(JSON.parse(files.get('schema/practice.schema.json')!));
  const config = ajv.compile(JSON.parse(files.get('schema/mlops-lens.schema.json')!));

  it('accept every shipped practice file', () => {
    const dir = join(KNOWLEDGE_DIR, 'practices');
    for (const name of readdirSync(dir)) {
      const ok = practice(parse(readFileSync(join(dir, name), 'utf8')));
      assert.ok(ok, `${name}: ${ajv.errorsText(practice.errors)}`);
    }
  });

  it('refuse what the loader refuses: an unknown rule kind, a field of another kind, a missing field', () => {
    const base = parse(readFileSync(join(KNOWLEDGE_DIR, 'practices', 'vcs.yaml'), 'utf8')) as Record<string, unknown>;
    const withRule = (rule: unknown) => ({ ...base, detect: [rule] });
    assert.equal(practice(withRule({ id: 'a', kind: 'nope' })), false);
    assert.equal(practice(withRule({ id: 'a', kind: 'file', names: ['x'] })), false);
    assert.equal(practice(withRule({ id: 'a', kind: 'file' })), false);
    assert.equal(practice(withRule({ id: 'a', kind: 'together', rules: [{ id: 'b', kind: 'file', glob: ['x'] }, { id: 'c', kind: 'import' }] })), false);
    assert.equal(practice(withRule({ id: 'a', kind: 'together', rules: [{ id: 'b', kind: 'file', glob: ['x'] }, { id: 'c', kind: 'import', modules: ['m'] }] })), true);
  });

  it('accept a full .mlops-lens.yaml and refuse a misspelt option or a wrong stage', () => {
    const good = {
      stage: 'pilot', excludes: ['data/**'], suppress: [{ id: 'feature-store', reason: 'no online features' }],
      limits: { maxFiles: 50000 }, scope: { templates: true, library: 'auto' },
    };
    assert.ok(config(good), ajv.errorsText(config.errors));
    assert.equal(config({ ...good, stage: 'prod' }), false);
    assert.equal(config({ ...good, exclude: ['x'] }), false);
  });
});
