/** Parse one YAML data file and check its shape, turning problems into located issues. */
import { duplicateKeyLines, parseYaml, YamlSyntaxError, type YamlDoc } from '../facts/yamlSource';
import type { DataIssue } from './errors';
import { checkShape, formatPath, type Shape, type YamlPath } from './shape';

export interface CheckedYaml {
  value: Record<string, unknown>;
  doc: YamlDoc;
}

/**
 * Parse `text` (one YAML document) and check it against `shape`. Returns the value, or
 * pushes issues and returns undefined. An empty file counts as an empty mapping.
 */
export function readYamlData(file: string, text: string, shape: Shape, issues: DataIssue[]): CheckedYaml | undefined {
  let docs: YamlDoc[];
  try {
    docs = parseYaml(text);
  } catch (err) {
    issues.push({ file, line: err instanceof YamlSyntaxError ? err.line : undefined, path: '', reason: `YAML syntax error: ${(err as Error).message}` });
    return undefined;
  }
  if (docs.length > 1) {
    issues.push({ file, line: 1, path: '', reason: 'expected one YAML document, found several' });
    return undefined;
  }
  const duplicates = duplicateKeyLines(text);
  for (const line of duplicates) issues.push({ file, line, path: '', reason: 'a key is repeated in the same mapping; the later value would silently replace the earlier one' });
  if (duplicates.length > 0) return undefined;
  const doc = docs[0] ?? EMPTY_DOCUMENT;
  const value = doc.value ?? {};
  const found = checkShape(value, shape);
  for (const problem of found) issues.push(locate(file, doc, problem.path, problem.reason, problem.atKey ? 'key' : 'value'));
  return found.length === 0 ? { value: value as Record<string, unknown>, doc } : undefined;
}

/** What an empty file parses to. */
const EMPTY_DOCUMENT: YamlDoc = { value: {}, lineOf: () => undefined, positionOf: () => ({ line: 1, column: 1 }) };

/** A located issue at a YAML path of a parsed document. */
export function locate(file: string, doc: YamlDoc | undefined, path: YamlPath, reason: string, at: 'key' | 'value' = 'value'): DataIssue {
  const position = doc?.positionOf(path, at);
  return { file, line: position?.line, column: position?.column, path: formatPath(path), reason };
}
