/**
 * The generic check engine: each check kind is one matcher from facts (and the
 * practice's own signals) to located findings. Checks are data in the practice files.
 */
import type { Facts } from '../model/facts';
import type { CheckDef, Practice } from '../model/knowledge';
import type { Signal } from '../model/report';
import { importingFilter, indexFacts } from './factIndex';
import { importScope } from './importScope';
import { globMatcher } from '../scan/globs';
import { parentOf } from '../scope/templates';
import { findKeyPaths } from './yamlPaths';

/** A finding before the assessment gives it a severity. */
export interface RawFinding {
  id: string;
  practice: string;
  message: string;
  path: string;
  line?: number;
  detail?: string;
}

type Hit = { path: string; line?: number; detail?: string };
type Matcher<K extends CheckDef['kind']> = (check: Extract<CheckDef, { kind: K }>, facts: Facts, signals: readonly Signal[]) => Hit[];

const matchers: { [K in CheckDef['kind']]: Matcher<K> } = {
  'file-without-signal': (check, facts, signals) => {
    const withSignal = new Set(signals.map((s) => s.path));
    const signalled = (path: string) => (check.scope === 'imports' ? [...importScope(facts, path)].some((file) => withSignal.has(file)) : withSignal.has(path));
    const importing = importingFilter(check.importing, facts);
    const running = check.runsCommands ? new Set(facts.ci.filter((p) => p.jobs.some((j) => j.steps.some((s) => s.command !== undefined))).map((p) => p.path)) : undefined;
    return indexFacts(facts).files.matching(check.files)
      .filter((path) => importing(path) && (running?.has(path) ?? true) && !signalled(path))
      .map((path) => ({ path }));
  },
  'yaml-missing-key': (check, facts) => {
    const match = globMatcher(check.files);
    const { matchPathOf } = indexFacts(facts);
    const each = check.each ? check.each.split('.') : [];
    return facts.yamlDocuments.filter((doc) => match(matchPathOf(doc.path))).flatMap((doc) =>
      findKeyPaths(doc.value, each)
        .filter(({ value }) => isMapping(value) && !check.keys.some((key) => Object.hasOwn(value, key)))
        .map(({ path }) => ({
          path: doc.path,
          line: (path.length > 0 ? doc.lineOf?.(path) : undefined) ?? doc.line,
          ...(path.length > 0 ? { detail: String(path[path.length - 1]) } : {}),
        })));
  },
  'unpinned-dependency': (_check, facts) =>
    facts.dependencies
      .filter((d) => d.source === 'requirements' && !d.pinned)
      .map((d) => ({ path: d.path, line: d.line, detail: `${d.name}${d.spec}` })),
  'unpinned-base-image': (_check, facts) =>
    facts.dockerfiles.flatMap((file) => file.from)
      .filter((ref) => !ref.pinned)
      .map((ref) => ({ path: ref.path, line: ref.line, detail: `${ref.image}${ref.tag ? `:${ref.tag}` : ''}` })),
};

/** Findings of a practice's checks, given all of the practice's signals. */
export function runChecks(practice: Practice, facts: Facts, signals: readonly Signal[]): RawFinding[] {
  return practice.checks.flatMap((check) => {
    const excluded = check.exclude ? globMatcher(check.exclude) : () => false;
    const covered = coveredBy(practice.id, check, signals);
    return (matchers[check.kind] as Matcher<CheckDef['kind']>)(check as never, facts, signals).filter((hit) => !excluded(hit.path) && !covered(hit.path)).map((hit) => ({
      id: `${practice.id}/${check.id}`,
      practice: practice.id,
      message: check.message.replace('{detail}', hit.detail ?? ''),
      path: hit.path,
      ...(hit.line !== undefined ? { line: hit.line } : {}),
      ...(hit.detail !== undefined ? { detail: hit.detail } : {}),
    }));
  });
}

/** Whether the practice already holds at a path, by the check's `coveredBy`. */
function coveredBy(practiceId: string, check: CheckDef, signals: readonly Signal[]): (path: string) => boolean {
  if (!check.coveredBy) return () => false;
  const signalPaths = (rules: readonly string[] | undefined): Set<string> => {
    const ids = new Set((rules ?? []).map((rule) => `${practiceId}/${rule}`));
    return new Set(signals.filter((s) => ids.has(s.rule)).map((s) => s.path));
  };
  const files = signalPaths(check.coveredBy.file);
  const folders = new Set([...signalPaths(check.coveredBy.folder)].map(parentOf));
  return (path) => files.has(path) || folders.has(parentOf(path));
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
