/**
 * The generic rule engine: each detection rule kind is one matcher over the facts.
 * Rules are data (knowledge/practices/*.yaml); nothing here knows about a tool.
 */
import type { Facts, CiStep } from '../model/facts';
import type { CiTrigger, DetectionRule, RuleKind } from '../model/knowledge';
import type { Signal } from '../model/report';
import { globMatcher } from '../scan/globs';
import { commandLines } from '../facts/ci/follow';
import { normalizeDistName } from '../facts/python/requirementName';
import { indexFacts, rootOf } from './factIndex';
import { matchesLine, type PatternEngine } from './patterns';
import { findKeyPaths } from './yamlPaths';

/** Signals kept per rule: enough to show where, without flooding a report. */
const MAX_DETAIL = 160;

type Hit = Omit<Signal, 'rule' | 'strength' | 'tool'>;
type Matcher<K extends RuleKind> = (rule: Extract<DetectionRule, { kind: K }>, facts: Facts, engine: PatternEngine) => Hit[];

const matchers: { [K in RuleKind]: Matcher<K> } = {
  file: (rule, facts) => indexFacts(facts).files.matching(rule.glob).map((path) => ({ path })),
  dependency: (rule, facts) => {
    const names = new Set(rule.names.map(normalizeDistName));
    return facts.dependencies.filter((d) => names.has(d.name)).map((d) => ({ path: d.path, line: d.line, detail: `${d.name}${d.spec}` }));
  },
  import: (rule, facts) => {
    const { importsByRoot } = indexFacts(facts);
    return rule.modules.flatMap((m) =>
      (importsByRoot.get(rootOf(m)) ?? [])
        .filter((i) => i.module === m || i.module.startsWith(`${m}.`))
        .map((i) => ({ path: i.path, line: i.line, detail: `import ${i.module}` })));
  },
  call: (rule, facts) => {
    const { callsByRoot } = indexFacts(facts);
    const match = globMatcher(rule.names);
    // A glob whose first segment is literal only needs the calls under that module.
    const roots = rule.names.map(rootOf);
    const candidates = roots.some(isGlob) ? [...callsByRoot.values()].flat() : [...new Set(roots)].flatMap((r) => callsByRoot.get(r) ?? []);
    return candidates
      .filter((c) => match(c.name) && (rule.keyword === undefined || c.keywords.includes(rule.keyword)))
      .map((c) => ({ path: c.path, line: c.line, detail: `${c.decorator ? '@' : ''}${c.name}${c.decorator ? '' : '()'}` }));
  },
  yaml: (rule, facts, engine) => {
    const match = globMatcher(rule.files);
    const keyPath = rule.key.split('.');
    return facts.yamlDocuments
      .filter((doc) => match(doc.path))
      .flatMap((doc) => findKeyPaths(doc.value, keyPath)
        .filter((found) => rule.value === undefined || scalarsOf(found.value).some((v) => matchesLine(rule.value!, String(v), engine)))
        .map((found) => ({
          path: doc.path,
          line: doc.lineOf?.(found.path) ?? doc.line,
          detail: found.path.join('.'),
        })));
  },
  'ci-command': (rule, facts, engine) =>
    ciSteps(facts, rule.triggers, rule.exceptTriggers).flatMap(({ path, step }) => {
      const line = step.command === undefined ? undefined : commandLine(step.command, rule.patterns, engine);
      return line === undefined ? [] : [{ path, line: step.line, detail: followed(line.trim(), step) }];
    }),
  'ci-uses': (rule, facts) => {
    const match = globMatcher(rule.names);
    return ciSteps(facts).filter(({ step }) => step.uses && match(step.uses)).map(({ path, step }) => ({ path, line: step.line, detail: followed(`uses ${step.uses}`, step) }));
  },
  'ci-trigger': (rule, facts, engine) => {
    const ignoredUses = globMatcher(rule.ignoreSteps?.uses ?? []);
    const ignored = (step: CiStep) => (step.uses !== undefined && ignoredUses(step.uses))
      || (step.command !== undefined && commandLines(step.command).every((l) => (rule.ignoreSteps?.patterns ?? []).some((p) => matchesLine(p, l, engine))));
    return facts.ci.flatMap((pipeline) => {
      // A pipeline counts through its jobs on these triggers that do more than ignored steps.
      const jobs = pipeline.jobs.filter((job) => (job.triggers ?? pipeline.triggers).some((t) => rule.triggers.includes(t)));
      const working = rule.ignoreSteps ? jobs.filter((job) => job.steps.some((step) => !ignored(step))) : jobs;
      const triggers = new Set(rule.ignoreSteps ? working.flatMap((j) => j.triggers ?? pipeline.triggers) : [...pipeline.triggers, ...pipeline.jobs.flatMap((j) => j.triggers ?? [])]);
      const hit = rule.triggers.find((t) => triggers.has(t));
      return hit ? [{ path: pipeline.path, line: pipeline.line, detail: `on ${hit}` }] : [];
    });
  },
  'ci-python': (rule, facts) => {
    const { importsByPath, callsByPath } = indexFacts(facts);
    const calls = rule.calls ? globMatcher(rule.calls) : undefined;
    return ciSteps(facts, rule.triggers).flatMap(({ path, step }) => {
      if (step.python === undefined) return [];
      const inModule = (name: string) => rule.imports.some((m) => name === m || name.startsWith(`${m}.`));
      const fileCalls = callsByPath.get(step.python) ?? [];
      // `from google.cloud import aiplatform` imports `google.cloud`; the calls show the module used.
      const module = (importsByPath.get(step.python) ?? []).find((i) => inModule(i.module))?.module
        ?? fileCalls.find((c) => inModule(c.name))?.name;
      if (module === undefined || (calls && !fileCalls.some((c) => calls(c.name)))) return [];
      return [{ path, line: step.line, detail: followed(`runs ${step.python} (uses ${module})`, step) }];
    });
  },
  dockerfile: (rule, facts, engine) =>
    facts.dockerfiles.flatMap((file) =>
      file.instructions
        .filter((i) => i.keyword.toUpperCase() === rule.instruction && (rule.pattern === undefined || matchesLine(rule.pattern, i.args, engine)))
        .map((i) => ({ path: file.path, line: i.line, detail: `${i.keyword} ${i.args}` }))),
  manifest: (rule, facts) => {
    const kinds = new Set(rule.kinds.map((k) => k.toLowerCase()));
    return facts.manifests.filter((m) => kinds.has(m.kind.toLowerCase())).map((m) => ({ path: m.path, line: m.line, detail: `kind: ${m.kind}` }));
  },
  content: (rule, facts, engine) => {
    const { texts, lines: linesOf } = indexFacts(facts);
    const hits: Hit[] = [];
    for (const path of texts.matching(rule.files)) {
      const lines = linesOf.get(path)!;
      const found = lines.findIndex((l) => matchesLine(rule.pattern, l, engine));
      if (found >= 0) hits.push({ path, line: found + 1, detail: lines[found].trim() });
    }
    return hits;
  },
  'pinned-requirements': (_rule, facts) =>
    facts.requirementsFiles
      .filter((r) => r.requirements > 0 && (r.hashed || r.pinned === r.requirements))
      .map((r) => ({ path: r.path, line: r.line, detail: `${r.requirements} requirements, all pinned${r.hashed ? ' with hashes' : ''}` })),
};

