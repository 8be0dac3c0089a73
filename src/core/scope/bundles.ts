/**
 * Deployment bundles deploy only the configuration files their root file includes
 * (a Databricks asset bundle's `databricks.yml` `include:`). A resource file beside it
 * that it leaves out — often commented out until a prerequisite exists — is never
 * deployed, so its jobs, monitors and schedules are not the team's practice.
 */
import { Minimatch } from 'minimatch';
import type { FileFact, YamlDocumentFact } from '../model/facts';
import type { BundleRule } from '../model/knowledge';
import { asRecord } from '../facts/yamlSource';
import { globMatcher } from '../scan/globs';
import { isUnder, parentOf } from './templates';

/** One bundle and the configuration files it leaves out. */
export interface BundleExclusion {
  /** The bundle's root file, as found in the repository. */
  root: string;
  /** Configuration files under the bundle's folder that its root file does not include. */
  excluded: string[];
}

/**
 * The bundles whose root files parsed and the configuration files each leaves out. A
 * root file that could not be parsed excludes nothing: the tool cannot tell what it
 * deploys. A file under two bundles belongs to the nearest.
 */
export function bundleExclusions(
  files: readonly FileFact[],
  documents: readonly YamlDocumentFact[],
  rules: readonly BundleRule[],
): BundleExclusion[] {
  const renderedPath = (file: FileFact) => file.as ?? file.path;
  const firstDocument = new Map<string, YamlDocumentFact>();
  for (const doc of documents) if (!firstDocument.has(doc.path)) firstDocument.set(doc.path, doc);
  const bundles: { root: string; folder: string; includes: (relative: string) => boolean; configFile: (relative: string) => boolean }[] = [];
  for (const rule of rules) {
    const isRoot = globMatcher([`**/${rule.file}`]);
    const configFile = globMatcher(rule.configFiles);
    for (const file of files) {
      const rendered = renderedPath(file);
      if (!isRoot(rendered)) continue;
      const doc = firstDocument.get(file.path);
      if (!doc) continue;
      bundles.push({ root: file.path, folder: parentOf(rendered), includes: includeMatcher(asRecord(doc.value)?.[rule.includeKey]), configFile });
    }
  }
  if (bundles.length === 0) return [];
  // Deepest folders first, so each file goes to its nearest bundle.
  bundles.sort((a, b) => b.folder.length - a.folder.length);
  const excluded = new Map<string, string[]>(bundles.map((b) => [b.root, []]));
  for (const file of files) {
    const rendered = renderedPath(file);
    const bundle = bundles.find((b) => b.root !== file.path && isUnder(rendered, b.folder));
    if (!bundle) continue;
    const relative = bundle.folder === '' ? rendered : rendered.slice(bundle.folder.length + 1);
    if (bundle.configFile(relative) && !bundle.includes(relative)) excluded.get(bundle.root)!.push(file.path);
  }
  return bundles
    .map((b) => ({ root: b.root, excluded: excluded.get(b.root)! }))
    .filter((b) => b.excluded.length > 0)
    .sort((a, b) => a.root.localeCompare(b.root));
}

/** A matcher over paths relative to the bundle folder for the include globs (`./resources/*.yml`). */
function includeMatcher(value: unknown): (relative: string) => boolean {
  const globs = (Array.isArray(value) ? value : [])
    .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    .map((glob) => new Minimatch(glob.trim().replace(/^(\.\/)+/, ''), { dot: true }));
  return (relative) => globs.some((glob) => glob.match(relative));
}
