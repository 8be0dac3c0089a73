/** Helpers shared by the CI extractors: parsing by shape, trigger ordering, script flattening, action names. */
import type { CiStep } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import { parseYaml, type YamlDoc } from '../yamlSource';

/** A YAML key path, as `YamlDoc.lineOf` takes it. */
export type YamlPath = ReadonlyArray<string | number>;

/**
 * The documents of a YAML file looked at for a CI system's shape: a file named as that
 * system's (`ownName`) reports its syntax errors, any other that does not parse is not ours.
 */
export function parseByShape(text: string, path: string, ownName: RegExp): YamlDoc[] | undefined {
  try {
    return parseYaml(text);
  } catch (err) {
    if (ownName.test(path)) throw err;
    return undefined;
  }
}

const TRIGGER_ORDER: readonly CiTrigger[] = ['push', 'pull_request', 'tag', 'schedule', 'data', 'manual', 'other'];

/** Triggers deduplicated in a fixed order, so facts do not depend on file order. */
export function orderTriggers(triggers: Iterable<CiTrigger>): CiTrigger[] {
  const set = new Set(triggers);
  return TRIGGER_ORDER.filter((t) => set.has(t));
}

/**
 * One step per command of a script field: a string, or a list of strings, nested lists
 * flattened (GitLab and Bitbucket allow them, usually through anchors). Each step gets
 * the line of its own list item, or `fallbackLine` when the node cannot be located.
 */
export function scriptSteps(
  file: string, doc: YamlDoc, path: YamlPath, value: unknown, fallbackLine?: number,
): CiStep[] {
  if (typeof value === 'string') {
    const command = value.trim();
    return command ? [{ path: file, line: doc.lineOf(path) ?? fallbackLine, command }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => scriptSteps(file, doc, [...path, i], item, fallbackLine));
  }
  return [];
}

/** A reusable action/task name without its `@version` suffix. */
export function withoutRef(uses: string): string {
  const at = uses.lastIndexOf('@');
  return (at > 0 ? uses.slice(0, at) : uses).trim();
}

/**
 * A job's triggers, a subset of its pipeline's, when strictly narrower than them; undefined
 * when the job runs on every pipeline trigger (or none is known).
 */
export function narrowerTriggers(own: Iterable<CiTrigger>, pipeline: readonly CiTrigger[]): CiTrigger[] | undefined {
  const ordered = orderTriggers(own);
  return ordered.length > 0 && ordered.length < pipeline.length ? ordered : undefined;
}
