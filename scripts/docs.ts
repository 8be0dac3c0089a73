/**
 * Generate the documentation and JSON Schemas made from the knowledge base and the rule
 * kind registry: docs/rule-kinds.md, docs/practices/*.md, schema/practice.schema.json and
 * schema/mlops-lens.schema.json. A test fails when they are out of date.
 *
 * Usage: npm run docs
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadKnowledge } from '../src/core/knowledge/load';
import { generatedFiles } from './docs/generated';

const ROOT = join(__dirname, '..', '..');

function main(): void {
  const files = generatedFiles(loadKnowledge(join(ROOT, 'knowledge')));
  // Pages of practices that no longer exist go too.
  const practicesDir = join(ROOT, 'docs', 'practices');
  for (const name of safeList(practicesDir)) {
    if (!files.has(`docs/practices/${name}`)) rmSync(join(practicesDir, name));
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), text);
  }
  process.stdout.write(`docs: wrote ${files.size} files\n`);
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

main();
