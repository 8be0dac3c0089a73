/** GitLab CI (`.gitlab-ci.yml` and included `*.gitlab-ci.yml` files). */
import type { CiJob } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import type { Extractor } from '../extractor';
import { asRecord, asStrings, parseYaml, type YamlDoc } from '../yamlSource';
import { narrowerTriggers, orderTriggers, scriptSteps, type YamlPath } from './common';
import { notAMapping } from '../yamlShape';
import { followJobs } from './follow';

/** Top-level keys that configure the pipeline rather than name a job. */
const KEYWORDS = new Set([
  'stages', 'variables', 'default', 'include', 'workflow', 'image', 'services',
  'before_script', 'after_script', 'cache', 'spec',
]);

const SCRIPT_KEYS = ['before_script', 'script', 'after_script'] as const;

/** `$CI_PIPELINE_SOURCE` values mapped to triggers; unknown values are `other`. */
const PIPELINE_SOURCES: Record<string, CiTrigger> = {
  push: 'push',
  merge_request_event: 'pull_request',
  external_pull_request_event: 'pull_request',
  schedule: 'schedule',
  web: 'manual',
};

/** `only:` refs mapped to triggers; anything else is a branch name or pattern, i.e. push. */
const ONLY_REFS: Record<string, CiTrigger> = {
  schedules: 'schedule',
  tags: 'tag',
  merge_requests: 'pull_request',
  external_pull_requests: 'pull_request',
  web: 'manual',
  api: 'other',
  triggers: 'other',
  pipelines: 'other',
  chat: 'other',
};

/** GitLab caps `extends` nesting at 11 levels; the cap also stops cycles. */
const MAX_EXTENDS_DEPTH = 11;

export const extractor: Extractor = {
  id: 'gitlab-ci',
  files: ['.gitlab-ci.yml', '**/*.gitlab-ci.yml', '**/*.gitlab-ci.yaml', '.gitlab/ci/**/*.yml'],
  async extract(file, ctx) {
    // Several documents when a CI/CD component puts its `spec:` header first.
    const docs = parseYaml(file.text);
    const roots = docs.flatMap((doc) => {
      const root = asRecord(doc.value);
      return root ? [{ doc, root }] : [];
    });
    if (roots.length === 0) {
      const content = docs.find((doc) => doc.value !== null && doc.value !== undefined);
      if (content) throw notAMapping(content.value);
      return {};
    }
    const allTriggers: CiTrigger[] = ['push'];
    const jobs: CiJob[] = [];
    for (const { doc, root } of roots) {
      allTriggers.push(...(rulesTriggers(asRecord(root.workflow)?.rules) ?? []));
      for (const name of Object.keys(root)) {
        const job = readJob(file.path, doc, root, name);
        if (!job) continue;
        jobs.push(job);
        allTriggers.push(...(job.triggers ?? []));
      }
    }
    for (const { doc, root } of roots) jobs.push(...includeJobs(file.path, doc, root.include));
    const triggers = orderTriggers(allTriggers);
    const narrowed = jobs.map(({ triggers: own, ...job }): CiJob => {
      const narrower = own && narrowerTriggers(own, triggers);
      return narrower ? { ...job, triggers: narrower } : job;
    });
    await followJobs(narrowed, ctx);
    return { ci: [{ path: file.path, system: 'gitlab', triggers, schedules: [], jobs: narrowed }] };
  },
};

/**
 * Included configuration (`include: ci/test.yml`, `{template: ...}`, `{project, file}`,
 * `{component: ...}`): its jobs are not in this file, so each include is a job whose one
 * step uses it, as a reusable template is elsewhere.
 */
function includeJobs(file: string, doc: YamlDoc, include: unknown): CiJob[] {
  const entries = Array.isArray(include) ? include : include === undefined ? [] : [include];
  return entries.flatMap((entry, i): CiJob[] => {
    const record = asRecord(entry);
    const target = typeof entry === 'string' ? entry
      : [record?.local, record?.template, record?.remote, record?.component, ...asStrings(record?.file)].find((v): v is string => typeof v === 'string');
    if (target === undefined) return [];
    const line = doc.lineOf(Array.isArray(include) ? ['include', i] : ['include']);
    return [{ path: file, line, name: `include ${target}`, steps: [{ path: file, line, uses: target }] }];
  });
}

/** A job: a visible top-level mapping with a `script` of its own or inherited through `extends`. */
function readJob(file: string, doc: YamlDoc, root: Record<string, unknown>, name: string): CiJob | undefined {
  if (KEYWORDS.has(name) || name.startsWith('.') || !inherited(root, name, 'script')) return undefined;
  const line = doc.lineOf([name]);
  const steps = SCRIPT_KEYS.flatMap((key) => {
    const found = inherited(root, name, key);
    return found ? scriptSteps(file, doc, found.path, found.value, line) : [];
  });
  const triggers = jobTriggers(root, name);
  return { path: file, line, name, steps, ...(triggers && { triggers }) };
}

/** A job key's value, its own or from the templates it `extends` (later templates win). */
function inherited(
  root: Record<string, unknown>, name: string, key: string, depth = 0,
): { value: unknown; path: YamlPath } | undefined {
  const job = asRecord(root[name]);
  if (!job || depth > MAX_EXTENDS_DEPTH) return undefined;
  if (key in job) return { value: job[key], path: [name, key] };
  for (const parent of asStrings(job.extends).reverse()) {
    const found = inherited(root, parent, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Triggers a job is limited to by `rules`, `only` or `when: manual`; undefined when it runs on every pipeline. */
function jobTriggers(root: Record<string, unknown>, name: string): CiTrigger[] | undefined {
  const rules = rulesTriggers(inherited(root, name, 'rules')?.value);
  if (rules) return rules;
  const only = inherited(root, name, 'only')?.value;
  if (only !== undefined) {
    const refs = asRecord(only) ? asStrings(asRecord(only)?.refs) : asStrings(only);
    return orderTriggers(refs.map((ref) => ONLY_REFS[ref] ?? 'push'));
  }
  return inherited(root, name, 'when')?.value === 'manual' ? ['manual'] : undefined;
}

/** Union of the triggers `rules` let through; `when: never` rules exclude, so they add nothing. */
function rulesTriggers(rules: unknown): CiTrigger[] | undefined {
  if (!Array.isArray(rules)) return undefined;
  return orderTriggers(rules.flatMap((value): CiTrigger[] => {
    const rule = asRecord(value);
    if (!rule || rule.when === 'never') return [];
    if (rule.when === 'manual') return ['manual'];
    const sources = typeof rule.if === 'string' ? conditionTriggers(rule.if) : [];
    // A rule that does not test the pipeline source matches ordinary push pipelines.
    return sources.length > 0 ? sources : ['push'];
  }));
}

/** Triggers a `rules: if:` expression tests for. */
function conditionTriggers(condition: string): CiTrigger[] {
  const triggers: CiTrigger[] = [];
  for (const match of condition.matchAll(/\$CI_PIPELINE_SOURCE\s*(?:==|=~)\s*("[^"]*"|'[^']*'|\/[^/]*\/)/g)) {
    for (const source of match[1].match(/\w+/g) ?? []) triggers.push(PIPELINE_SOURCES[source] ?? 'other');
  }
  // `$CI_COMMIT_TAG == null` tests for the absence of a tag.
  if (/\$CI_COMMIT_TAG\b(?!\s*==\s*(?:null|""|''))/.test(condition)) triggers.push('tag');
  if (/\$CI_MERGE_REQUEST_I?ID\b(?!\s*==)/.test(condition)) triggers.push('pull_request');
  return triggers;
}
