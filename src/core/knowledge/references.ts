/**
 * Consistency checks across the knowledge base: unique ids, and every reference
 * (evidence, dimension, benefit, practice in a condition) resolving.
 */
import type { YamlDoc } from '../facts/yamlSource';
import type { Citation, Condition, DetectionRule, KnowledgeBase, Practice } from '../model/knowledge';
import type { DataIssue } from './errors';
import type { YamlPath } from './shape';
import { locate } from './yamlFile';

/** Resolves the things a practice or condition may refer to. */
export interface ReferenceScope {
  claims: Map<string, { unverified: boolean }>;
  /** Claims a benefit cites as a reported benefit: the only ones a practice may cite as `supports: benefit`. */
  reportedBenefits: Set<string>;
  dimensions: Set<string>;
  benefits: Set<string>;
  practices: Set<string>;
}

type Report = (path: YamlPath, reason: string) => void;

export function scopeOf(knowledge: KnowledgeBase): ReferenceScope {
  return {
    claims: new Map(knowledge.sources.flatMap((s) => s.claims.map((c) => [`${s.id}#${c.id}`, { unverified: c.unverified === true }]))),
    reportedBenefits: new Set(knowledge.benefits.flatMap((b) => b.citations.filter((c) => c.supports === 'benefit').map((c) => c.ref))),
    dimensions: new Set(knowledge.dimensions.map((d) => d.id)),
    benefits: new Set(knowledge.benefits.map((b) => b.id)),
    practices: new Set(knowledge.practices.map((p) => p.id)),
  };
}

/** Every consistency problem of a parsed knowledge base, located in its files. */
export function checkReferences(knowledge: KnowledgeBase, docs: Map<string, YamlDoc>): DataIssue[] {
  const issues: DataIssue[] = [];
  const reporter = (file: string): Report => (path, reason) => issues.push(locate(file, docs.get(file), path, reason));
  const scope = scopeOf(knowledge);

  duplicates(knowledge.dimensions.map((d) => d.id), ['dimensions'], reporter('dimensions.yaml'));
  duplicates(knowledge.sources.map((s) => s.id), ['sources'], reporter('sources.yaml'));
  knowledge.sources.forEach((s, i) => duplicates(s.claims.map((c) => c.id), ['sources', i, 'claims'], reporter('sources.yaml')));
  duplicates(knowledge.benefits.map((b) => b.id), ['benefits'], reporter('benefits.yaml'));
  duplicates(knowledge.tradeoffs.map((t) => t.id), ['tradeoffs'], reporter('tradeoffs.yaml'));
  const seenPractices = new Map<string, string>();
  for (const practice of knowledge.practices) {
    const report = reporter(practice.file);
    const other = seenPractices.get(practice.id);
    if (other) report(['id'], `practice '${practice.id}' is also defined in ${other}`);
    seenPractices.set(practice.id, practice.file);
    checkPractice(practice, scope, report);
  }

  knowledge.benefits.forEach((b, i) => checkEvidence(b.citations, scope, ['benefits', i, 'evidence'], reporter('benefits.yaml')));
  checkEvidence(knowledge.scoring.citations, scope, ['scoring', 'evidence'], reporter('scoring.yaml'));
  knowledge.tradeoffs.forEach((t, i) => {
    checkEvidence(t.citations, scope, ['tradeoffs', i, 'evidence'], reporter('tradeoffs.yaml'));
    checkCondition(t.when, scope, ['tradeoffs', i, 'when'], reporter('tradeoffs.yaml'));
  });

  const levels = reporter('levels.yaml');
  knowledge.levels.forEach((l, i) => {
    if (l.level !== i) levels(['levels', i, 'level'], `levels must be listed 0 to 4 in order; expected ${i}`);
    if (i === 0 && l.when) levels(['levels', i, 'when'], 'level 0 is the default and takes no condition');
    if (i > 0 && !l.when) levels(['levels', i], `level ${i} needs a 'when' condition`);
    checkEvidence(l.citations, scope, ['levels', i, 'evidence'], levels);
    if (l.when) checkCondition(l.when, scope, ['levels', i, 'when'], levels);
    l.foundations?.forEach((item, j) => item.forEach((practice, k) => {
      if (!scope.practices.has(practice)) levels(['levels', i, 'foundations', j, k], `unknown practice '${practice}'`);
    }));
  });
  if (knowledge.levels.length !== 5) levels(['levels'], 'expected exactly five levels, 0 to 4');
  knowledge.collections?.sharedPractices.forEach((practice, i) => {
    if (!scope.practices.has(practice)) levels(['collections', 'sharedPractices', i], `unknown practice '${practice}'`);
  });

  const stages = reporter('stages.yaml');
  duplicates(knowledge.stages.map((s) => s.id), ['stages'], stages);
  knowledge.stages.forEach((s, i) => {
    const last = i === knowledge.stages.length - 1;
    if (last && s.when) stages(['stages', i, 'when'], 'the last stage is the default and takes no condition');
    if (!last && !s.when) stages(['stages', i], "every stage but the last needs a 'when' condition");
    checkEvidence(s.citations, scope, ['stages', i, 'evidence'], stages);
    if (s.when) checkCondition(s.when, scope, ['stages', i, 'when'], stages);
  });
  if (knowledge.stages.length !== 3) stages(['stages'], 'expected the three stages prototype, pilot and production');

  const scopeFile = reporter('scope.yaml');
  const practiceList = (ids: readonly string[], path: YamlPath) => ids.forEach((id, i) => {
    if (!scope.practices.has(id)) scopeFile([...path, i], `unknown practice '${id}'`);
  });
  practiceList(knowledge.scope.libraries.sourceNotEvidenceOf, ['scope', 'libraries', 'sourceNotEvidenceOf']);
  const tools = new Set(knowledge.practices.flatMap((p) => p.detect.flatMap((r) => (r.tool ? [r.tool] : []))));
  knowledge.scope.mlCode.generalTools.forEach((tool, i) => {
    if (!tools.has(tool)) scopeFile(['scope', 'mlCode', 'generalTools', i], `no rule names the tool '${tool}'`);
  });
  const rules = new Set(knowledge.practices.flatMap((p) => p.detect.map((r) => `${p.id}/${r.id}`)));
  (knowledge.scope.mlCode.generalRules ?? []).forEach((rule, i) => {
    if (!rules.has(rule)) scopeFile(['scope', 'mlCode', 'generalRules', i], `unknown rule '${rule}'`);
  });
  return issues;
}

