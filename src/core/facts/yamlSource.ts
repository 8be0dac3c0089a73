/**
 * YAML parsing shared by every extractor: multi-document, line-aware, and hardened
 * against alias bombs (the `yaml` library's alias-count limit).
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { CLOUDFORMATION_TAGS } from './cloudFormationTags';

/** One parsed YAML document with a way to find the line of any value inside it. */
export interface YamlDoc {
  value: unknown;
  /** 1-based line of the node at the key path (e.g. `['jobs', 'test', 'steps', 0]`), if found. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
  /** 1-based line and column of the value (or key) at the key path, or of its nearest existing parent. */
  positionOf(path: ReadonlyArray<string | number>, at?: 'key' | 'value'): { line: number; column: number };
}

/** Thrown when a YAML file cannot be parsed; carries the line of the first error. */
export class YamlSyntaxError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'YamlSyntaxError';
  }
}

/** Alias expansions allowed per document; far above real files, far below a "billion laughs". */
const MAX_ALIAS_COUNT = 100;

/**
 * Recently parsed texts: one file is often read by an extractor and by `yaml` rules, and
 * parsing is the costly part. Results are immutable to callers, so sharing is safe.
 */
const recent = new Map<string, YamlDoc[] | YamlSyntaxError>();
const RECENT_LIMIT = 64;

/**
 * The first document of a YAML text, or undefined when it cannot be parsed: for files read
 * because another file points at them, or read on the chance they hold something (whoever
 * owns such a file reports its errors).
 */
export function firstDocQuietly(text: string): YamlDoc | undefined {
  try {
    return parseYaml(text)[0];
  } catch {
    return undefined;
  }
}

/**
 * The lines of keys repeated in one mapping. Repository files are read leniently (the last
 * value wins, as in most loaders), but in a data file written for this tool a repeated key
 * silently drops a setting, so the loaders refuse it.
 */
export function duplicateKeyLines(text: string): number[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  if (!Array.isArray(documents)) return [];
  return documents.flatMap((doc) => doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => lineCounter.linePos(e.pos[0]).line));
}

/** Parse every document of a YAML stream; throws YamlSyntaxError on the first error. */
export function parseYaml(text: string): YamlDoc[] {
  let result = recent.get(text);
  if (result === undefined) {
    try {
      result = parseUncached(text);
    } catch (err) {
      if (!(err instanceof YamlSyntaxError)) throw err;
      result = err;
    }
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
    recent.set(text, result);
  }
  if (result instanceof YamlSyntaxError) throw result;
  return result;
}

function parseUncached(text: string): YamlDoc[] {
  const lineCounter = new LineCounter();
  // `merge` expands `<<: *anchor` as CI files expect; `logLevel` keeps the library from
  // printing warnings to the console (problems surface as errors or not at all);
  // CloudFormation's `!Ref`-style tags keep their meaning in templates.
  const documents = parseAllDocuments(text, {
    lineCounter, uniqueKeys: false, prettyErrors: false, merge: true, logLevel: 'error', customTags: CLOUDFORMATION_TAGS,
  });
  // parseAllDocuments returns an EmptyStream for '' — not iterable as documents.
  if (!Array.isArray(documents)) return [];
  const docs: YamlDoc[] = [];
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) {
      throw new YamlSyntaxError(error.message.split('\n')[0], lineCounter.linePos(error.pos[0]).line);
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      throw new YamlSyntaxError(`cannot expand document: ${(err as Error).message}`);
    }
    const offsetOf = (path: ReadonlyArray<string | number>, at: 'key' | 'value' = 'key') =>
      nodeAt(doc.contents as Node | null, path, at)?.range?.[0];
    docs.push({
      value,
      lineOf(path) {
        const offset = offsetOf(path);
        return offset === undefined ? undefined : lineCounter.linePos(offset).line;
      },
      positionOf(path, at = 'value') {
        for (let length = path.length; length >= 0; length--) {
          const offset = offsetOf(path.slice(0, length), length === path.length ? at : 'value');
          if (offset !== undefined) {
            const { line, col } = lineCounter.linePos(offset);
            return { line, column: col };
          }
        }
        return { line: 1, column: 1 };
      },
    });
  }
  return docs;
}

function nodeAt(node: Node | null | undefined, path: ReadonlyArray<string | number>, at: 'key' | 'value'): Node | undefined {
  let current: Node | null | undefined = node;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return undefined;
      // A fact's line is its key's (where a person looks); a wrong value is pointed at itself.
      current = (i === path.length - 1 && at === 'key' ? pair.key : pair.value) as Node | null;
    } else if (isSeq(current) && typeof key === 'number') {
      current = current.items[key] as Node | undefined;
    } else {
      return undefined;
    }
    if (!current) return undefined;
  }
  return current ?? undefined;
}

/** A plain object (YAML mapping) or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Strings of a scalar-or-list field (`x` or `[x, y]`); other values are dropped. */
export function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
