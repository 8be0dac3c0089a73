/**
 * The generic rule engine: each detection rule kind is one matcher over the facts.
 * Rules are data (knowledge/practices/*.yaml); nothing here knows about a tool.
 */
import type { Facts, CiStep, PythonCall } from '../model/facts';
import type { CiTrigger, DetectionRule, RuleKind, TogetherRule } from '../model/knowledge';
import type { Signal } from '../model/report';
import { globMatcher } from '../scan/globs';
import { normalizeDistName } from '../facts/python/requirementName';
import { indexFacts, rootOf } from './factIndex';
import { importScope } from './importScope';
import { matchesLine, type PatternEngine } from './patterns';
import { findKeyPaths } from './yamlPaths';

/** Signals kept per rule: enough to show where, without flooding a report. */
const MAX_DETAIL = 160;
/** A commented-out line (`#` in Python, YAML, shell, Terraform, Makefiles) is not use. */
const COMMENT_LINE = /^\s*#/;

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
  call: (rule, facts, engine) => {
    const { callsByRoot } = indexFacts(facts);
    const match = globMatcher(rule.names);
    // A glob whose first segment is literal only needs the calls under that module.
    const roots = rule.names.map(rootOf);
    const candidates = roots.some(isGlob) ? [...callsByRoot.values()].flat() : [...new Set(roots)].flatMap((r) => callsByRoot.get(r) ?? []);
    const imports = importingFilter(rule.importing, facts);
    const passes = (c: PythonCall) => rule.keyword === undefined || c.keywords.some((k, i) =>
      k === rule.keyword && (rule.value === undefined || matchesLine(rule.value, c.values?.[i] ?? '', engine)));
    return candidates
      .filter((c) => match(c.name) && passes(c) && imports(c.path))
      .map((c) => ({ path: c.path, line: c.line, detail: callDetail(c, rule.value === undefined ? undefined : rule.keyword) }));
  },
  yaml: (rule, facts, engine) => {
    const match = globMatcher(rule.files);
    const keyPath = rule.key.split('.');
    const holds = (value: unknown, key: string[], pattern: string | undefined) =>
      findKeyPaths(value, key).some((found) => pattern === undefined || scalarsOf(found.value).some((v) => matchesLine(pattern, String(v), engine)));
    const where = (rule.where ?? []).map((w) => ({ key: w.key.split('.'), value: w.value }));
    return facts.yamlDocuments
      .filter((doc) => match(doc.path))
      .flatMap((doc) => findKeyPaths(doc.value, keyPath)
        .filter((found) => rule.value === undefined || scalarsOf(found.value).some((v) => matchesLine(rule.value!, String(v), engine)))
        .filter((found) => where.every((w) => holds(found.value, w.key, w.value)))
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
    const imports = importingFilter(rule.importing, facts);
    const hits: Hit[] = [];
    for (const path of texts.matching(rule.files)) {
      if (!imports(path)) continue;
      const lines = linesOf.get(path)!;
      const matches = (pattern: string, line: string) => !COMMENT_LINE.test(line) && matchesLine(pattern, line, engine);
      if (rule.alongside !== undefined && !lines.some((l) => matches(rule.alongside!, l))) continue;
      const found = lines.findIndex((l) => matches(rule.pattern, l));
      if (found >= 0) hits.push({ path, line: found + 1, detail: lines[found].trim() });
    }
    return hits;
  },
  'pinned-requirements': (rule, facts) =>
    facts.requirementsFiles
      .filter((r) => r.requirements > 0 && (r.hashed || r.pinned >= r.requirements * (rule.share ?? 1)))
      .map((r) => ({
        path: r.path,
        line: r.line,
        detail: r.hashed ? `${r.requirements} requirements, all pinned with hashes`
          : r.pinned === r.requirements ? `${r.requirements} requirements, all pinned` : `${r.pinned} of ${r.requirements} requirements pinned`,
      })),
  together: (rule, facts, engine) => {
    const [anchor, ...others] = rule.rules.map((r) => hitsOf(r, facts, engine));
    return anchor.flatMap((hit) => {
      const scope = scopeOf(rule, facts, hit.path);
      const companions = others.map((hits) => hits.find((h) => scope === 'anywhere' || scope.has(h.path)));
      if (companions.some((c) => c === undefined)) return [];
      const withWhat = companions.map((c) => `${c!.detail ?? c!.path}${c!.path === hit.path ? '' : ` in ${c!.path}`}`).join(', ');
      return [{ ...hit, detail: `${hit.detail ?? hit.path} with ${withWhat}` }];
    });
  },
};

/** The hits of one rule, less those in paths the rule excludes. */
function hitsOf(rule: DetectionRule, facts: Facts, engine: PatternEngine): Hit[] {
  const hits = (matchers[rule.kind] as Matcher<RuleKind>)(rule as never, facts, engine);
  if (!rule.exclude) return hits;
  const excluded = globMatcher(rule.exclude);
  return hits.filter((h) => !excluded(h.path));
}

/** The paths a `together` rule's other sub-rules must match in, around one match of its first. */
function scopeOf(rule: TogetherRule, facts: Facts, path: string): ReadonlySet<string> | 'anywhere' {
  switch (rule.scope) {
    case 'repository': return 'anywhere';
    case 'imports': return importScope(facts, path);
    default: return new Set([path]);
  }
}

/** Every rule with the sub-rules of `together` rules, for callers that plan what to read. */
export function flattenRules(rules: readonly DetectionRule[]): DetectionRule[] {
  return rules.flatMap((r) => (r.kind === 'together' ? [r, ...flattenRules(r.rules)] : [r]));
}

/** The signals one rule of one practice finds in the facts (deduplicated; reports cap them). */
export function evaluateRule(rule: DetectionRule, facts: Facts, practiceId: string, engine: PatternEngine = 'native'): Signal[] {
  const hits = hitsOf(rule, facts, engine);
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

/**
 * Whether a file imports one of the modules (or a submodule): for names that imports
 * cannot resolve, like methods of an SDK's objects (`run.log` after `run = Run.get_context()`).
 */
function importingFilter(modules: readonly string[] | undefined, facts: Facts): (path: string) => boolean {
  if (modules === undefined) return () => true;
  const { importsByRoot } = indexFacts(facts);
  const paths = new Set(modules.flatMap((m) =>
    (importsByRoot.get(rootOf(m)) ?? []).filter((i) => i.module === m || i.module.startsWith(`${m}.`)).map((i) => i.path)));
  return (path) => paths.has(path);
}

/** `name()` or `@name`; with a keyword whose value a rule checks, `name(keyword=value)`. */
function callDetail(call: PythonCall, keyword: string | undefined): string {
  if (call.decorator) return `@${call.name}`;
  const at = keyword === undefined ? -1 : call.keywords.indexOf(keyword);
  return at < 0 ? `${call.name}()` : `${call.name}(${keyword}=${call.values?.[at] ?? '…'})`;
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
