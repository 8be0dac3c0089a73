/**
 * Build step (esbuild.mjs runs it): writes dist/knowledge.json, the validated knowledge
 * base with a fingerprint of the YAML files it came from (see loadKnowledge).
 * Usage: node out/knowledgeSnapshot.js <knowledge dir> <snapshot file>
 */
import { writeKnowledgeSnapshot } from '../src/core/knowledge/load';

const [dir, snapshot] = process.argv.slice(2);
writeKnowledgeSnapshot(dir, snapshot);
