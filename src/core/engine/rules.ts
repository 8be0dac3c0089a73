/**
 * The generic rule engine: each detection rule kind is one matcher over the facts.
 * Rules are data (knowledge/practices/*.yaml); nothing here knows about a tool.
 */
import type { Facts, CiStep, PythonCall } from '../model/facts';
import type { CiTrigger, DetectionRule, RuleKind, TogetherRule } from '../model/knowledge';
import type { Signal } from '../model/report';
import { globMatcher } from '../scan/globs';
import { commandLines } from '../facts/ci/follow';
import { normalizeDistName } from '../facts/python/requirementName';
import { importedModuleIn, importsOfModule, indexFacts, inModule, rootOf } from './factIndex';
import { importScope } from './importScope';
import { COMMENT_LINE, matchesLine, type PatternEngine } from './patterns';
import { findKeyPaths } from './yamlPaths';

/** Signals kept per rule: enough to show where, without flooding a report. */
const MAX_DETAIL = 160;
/** A commented-out line (`#` in Python, YAML, shell, Terraform, Makefiles) is not use. */

type Hit = Omit<Signal, 'rule' | 'strength' | 'tool'>;
type Matcher<K extends RuleKind> = (rule: Extract<DetectionRule, { kind: K }>, facts: Facts, engine: PatternEngine) => Hit[];

const matchers: { [K in RuleKind]: Matcher<K> } = {
  file: (rule, facts) => indexFacts(facts).files.matching(rule.glob).map((path) => ({ path })),
  dependency: (rule, facts) => {
    const names = new Set(rule.names.map(normalizeDistName));
    return facts.dependencies.filter((d) => names.has(d.name)).map((d) => ({ path: d.path, line: d.line, detail: `${d.name}${d.spec}` }));
  },
  import: (rule, facts) =>
    rule.modules.flatMap((m) => importsOfModule(facts, m).map((i) => ({ path: i.path, line: i.line, detail: `import ${importedModuleIn(i, m)}` }))),
  call: (rule, facts, engine) => {
    const match = globMatcher(rule.names);
    const imports = importingFilter(rule.importing, facts);
    const passes = (c: PythonCall) => rule.keyword === undefined || c.keywords.some((k, i) =>
      k === rule.keyword && (rule.value === undefined || matchesLine(rule.value, c.values?.[i] ?? '', engine)));
    return callCandidates(rule.names, facts)
      // The file filter first: a set lookup, cheaper than the glob on every call of a large repository.
      .filter((c) => imports(c.path) && match(c.name) && passes(c))
      .map((c) => ({ path: c.path, line: c.line, detail: callDetail(c, rule.value === undefined ? undefined : rule.keyword) }));
  },
  yaml: (rule, facts, engine) => {
    const match = globMatcher(rule.files);
    const { matchPathOf } = indexFacts(facts);
    const keyPath = rule.key.split('.');
    const valueMatches = (value: unknown, pattern: string | undefined) =>
      pattern === undefined || scalarsOf(value).some((v) => matchesLine(pattern, String(v), engine));
    const holds = (value: unknown, key: string[], pattern: string | undefined) =>
      findKeyPaths(value, key).some((found) => valueMatches(found.value, pattern));
    const where = (rule.where ?? []).map((w) => ({ key: w.key.split('.'), value: w.value }));
    return facts.yamlDocuments
      .filter((doc) => match(matchPathOf(doc.path)))
      .flatMap((doc) => findKeyPaths(doc.value, keyPath)
        .filter((found) => valueMatches(found.value, rule.value))
        .filter((found) => where.every((w) => holds(found.value, w.key, w.value)))
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
  'ci-python': (rule, facts, engine) => {
    const { importsByPath, callsByPath } = indexFacts(facts);
    const calls = rule.calls ? globMatcher(rule.calls) : undefined;
    return ciSteps(facts, rule.triggers).flatMap(({ path, step }) => {
      if (step.python === undefined) return [];
      if (rule.unless !== undefined && matchesLine(rule.unless, step.command ?? '', engine)) return [];
      const inRuleModules = (name: string) => rule.imports.some((m) => inModule(name, m));
      const fileCalls = callsByPath.get(step.python) ?? [];
      // `from google.cloud import aiplatform` imports `google.cloud`; the calls show the module used.
      const module = (importsByPath.get(step.python) ?? []).flatMap((i) => rule.imports.map((m) => importedModuleIn(i, m))).find((m) => m !== undefined)
        ?? fileCalls.find((c) => inRuleModules(c.name))?.name;
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
    const { texts, lines: linesOf, lineNumbers, scripts } = indexFacts(facts);
    const imports = importingFilter(rule.importing, facts);
    const matches = (pattern: string, line: string) => !COMMENT_LINE.test(line) && matchesLine(pattern, line, engine);
    const someLine = (lines: readonly string[], pattern: string) => lines.some((l) => matches(pattern, l));
    const hits: Hit[] = [];
    for (const path of texts.matching(rule.files)) {
      if (!imports(path)) continue;
      const lines = linesOf.get(path)!;
      if (rule.alongside !== undefined && !someLine(lines, rule.alongside)
        && !scripts.namedIn(path, lines).some((script) => someLine(linesOf.get(script) ?? [], rule.alongside!))) continue;
      const found = lines.findIndex((l) => matches(rule.pattern, l));
      if (found < 0) continue;
      const numbers = lineNumbers.get(path);
      const line = numbers ? numbers[found] : found + 1;
      hits.push({ path, ...(line !== undefined && { line }), detail: lines[found].trim() });
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
      // A hit without detail (a file) is its path: named once.
      const withWhat = companions.map((c) => (c!.detail === undefined ? c!.path : `${c!.detail}${c!.path === hit.path ? '' : ` in ${c!.path}`}`)).join(', ');
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
 * The calls a rule's name globs can match: those under a literal first segment
 * (`mlflow.*`), or with a literal last segment (`*.fit`), else every call.
 */
function callCandidates(names: readonly string[], facts: Facts): readonly PythonCall[] {
  const { callsByRoot, callsByLast, allCalls } = indexFacts(facts);
  const roots = names.map(rootOf);
  if (!roots.some(isGlob)) return [...new Set(roots)].flatMap((r) => callsByRoot.get(r) ?? []);
  const lasts = names.map((n) => n.slice(n.lastIndexOf('.') + 1));
  if (!lasts.some(isGlob)) return [...new Set(lasts)].flatMap((l) => callsByLast.get(l) ?? []);
  return allCalls;
}

/**
 * Whether a file imports one of the modules (or a submodule): for names that imports
 * cannot resolve, like methods of an SDK's objects (`run.log` after `run = Run.get_context()`).
 */
function importingFilter(modules: readonly string[] | undefined, facts: Facts): (path: string) => boolean {
  if (modules === undefined) return () => true;
  const paths = new Set(modules.flatMap((m) => importsOfModule(facts, m).map((i) => i.path)));
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
function scalarsOf(value: unknown, depth = 0): (string | number | boolean)[] {
  if (isScalar(value)) return [value];
  if (Array.isArray(value)) return value.flatMap((item) => (isScalar(item) ? [item] : depth < 3 && isIntrinsic(item) ? scalarsOf(item, depth + 1) : []));
  // A CloudFormation intrinsic (`!Sub "arn:..."` reads as {'Fn::Sub': 'arn:...'}) stands for
  // the value its argument spells out.
  return depth < 3 && isIntrinsic(value) ? scalarsOf(Object.values(value)[0], depth + 1) : [];
}

function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function cut(text: string, max = MAX_DETAIL): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
