/** The build's knowledge snapshot is used only when it was made from the same files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge, writeKnowledgeSnapshot } from '../../../src/core/knowledge/load';
import { KNOWLEDGE_DIR, tempDir } from '../../helpers/paths';

test('a fresh snapshot is used; a stale, missing or broken one is ignored', () => {
  const dir = tempDir();
  try {
    const knowledge = join(dir.path, 'knowledge');
    cpSync(KNOWLEDGE_DIR, knowledge, { recursive: true });
    const snapshot = join(dir.path, 'knowledge.json');
    writeKnowledgeSnapshot(knowledge, snapshot);
    const parsed = loadKnowledge(knowledge);
    assert.deepEqual(loadKnowledge(knowledge, snapshot), parsed, 'the snapshot holds what the YAML gives');

    // Mark the snapshot's content: a load that returns the mark read the snapshot.
    const saved = JSON.parse(readFileSync(snapshot, 'utf8'));
    saved.knowledge.practices[0].title = 'FROM THE SNAPSHOT';
    writeFileSync(snapshot, JSON.stringify(saved));
    assert.equal(loadKnowledge(knowledge, snapshot).practices[0].title, 'FROM THE SNAPSHOT');

    appendFileSync(join(knowledge, 'levels.yaml'), '\n# edited after the build\n');
    assert.deepEqual(loadKnowledge(knowledge, snapshot), parsed, 'a knowledge file changed since: the YAML is parsed');
    assert.deepEqual(loadKnowledge(knowledge, join(dir.path, 'missing.json')), parsed);
    writeFileSync(snapshot, '{ not json');
    assert.deepEqual(loadKnowledge(knowledge, snapshot), parsed);
  } finally {
    dir.dispose();
  }
});
