/**
 * The generic rule engine: each detection rule kind is one matcher over the facts.
 * Rules are data (knowledge/practices/*.yaml); nothing here knows about a tool.
 */
import type { Facts, CiStep } from '../model/facts';
import type { CiTrigger, DetectionRule, RuleKind } from '../model/knowledge';
import type { Signal } from '../model/report';
import { globMatcher } from '../scan/globs';
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
    const { matchPathOf } = indexFacts(facts);
    const keyPath = rule.key.split('.');
    return facts.yamlDocuments
      .filter((doc) => match(matchPathOf(doc.path)))
      .flatMap((doc) => findKeyPaths(doc.value, keyPath)
        .filter((found) => rule.value === undefined || scalarsOf(found.value).some((v) => matchesLine(rule.value!, String(v), engine)))
        .map((found) => ({
          path: doc.path,
          line: doc.lineOf?.(found.path) ?? doc.line,
          detail: found.path.join('.'),
        })));
  },
  'ci-command': (rule, facts, engine) =>
    ciSteps(facts, rule.triggers).flatMap(({ path, step }) => {
      const line = step.command?.split('\n').find((l) => rule.patterns.some((p) => matchesLine(p, l, engine)));
      return line === undefined ? [] : [{ path, line: step.line, detail: line.trim() }];
    }),
  'ci-uses': (rule, facts) => {
    const match = globMatcher(rule.names);
    return ciSteps(facts).filter(({ step }) => step.uses && match(step.uses)).map(({ path, step }) => ({ path, line: step.line, detail: `uses ${step.uses}` }));
  },
  'ci-trigger': (rule, facts) =>
    facts.ci.flatMap((pipeline) => {
      const triggers = new Set([...pipeline.triggers, ...pipeline.jobs.flatMap((j) => j.triggers ?? [])]);
      const hit = rule.triggers.find((t) => triggers.has(t));
      return hit ? [{ path: pipeline.path, line: pipeline.line, detail: `on ${hit}` }] : [];
    }),
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

function ciSteps(facts: Facts, triggers?: readonly CiTrigger[]): { path: string; step: CiStep }[] {
  return facts.ci.flatMap((pipeline) =>
    pipeline.jobs
      .filter((job) => !triggers || (job.triggers ?? pipeline.triggers).some((t) => triggers.includes(t)))
      .flatMap((job) => job.steps.map((step) => ({ path: step.path, step }))));
}

/** The scalar at a key, or the scalars of a list there (a rule's value may match any item). */
function scalarsOf(value: unknown): (string | number | boolean)[] {
  return Array.isArray(value) ? value.filter(isScalar) : isScalar(value) ? [value] : [];
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function cut(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}
