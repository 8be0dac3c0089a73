/**
 * Load the knowledge base: parse every file, check its shape, apply defaults, and check
 * that every reference resolves. Any problem fails the load with file, line, YAML path
 * and reason: a broken knowledge base must never produce a quietly wrong assessment.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Citation, CollectionRule, KnowledgeBase, Practice } from '../model/knowledge';
import { DataError, type DataIssue } from './errors';
import { checkReferences } from './references';
import { KNOWLEDGE_FILES, practiceShape } from './schema';
import { readYamlData, type CheckedYaml } from './yamlFile';
import { kindOf } from '../engine/kinds';

/** A knowledge file: its path relative to the knowledge folder, and its text. */
export interface KnowledgeFile {
  path: string;
  text: string;
}


/** Build a validated knowledge base from its files; throws DataError listing every problem. */
export function parseKnowledge(files: readonly KnowledgeFile[]): KnowledgeBase {
  const issues: DataIssue[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const sections: Record<string, CheckedYaml | undefined> = {};
  for (const [name, shape] of Object.entries(KNOWLEDGE_FILES)) {
    const file = byPath.get(name);
    if (!file) {
      issues.push({ file: name, path: '', reason: 'file is missing from the knowledge base' });
      continue;
    }
    sections[name] = readYamlData(name, file.text, shape, issues);
  }
  const practices = files
    .filter((f) => f.path.startsWith('practices/') && f.path.endsWith('.yaml'))
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((f) => ({ file: f.path, data: readYamlData(f.path, f.text, practiceShape, issues) }))
    .flatMap(({ file, data }) => (data ? [{ practice: toPractice(data.value, file), doc: data.doc }] : []));
  if (issues.length > 0) throw new DataError('knowledge', issues);

  const get = <T>(name: string, key: string) => sections[name]!.value[key] as T;
  const cited = <T extends { evidence: unknown }>(items: T[]): (T & Cited)[] => items.map(withCitations);
  const knowledge: KnowledgeBase = {
    dimensions: get('dimensions.yaml', 'dimensions'),
    sources: get('sources.yaml', 'sources'),
    practices: practices.map((p) => p.practice),
    levels: cited(get('levels.yaml', 'levels')),
    ...(sections['levels.yaml']!.value.collections ? { collections: get<CollectionRule>('levels.yaml', 'collections') } : {}),
    tradeoffs: cited(get('tradeoffs.yaml', 'tradeoffs')),
    benefits: cited(get('benefits.yaml', 'benefits')),
    stages: cited(get('stages.yaml', 'stages')),
    scoring: withCitations(get('scoring.yaml', 'scoring')),
    scope: get('scope.yaml', 'scope'),
  };
  const docs = new Map(Object.entries(sections).map(([name, data]) => [name, data!.doc]));
  for (const { practice, doc } of practices) docs.set(practice.file, doc);
  issues.push(...checkReferences(knowledge, docs));
  if (issues.length > 0) throw new DataError('knowledge', issues);
  return knowledge;
}

/** An item's references and citations, from the citations written in its `evidence`. */
interface Cited {
  evidence: string[];
  citations: Citation[];
}

/** The citations written in `evidence` (checked by the schema) as citations and as plain references. */
function withCitations<T extends { evidence: unknown }>(item: T): T & Cited {
  const citations = item.evidence as Citation[];
  return { ...item, citations, evidence: citations.map((c) => c.ref) };
}

/** A practice with defaults applied; `file` records where it came from, `engine` how its patterns run. */
export function toPractice(value: Record<string, unknown>, file: string, engine: Practice['patternEngine'] = 'native'): Practice {
  const practice = withCitations(value as unknown as Practice);
  return {
    ...practice,
    require: practice.require ?? 'configured',
    detect: practice.detect.map((rule) => ({ ...rule, strength: rule.strength ?? kindOf(rule).defaultStrength })),
    checks: practice.checks ?? [],
    file,
    patternEngine: engine,
  };
}

/** Read every `.yaml` file of a knowledge folder (one level of sub-folders). */
export function readKnowledgeFolder(dir: string): KnowledgeFile[] {
  const files: KnowledgeFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      for (const name of readdirSync(join(dir, entry.name))) {
        if (name.endsWith('.yaml')) files.push({ path: `${entry.name}/${name}`, text: readFileSync(join(dir, entry.name, name), 'utf8') });
      }
    } else if (entry.name.endsWith('.yaml')) {
      files.push({ path: entry.name, text: readFileSync(join(dir, entry.name), 'utf8') });
    }
  }
  return files;
}

/**
 * Load and validate the knowledge base in `dir`. With `snapshot`, a file written by
 * writeKnowledgeSnapshot at build time: when it was made from exactly these files, its
 * already-validated knowledge is used, which spares parsing a few hundred KB of YAML on
 * every start (half a second; in the editor, on the extension host's thread).
 */
export function loadKnowledge(dir: string, snapshot?: string): KnowledgeBase {
  const files = readKnowledgeFolder(dir);
  if (snapshot !== undefined) {
    const saved = readSnapshot(snapshot);
    if (saved?.fingerprint === fingerprintOf(files)) return saved.knowledge;
  }
  return parseKnowledge(files);
}

/** Write the snapshot of the knowledge base in `dir` (see loadKnowledge). Throws when the knowledge base is invalid. */
export function writeKnowledgeSnapshot(dir: string, snapshot: string): void {
  const files = readKnowledgeFolder(dir);
  const saved: KnowledgeSnapshot = { fingerprint: fingerprintOf(files), knowledge: parseKnowledge(files) };
  writeFileSync(snapshot, JSON.stringify(saved));
}

interface KnowledgeSnapshot {
  /** Of the files it was made from: their paths and texts. */
  fingerprint: string;
  knowledge: KnowledgeBase;
}

function fingerprintOf(files: readonly KnowledgeFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(`${file.path}\0${file.text}\0`);
  return hash.digest('hex');
}

function readSnapshot(path: string): KnowledgeSnapshot | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as KnowledgeSnapshot;
  } catch {
    return undefined;
  }
}
