/**
 * Azure Pipelines YAML, recognised by its shape wherever it lives (`azure-pipelines.yml`,
 * `.pipelines/`, `.azuredevops/`, any folder): steps with `script`/`bash`/`task`/`template`,
 * jobs with `job`/`deployment`, stages with `stage`. `template:` references to files of the
 * repository are read and their steps taken in place; a file that only holds templates
 * (no trigger, pool or resources of its own) is not a pipeline by itself.
 */
import type { CiJob, CiStep } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import type { ExtractContext, Extractor } from '../extractor';
import { asRecord, asStrings, firstDocQuietly, type YamlDoc } from '../yamlSource';
import { asList, yamlRoot } from '../yamlShape';
import { orderTriggers, withoutRef, type YamlPath } from './common';
import { followJobs } from './follow';
import { isOtherCiFile } from './otherCiFiles';

/** Step keys whose value is a shell script. */
const SCRIPT_KEYS = ['script', 'bash', 'pwsh', 'powershell'] as const;
/** Keys only Azure Pipelines steps have. */
const STEP_KEYS = [...SCRIPT_KEYS, 'task', 'template', 'checkout', 'download', 'publish', 'downloadBuild', 'getPackage'];
/** Top-level keys of a pipeline that templates cannot have. */
const PIPELINE_KEYS = ['trigger', 'pr', 'schedules', 'resources', 'pool', 'extends', 'name', 'lockBehavior'];
/** Files named like pipelines are pipelines even without those keys. */
const PIPELINE_NAME = /(^|\/)azure-pipelines[^/]*\.ya?ml$/i;
/** Cheap test before parsing: one of the keys a pipeline's shape rests on, at the start of a line. */
const SHAPE_HINT = /^\s*-?\s*(steps|jobs|stages|extends)\s*:/m;
/** Nested templates followed: Azure itself allows 100, real pipelines use two or three. */
const MAX_TEMPLATE_DEPTH = 4;
/** Task inputs holding an inline script, and inputs naming a script file. */
const INLINE_INPUTS = ['inlineScript', 'script'];
const FILE_INPUTS = ['scriptPath', 'filePath'];

export const extractor: Extractor = {
  id: 'azure-pipelines',
  files: ['**/*.yml', '**/*.yaml'],
  async extract(file, ctx) {
    const named = PIPELINE_NAME.test(file.path);
    if (isOtherCiFile(file.path) || (!named && !SHAPE_HINT.test(file.text))) return {};
    const found = named ? yamlRoot(file.text) : byShape(file.text);
    if (!found) return {};
    const { doc, root } = found;
    const reader = new TemplateReader(ctx);
    const jobs = await reader.jobsOf(file.path, doc, root, [], 0);
    await followJobs(jobs, ctx);
    const schedules = asList(root.schedules).flatMap((entry) => asStrings(asRecord(entry)?.cron));
    return { ci: [{ path: file.path, system: 'azure', triggers: readTriggers(root, schedules), schedules, jobs }] };
  },
};

/** A YAML file that is not named like a pipeline but has the shape of one (and is no template). */
function byShape(text: string): { doc: YamlDoc; root: Record<string, unknown> } | undefined {
  const doc = firstDocQuietly(text);
  const root = asRecord(doc?.value);
  return doc && root && isAzurePipeline(root) && PIPELINE_KEYS.some((key) => key in root) ? { doc, root } : undefined;
}

/** Steps, jobs or stages written the Azure way. */
function isAzurePipeline(root: Record<string, unknown>): boolean {
  const items = (key: string) => asList(root[key]).map(asRecord).filter((r): r is Record<string, unknown> => r !== undefined);
  return items('steps').some((s) => STEP_KEYS.some((k) => k in s))
    || items('jobs').some((j) => 'job' in j || 'deployment' in j || 'template' in j)
    || items('stages').some((s) => 'stage' in s || 'template' in s)
    || typeof asRecord(root.extends)?.template === 'string';
}

/**
 * Without a `trigger` key every push runs the pipeline; `trigger: none` turns that off.
 * Pull requests count only when `pr` is written, because Azure Repos ignores the default.
 * A pipeline resource's trigger (run when another pipeline completes) is `other`.
 */
function readTriggers(root: Record<string, unknown>, schedules: string[]): CiTrigger[] {
  const triggers: CiTrigger[] = [];
  if (root.trigger !== 'none') triggers.push('push');
  if (asRecord(root.trigger)?.tags !== undefined) triggers.push('tag');
  if (root.pr !== undefined && root.pr !== 'none') triggers.push('pull_request');
  if (schedules.length > 0) triggers.push('schedule');
  const pipelines = asList(asRecord(root.resources)?.pipelines).map(asRecord);
  if (pipelines.some((p) => p?.trigger !== undefined && p.trigger !== 'none' && p.trigger !== false)) triggers.push('other');
  return orderTriggers(triggers);
}

/** Reads jobs and steps, taking `template:` files of the repository in place. */
class TemplateReader {
  constructor(private readonly ctx: ExtractContext) {}

