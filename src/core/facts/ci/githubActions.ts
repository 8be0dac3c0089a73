/**
 * GitHub Actions workflows (`.github/workflows/*.yml`), also a sub-project's own
 * (`<sub>/.github/workflows/`, a sample meant to become its own repository): its steps run
 * from that sub-project's folder. A job that calls a reusable workflow of the same
 * repository (`uses: ./.github/workflows/x.yml`) runs the called jobs' steps under the
 * caller's triggers, so they are read in its place.
 */
import type { CiJob, CiStep } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import type { ExtractContext, Extractor } from '../extractor';
import { asRecord, asStrings, firstDocQuietly, type YamlDoc } from '../yamlSource';
import { asList, yamlRoot } from '../yamlShape';
import { orderTriggers, withoutRef } from './common';
import { followJobs, joinPath } from './follow';

/**
 * Workflow events mapped to triggers; events not listed are `other` (`repository_dispatch`
 * comes from another system's automation, e.g. a model registry event).
 */
const EVENT_TRIGGERS: Record<string, CiTrigger> = {
  push: 'push',
  pull_request: 'pull_request',
  pull_request_target: 'pull_request',
  schedule: 'schedule',
  workflow_dispatch: 'manual',
  release: 'tag',
};

/** Reusable workflows calling reusable workflows: GitHub allows a few levels; cycles end here too. */
const MAX_CALL_DEPTH = 4;
/** `${{ inputs.name }}` in a called workflow, filled from the caller's `with` or the input's default. */
const INPUT_EXPRESSION = /\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g;

type Inputs = ReadonlyMap<string, string>;

export const extractor: Extractor = {
  id: 'github-actions',
  files: ['**/.github/workflows/*.yml', '**/.github/workflows/*.yaml'],
  async extract(file, ctx) {
    const parsed = yamlRoot(file.text);
    if (!parsed) return {};
    const { doc, root } = parsed;
    const { triggers, schedules } = readOn(root.on);
    const base = file.path.slice(0, file.path.lastIndexOf('.github/')).replace(/\/$/, '');
    const reader = new WorkflowReader(ctx, base);
    const jobs = await reader.jobs(file.path, doc, root, new Map(), [file.path]);
    await followJobs(jobs, ctx, base);
    return { ci: [{ path: file.path, system: 'github', triggers, schedules, jobs }] };
  },
};

/**
 * `on` as a string, a list of events or a map of event → filters. A push filtered by tags
 * alone runs only when a tag is pushed (GitHub runs it for branches only when `branches`
 * or `branches-ignore` is given too), so it is a release trigger, not a change trigger.
 */
function readOn(on: unknown): { triggers: CiTrigger[]; schedules: string[] } {
  const events = asRecord(on) ?? Object.fromEntries(asStrings(on).map((e) => [e, null]));
  const triggers: CiTrigger[] = [];
  const schedules: string[] = [];
  for (const [event, config] of Object.entries(events)) {
    const filters = asRecord(config);
    const tags = filters?.tags !== undefined || filters?.['tags-ignore'] !== undefined;
    const branches = filters?.branches !== undefined || filters?.['branches-ignore'] !== undefined;
    if (event === 'push' && tags) triggers.push('tag');
    if (!(event === 'push' && tags && !branches)) triggers.push(EVENT_TRIGGERS[event] ?? 'other');
    if (event === 'schedule') {
      schedules.push(...asList(config).flatMap((entry) => asStrings(asRecord(entry)?.cron)));
    }
  }
  return { triggers: orderTriggers(triggers), schedules };
}

/** Reads a workflow's jobs, taking the jobs of same-repository reusable workflows in place of a call. */
class WorkflowReader {
  constructor(private readonly ctx: ExtractContext, private readonly base: string) {}

  async jobs(file: string, doc: YamlDoc, root: Record<string, unknown>, inputs: Inputs, chain: string[]): Promise<CiJob[]> {
    const jobs: CiJob[] = [];
    for (const [id, value] of Object.entries(asRecord(root.jobs) ?? {})) {
      const job = asRecord(value);
      if (job) jobs.push(await this.job(file, doc, id, job, inputs, chain));
    }
    return jobs;
  }

  private async job(file: string, doc: YamlDoc, id: string, job: Record<string, unknown>, inputs: Inputs, chain: string[]): Promise<CiJob> {
    const line = doc.lineOf(['jobs', id]);
    if (typeof job.uses === 'string') {
      const at = { path: file, line: doc.lineOf(['jobs', id, 'uses']) };
      const called = await this.called(job.uses, asRecord(job.with), inputs, chain);
      // A workflow that cannot be read (another repository's, a missing file) stays the job's one step.
      const steps = called?.flatMap((j) => j.steps.map((step) => ({ ...step, via: step.via ?? at }))) ?? [{ ...at, uses: withoutRef(job.uses) }];
      return { path: file, line, name: id, steps };
    }
    const defaultDir = workingDirectory(asRecord(asRecord(job.defaults)?.run)?.['working-directory'], inputs);
    const steps = asList(job.steps).flatMap((value, i): CiStep[] => {
      const step = asRecord(value);
      const stepLine = doc.lineOf(['jobs', id, 'steps', i]);
      if (typeof step?.run === 'string') {
        const dir = workingDirectory(step['working-directory'], inputs) ?? defaultDir;
        return [{ path: file, line: stepLine, command: withInputs(step.run, inputs).trim(), ...(dir !== undefined ? { dir } : {}) }];
      }
      if (typeof step?.uses === 'string') return [{ path: file, line: stepLine, uses: withoutRef(step.uses) }];
      return [];
    });
    return { path: file, line, name: id, steps };
  }

  /** The jobs of a reusable workflow of this repository (`./.github/workflows/x.yml`), or undefined when it cannot be read. */
  private async called(uses: string, args: Record<string, unknown> | undefined, outer: Inputs, chain: string[]): Promise<CiJob[] | undefined> {
    if (!uses.startsWith('./') || uses.includes('@') || chain.length > MAX_CALL_DEPTH) return undefined;
    const path = joinPath(this.base, uses);
    if (path === '' || chain.includes(path)) return undefined;
    const text = await this.ctx.read(path);
    if (text === undefined) return undefined;
    const doc = firstDocQuietly(text);
    const root = asRecord(doc?.value);
    const call = asRecord(asRecord(root?.on)?.workflow_call) ?? (asStrings(root?.on).includes('workflow_call') ? {} : undefined);
    if (!doc || !root || !call) return undefined;
    const inputs = new Map<string, string>();
    for (const [name, spec] of Object.entries(asRecord(call.inputs) ?? {})) {
      const given = args?.[name] ?? asRecord(spec)?.default;
      if (isScalar(given)) inputs.set(name, withInputs(String(given), outer));
    }
    return this.jobs(path, doc, root, inputs, [...chain, path]);
  }
}

/** A step's `working-directory`, relative to the workflow's base; undefined when not given or not known. */
function workingDirectory(value: unknown, inputs: Inputs): string | undefined {
  if (typeof value !== 'string') return undefined;
  const dir = withInputs(value, inputs).trim();
  return dir === '' || dir.includes('${{') ? undefined : dir;
}

/** Text with the called workflow's input expressions replaced by their values (unknown ones kept). */
function withInputs(text: string, inputs: Inputs): string {
  return inputs.size === 0 ? text : text.replace(INPUT_EXPRESSION, (expression, name: string) => inputs.get(name) ?? expression);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
