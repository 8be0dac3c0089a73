/** CircleCI (`.circleci/config.yml`). */
import type { CiJob, CiStep } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import type { Extractor } from '../extractor';
import { asRecord, asStrings, type YamlDoc } from '../yamlSource';
import { asList, yamlRoot } from '../yamlShape';
import { narrowerTriggers, orderTriggers, type YamlPath } from './common';
import { followJobs } from './follow';

export const extractor: Extractor = {
  id: 'circleci',
  files: ['.circleci/config.yml', '.circleci/config.yaml'],
  async extract(file, ctx) {
    const parsed = yamlRoot(file.text);
    if (!parsed) return {};
    const { doc, root } = parsed;
    const jobs = Object.entries(asRecord(root.jobs) ?? {}).flatMap(([name, value]): CiJob[] => {
      const job = asRecord(value);
      if (!job) return [];
      const steps = readSteps(file.path, doc, name, job.steps);
      return [{ path: file.path, line: doc.lineOf(['jobs', name]), name, steps }];
    });
    const { triggers, schedules, jobTriggers, orbJobs } = readWorkflows(asRecord(root.workflows));
    // An orb job has no steps in this file: the orb job is its one step.
    for (const [name, path] of orbJobs) {
      const line = doc.lineOf(path);
      jobs.push({ path: file.path, line, name, steps: [{ path: file.path, line, uses: name }] });
    }
    for (const job of jobs) {
      const own = narrowerTriggers(jobTriggers.get(job.name) ?? [], triggers);
      if (own) job.triggers = own;
    }
    await followJobs(jobs, ctx);
    return { ci: [{ path: file.path, system: 'circleci', triggers, schedules, jobs }] };
  },
};

/** `run` steps (string or `{command}`) and orb commands (`orb/command`, bare or with parameters). */
function readSteps(file: string, doc: YamlDoc, job: string, steps: unknown): CiStep[] {
  return asList(steps).flatMap((value, i): CiStep[] => {
    const line = doc.lineOf(['jobs', job, 'steps', i]);
    const [key, arg] = entry(value) ?? [];
    if (key === 'run') {
      const command = typeof arg === 'string' ? arg : asRecord(arg)?.command;
      return typeof command === 'string' && command.trim() ? [{ path: file, line, command: command.trim() }] : [];
    }
    return key?.includes('/') ? [{ path: file, line, uses: key }] : [];
  });
}

interface WorkflowTriggers {
  triggers: CiTrigger[];
  schedules: string[];
  /** Triggers of each job, from the workflows that run it. */
  jobTriggers: Map<string, CiTrigger[]>;
  /** Orb jobs (`orb/job`) that workflows run, with the YAML path of their first use. */
  orbJobs: Map<string, YamlPath>;
}

/**
 * A workflow runs on push unless it has a `schedule` trigger; `filters.tags` on a job
 * makes it run for tags too, and ignoring every branch for tags only.
 */
function readWorkflows(workflows: Record<string, unknown> | undefined): WorkflowTriggers {
  const result: WorkflowTriggers = { triggers: [], schedules: [], jobTriggers: new Map(), orbJobs: new Map() };
  for (const [workflowName, value] of Object.entries(workflows ?? {})) {
    const workflow = asRecord(value);
    if (!workflow) continue; // e.g. `version: 2`
    const crons = asList(workflow.triggers).flatMap((t) => asStrings(asRecord(asRecord(t)?.schedule)?.cron));
    result.schedules.push(...crons);
    asList(workflow.jobs).forEach((value, i) => {
      const [name, config] = entry(value) ?? [];
      if (name === undefined) return;
      const filters = asRecord(asRecord(config)?.filters);
      const triggers: CiTrigger[] = [];
      if (crons.length > 0) triggers.push('schedule');
      else if (asRecord(filters?.branches)?.ignore !== '/.*/') triggers.push('push');
      if (filters?.tags !== undefined) triggers.push('tag');
      result.jobTriggers.set(name, [...result.jobTriggers.get(name) ?? [], ...triggers]);
      result.triggers.push(...triggers);
      if (name.includes('/') && !result.orbJobs.has(name)) {
        result.orbJobs.set(name, ['workflows', workflowName, 'jobs', i]);
      }
    });
  }
  // Without workflows, CircleCI 2.0 runs the `build` job on every push.
  result.triggers = result.triggers.length > 0 ? orderTriggers(result.triggers) : ['push'];
  return result;
}

/** A list entry written as `name` or as `{name: {...parameters}}`. */
function entry(value: unknown): [string, unknown] | undefined {
  if (typeof value === 'string') return [value, undefined];
  return Object.entries(asRecord(value) ?? {})[0];
}
