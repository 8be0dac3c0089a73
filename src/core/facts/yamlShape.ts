/**
 * Reading parsed YAML defensively: files may hold any shape, and a list where a mapping
 * is expected (or the reverse) must yield no facts rather than crash an extractor.
 */
import { asRecord, parseYaml, YamlSyntaxError, type YamlDoc } from './yamlSource';

/**
 * The first document of a YAML file and its root mapping; undefined when the file is
 * empty. Throws YamlSyntaxError when the text is not YAML or its root is not a mapping
 * (every format read through this has a mapping at the top; anything else is a broken
 * file the user should hear about).
 */
export function yamlRoot(text: string): { doc: YamlDoc; root: Record<string, unknown> } | undefined {
  const doc = parseYaml(text)[0];
  if (!doc || doc.value === null || doc.value === undefined) return undefined;
  const root = asRecord(doc.value);
  if (!root) throw notAMapping(doc.value);
  return { doc, root };
}

/** The error for a YAML document whose top level is not a mapping. */
export function notAMapping(value: unknown): YamlSyntaxError {
  return new YamlSyntaxError(`expected a mapping at the top level, found ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}`, 1);
}

/** The items of a YAML sequence; empty for anything else. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