/** Check one practice's references (also used for custom practices in a config file). */
export function checkPractice(practice: Practice, scope: ReferenceScope, report: Report, prefix: YamlPath = []): void {
  if (!scope.dimensions.has(practice.dimension)) {
    report([...prefix, 'dimension'], `unknown dimension '${practice.dimension}'; expected one of ${[...scope.dimensions].join(', ')}`);
  }
  checkEvidence(practice.citations, scope, [...prefix, 'evidence'], report);
  practice.citations.forEach((c, i) => {
    if (c.supports === 'benefit' && !scope.reportedBenefits.has(c.ref)) {
      report([...prefix, 'evidence', i, 'supports'], `'${c.ref}' is cited as a benefit, but no benefit in benefits.yaml cites it as a reported benefit`);
    }
  });
  practice.benefits.forEach((b, i) => {
    if (!scope.benefits.has(b)) report([...prefix, 'benefits', i], `unknown benefit '${b}'; expected one of ${[...scope.benefits].join(', ')}`);
  });
  duplicates(practice.detect.map((r) => r.id), [...prefix, 'detect'], report);
  practice.detect.forEach((rule, i) => checkRule(rule, [...prefix, 'detect', i], report));
  duplicates(practice.checks.map((c) => c.id), [...prefix, 'checks'], report);
  const ruleIds = new Set(practice.detect.map((r) => r.id));
  practice.checks.forEach((check, i) => {
    for (const within of ['file', 'folder'] as const) {
      check.coveredBy?.[within]?.forEach((id, j) => {
        if (!ruleIds.has(id)) report([...prefix, 'checks', i, 'coveredBy', within, j], `unknown rule '${id}': coveredBy names rules of this practice's detect`);
      });
    }
  });
}

/** Rule fields that only make sense together. */
function checkRule(rule: DetectionRule, path: YamlPath, report: Report): void {
  if (rule.kind === 'call' && rule.value !== undefined && rule.keyword === undefined) {
    report([...path, 'value'], "a call rule's value is the value of its keyword; give the keyword too");
  }
  if (rule.kind === 'together') {
    duplicates(rule.rules.map((r) => r.id), [...path, 'rules'], report);
    rule.rules.forEach((sub, i) => checkRule(sub, [...path, 'rules', i], report));
  }
}

/**
 * Citations resolve to claims, never to an unverified one (those are never shown as a
 * finding), and an indirect one says how it bears on the item.
 */
function checkEvidence(citations: readonly Citation[], scope: ReferenceScope, path: YamlPath, report: Report): void {
  citations.forEach((c, i) => {
    const claim = scope.claims.get(c.ref);
    if (!claim) report([...path, i, 'ref'], `evidence '${c.ref}' does not resolve to a claim in sources.yaml`);
    else if (claim.unverified) report([...path, i, 'ref'], `'${c.ref}' is unverified (seen only in a secondary summary): it may not be cited as evidence`);
    if (c.indirect && !c.note) report([...path, i], 'an indirect citation needs a note saying how the claim bears on this');
  });
}

function checkCondition(condition: Condition, scope: ReferenceScope, path: YamlPath, report: Report): void {
  if ('all' in condition) condition.all.forEach((c, i) => checkCondition(c, scope, [...path, 'all', i], report));
  else if ('any' in condition) condition.any.forEach((c, i) => checkCondition(c, scope, [...path, 'any', i], report));
  else if ('not' in condition) checkCondition(condition.not, scope, [...path, 'not'], report);
  else if ('practice' in condition && !scope.practices.has(condition.practice)) {
    report([...path, 'practice'], `unknown practice '${condition.practice}'`);
  }
}

function duplicates(ids: readonly string[], path: YamlPath, report: Report): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) report([...path, i, 'id'], `duplicate id '${id}'`);
    seen.add(id);
  });
}
