/**
 * The facts of a few files: what a file-local rule (see RuleKindDefinition.locality) needs to
 * match in them alone, as it does after an edit to those files.
 */
import { LOCATED_FACTS, type Facts, type TextMatches } from '../model/facts';
import { itemsIn, type Placed } from './pathOrder';

/** `facts` with only what was found in `paths` (and their listing entries, sorted by path as the listing is); the repository's own packages stay. */
export function factsOfFiles(facts: Facts, paths: readonly string[]): Facts {
  const texts = new Map<string, TextMatches>();
  for (const path of paths) {
    const matches = facts.texts.get(path);
    if (matches) texts.set(path, matches);
  }
  const restricted: Facts = { ...facts, files: paths.flatMap((p) => itemsIn(facts.files, p)), texts };
  for (const key of LOCATED_FACTS) onlyIn(restricted, key, paths);
  return restricted;
}

function onlyIn<K extends (typeof LOCATED_FACTS)[number]>(facts: Facts, key: K, paths: readonly string[]): void {
  facts[key] = paths.flatMap((p) => itemsIn(facts[key] as Placed[], p)) as Facts[K];
}