  /** The jobs of a pipeline or template file's root (its steps, jobs, stages, or the template it extends). */
  async jobsOf(file: string, doc: YamlDoc, root: Record<string, unknown>, chain: string[], depth: number): Promise<CiJob[]> {
    const jobs: CiJob[] = [];
    if (Array.isArray(root.steps)) {
      jobs.push({ path: file, line: doc.lineOf(['steps']), name: 'default', steps: await this.steps(file, doc, ['steps'], root.steps, chain, depth) });
    }
    jobs.push(...await this.jobs(file, doc, ['jobs'], root.jobs, chain, depth));
    for (const [i, stage] of asList(root.stages).entries()) {
      const template = await this.template(file, doc, ['stages', i], stage, chain, depth);
      jobs.push(...(template ?? await this.jobs(file, doc, ['stages', i, 'jobs'], asRecord(stage)?.jobs, chain, depth)));
    }
    const extended = await this.template(file, doc, ['extends'], root.extends, chain, depth);
    if (extended) jobs.push(...extended);
    return jobs;
  }

  private async jobs(file: string, doc: YamlDoc, path: YamlPath, jobs: unknown, chain: string[], depth: number): Promise<CiJob[]> {
    const result: CiJob[] = [];
    for (const [i, value] of asList(jobs).entries()) {
      const jobPath = [...path, i];
      const template = await this.template(file, doc, jobPath, value, chain, depth);
      if (template) {
        result.push(...template);
        continue;
      }
      const job = asRecord(value);
      if (!job) continue;
      const name = typeof job.job === 'string' ? job.job
        : typeof job.deployment === 'string' ? job.deployment : `job ${i + 1}`;
      const steps = [
        ...await this.steps(file, doc, [...jobPath, 'steps'], job.steps, chain, depth),
        ...await this.strategySteps(file, doc, [...jobPath, 'strategy'], job.strategy, chain, depth),
      ];
      result.push({ path: file, line: doc.lineOf(jobPath), name, steps });
    }
    return result;
  }

  /** Deployment jobs nest their steps in lifecycle hooks (`strategy.runOnce.deploy.steps`, ...). */
  private async strategySteps(file: string, doc: YamlDoc, path: YamlPath, value: unknown, chain: string[], depth: number): Promise<CiStep[]> {
    const node = asRecord(value);
    if (!node) return [];
    const steps: CiStep[] = [];
    for (const [key, child] of Object.entries(node)) {
      steps.push(...await (key === 'steps'
        ? this.steps(file, doc, [...path, key], child, chain, depth)
        : this.strategySteps(file, doc, [...path, key], child, chain, depth)));
    }
    return steps;
  }

  private async steps(file: string, doc: YamlDoc, path: YamlPath, steps: unknown, chain: string[], depth: number): Promise<CiStep[]> {
    const result: CiStep[] = [];
    for (const [i, value] of asList(steps).entries()) {
      const step = asRecord(value);
      if (!step) continue;
      const line = doc.lineOf([...path, i]);
      const template = await this.template(file, doc, [...path, i], step, chain, depth);
      if (template) {
        result.push(...template.flatMap((job) => job.steps));
        continue;
      }
      const script = SCRIPT_KEYS.map((key) => step[key]).find((v): v is string => typeof v === 'string');
      if (script !== undefined) {
        result.push({ path: file, line, command: script.trim() });
        continue;
      }
      if (typeof step.task === 'string') {
        const command = taskCommand(step.task, asRecord(step.inputs));
        result.push({ path: file, line, uses: withoutRef(step.task), ...(command ? { command } : {}) });
      }
    }
    return result;
  }

  /**
   * A `template: x.yml` entry: the jobs of the referenced repository file (its steps as
   * one job), or a single job that uses the template when it cannot be read (another
   * repository's `x.yml@repo`, a missing file, too deep, a cycle). Undefined for an entry
   * that is no template reference.
   */
  private async template(file: string, doc: YamlDoc, path: YamlPath, value: unknown, chain: string[], depth: number): Promise<CiJob[] | undefined> {
    const template = asRecord(value)?.template;
    if (typeof template !== 'string') return undefined;
    const line = doc.lineOf(path);
    const reference: CiJob[] = [{ path: file, line, name: template, steps: [{ path: file, line, uses: withoutRef(template) }] }];
    if (template.includes('@') || template.includes('${{') || depth >= MAX_TEMPLATE_DEPTH) return reference;
    const target = template.startsWith('/') ? normalise(template.slice(1)) : normalise(`${dirOf(file)}/${template}`);
    if (target === undefined || chain.includes(target)) return reference;
    const text = await this.ctx.read(target);
    if (text === undefined) return reference;
    const parsed = firstDocQuietly(text);
    const root = asRecord(parsed?.value);
    if (!parsed || !root) return reference;
    const jobs = await this.jobsOf(target, parsed, root, [...chain, file], depth + 1);
    const via = { path: file, line };
    for (const job of jobs) for (const step of job.steps) step.via ??= via;
    return [...reference, ...jobs];
  }
}

/**
 * The command a task runs: its inline script (`AzureCLI`, `Bash`, `PowerShell`), or the
 * script file it runs (`python x.py args` for `PythonScript`, else `bash x.sh args`).
 */
function taskCommand(task: string, inputs: Record<string, unknown> | undefined): string | undefined {
  if (!inputs) return undefined;
  const python = /^PythonScript@/i.test(task);
  const inline = INLINE_INPUTS.map((key) => inputs[key]).find((v): v is string => typeof v === 'string');
  if (inline !== undefined && !python) return inline.trim();
  const file = FILE_INPUTS.map((key) => inputs[key]).find((v): v is string => typeof v === 'string');
  if (file === undefined) return undefined;
  const args = typeof inputs.arguments === 'string' ? ` ${inputs.arguments}` : '';
  return `${python ? 'python' : 'bash'} ${file}${args}`;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** A repository path with `.` and `..` resolved; undefined when it leaves the repository. */
function normalise(path: string): string | undefined {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