/** The signals one rule of one practice finds in the facts (deduplicated; reports cap them). */
export function evaluateRule(rule: DetectionRule, facts: Facts, practiceId: string, engine: PatternEngine = 'native'): Signal[] {
  const hits = (matchers[rule.kind] as Matcher<RuleKind>)(rule as never, facts, engine);
  const seen = new Set<string>();
  const signals: Signal[] = [];
  for (const hit of hits) {
    const key = `${hit.path}:${hit.line ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    signals.push({
      path: hit.path,
      ...(hit.line !== undefined ? { line: hit.line } : {}),
      rule: `${practiceId}/${rule.id}`,
      strength: rule.strength ?? 'configured',
      ...(rule.tool ? { tool: rule.tool } : {}),
      ...(hit.detail !== undefined ? { detail: cut(hit.detail) } : {}),
    });
  }
  return signals;
}

function isGlob(segment: string): boolean {
  return /[*?[\]{}!]/.test(segment);
}

/** Steps of the jobs run by one of `triggers` (any when not given) and by none of `except`. */
function ciSteps(facts: Facts, triggers?: readonly CiTrigger[], except?: readonly CiTrigger[]): { path: string; step: CiStep }[] {
  return facts.ci.flatMap((pipeline) =>
    pipeline.jobs
      .filter((job) => {
        const own = job.triggers ?? pipeline.triggers;
        return (!triggers || own.some((t) => triggers.includes(t))) && !(except && own.some((t) => except.includes(t)));
      })
      .flatMap((job) => job.steps.map((step) => ({ path: step.path, step }))));
}

/** The first line of a command that matches; commented-out lines (`# pytest`) never do. */
function commandLine(command: string, patterns: readonly string[], engine: PatternEngine): string | undefined {
  return commandLines(command).find((l) => patterns.some((p) => matchesLine(p, l, engine)));
}

/** A signal's detail, saying where a followed step was reached from (kept when a long command is cut). */
function followed(detail: string, step: CiStep): string {
  if (!step.via) return detail;
  const via = ` (via ${step.via.path}${step.via.line !== undefined ? `:${step.via.line}` : ''})`;
  return `${cut(detail, Math.max(MAX_DETAIL - via.length, MAX_DETAIL / 2))}${via}`;
}

/** The scalar at a key, or the scalars of a list there (a rule's value may match any item). */
function scalarsOf(value: unknown): (string | number | boolean)[] {
  return Array.isArray(value) ? value.filter(isScalar) : isScalar(value) ? [value] : [];
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function cut(text: string, max = MAX_DETAIL): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
