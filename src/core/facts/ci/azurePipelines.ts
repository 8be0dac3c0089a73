/** Azure Pipelines YAML (`azure-pipelines*.yml`, `.azure-pipelines/**`). */
import type { CiJob, CiStep } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import type { Extractor } from '../extractor';
import { asRecord, asStrings, type YamlDoc } from '../yamlSource';
import { asList, yamlRoot } from '../yamlShape';
import { orderTriggers, withoutRef, type YamlPath } from './common';

/** Step keys whose value is a shell script. */
const SCRIPT_KEYS = ['script', 'bash', 'pwsh', 'powershell'] as const;

export const extractor: Extractor = {
  id: 'azure-pipelines',
  files: [
    '**/azure-pipelines*.yml', '**/azure-pipelines*.yaml',
    '.azure-pipelines/**/*.yml', '.azure-pipelines/**/*.yaml',
  ],
  extract(file) {
    const parsed = yamlRoot(file.text);
    if (!parsed) return {};
    const { doc, root } = parsed;
    const schedules = asList(root.schedules).flatMap((entry) => asStrings(asRecord(entry)?.cron));
    const jobs: CiJob[] = [];
    if (Array.isArray(root.steps)) {
      const steps = readSteps(file.path, doc, ['steps'], root.steps);
      jobs.push({ path: file.path, line: doc.lineOf(['steps']), name: 'default', steps });
    }
    jobs.push(...readJobs(file.path, doc, ['jobs'], root.jobs));
    asList(root.stages).forEach((stage, i) => {
      jobs.push(...readJobs(file.path, doc, ['stages', i, 'jobs'], asRecord(stage)?.jobs));
      // A stage template is a reusable unit like a job template.
      const template = templateJob(file.path, doc, ['stages', i], stage);
      if (template) jobs.push(template);
    });
    const triggers = readTriggers(root, schedules);
    return { ci: [{ path: file.path, system: 'azure', triggers, schedules, jobs }] };
  },
};

/**
 * Without a `trigger` key every push runs the pipeline; `trigger: none` turns that off.
 * Pull requests count only when `pr` is written, because Azure Repos ignores the default.
 */
function readTriggers(root: Record<string, unknown>, schedules: string[]): CiTrigger[] {
  const triggers: CiTrigger[] = [];
  if (root.trigger !== 'none') triggers.push('push');
  if (asRecord(root.trigger)?.tags !== undefined) triggers.push('tag');
  if (root.pr !== undefined && root.pr !== 'none') triggers.push('pull_request');
  if (schedules.length > 0) triggers.push('schedule');
  return orderTriggers(triggers);
}

function readJobs(file: string, doc: YamlDoc, path: YamlPath, jobs: unknown): CiJob[] {
  return asList(jobs).flatMap((value, i): CiJob[] => {
    const jobPath = [...path, i];
    const template = templateJob(file, doc, jobPath, value);
    if (template) return [template];
    const job = asRecord(value);
    if (!job) return [];
    const name = typeof job.job === 'string' ? job.job
      : typeof job.deployment === 'string' ? job.deployment : `job ${i + 1}`;
    const steps = [
      ...readSteps(file, doc, [...jobPath, 'steps'], job.steps),
      ...strategySteps(file, doc, [...jobPath, 'strategy'], job.strategy),
    ];
    return [{ path: file, line: doc.lineOf(jobPath), name, steps }];
  });
}

/** A `- template: x.yml` entry in place of a job or stage: one job whose step uses the template. */
function templateJob(file: string, doc: YamlDoc, path: YamlPath, value: unknown): CiJob | undefined {
  const template = asRecord(value)?.template;
  if (typeof template !== 'string') return undefined;
  const line = doc.lineOf(path);
  return { path: file, line, name: template, steps: [{ path: file, line, uses: withoutRef(template) }] };
}

/** Deployment jobs nest their steps in lifecycle hooks (`strategy.runOnce.deploy.steps`, ...). */
function strategySteps(file: string, doc: YamlDoc, path: YamlPath, value: unknown): CiStep[] {
  const node = asRecord(value);
  if (!node) return [];
  return Object.entries(node).flatMap(([key, child]) => key === 'steps'
    ? readSteps(file, doc, [...path, key], child)
    : strategySteps(file, doc, [...path, key], child));
}

function readSteps(file: string, doc: YamlDoc, path: YamlPath, steps: unknown): CiStep[] {
  return asList(steps).flatMap((value, i): CiStep[] => {
    const step = asRecord(value);
    if (!step) return [];
    const line = doc.lineOf([...path, i]);
    const script = SCRIPT_KEYS.map((key) => step[key]).find((v): v is string => typeof v === 'string');
    if (script !== undefined) return [{ path: file, line, command: script.trim() }];
    const uses = typeof step.task === 'string' ? step.task : step.template;
    return typeof uses === 'string' ? [{ path: file, line, uses: withoutRef(uses) }] : [];
  });
}
