/**
 * GitHub Actions workflows (`.github/workflows/*.yml`), also a sub-project's own
 * (`<sub>/.github/workflows/`, a sample meant to become its own repository): its steps run
 * from that sub-project's folder.
 */
import type { CiJob, CiStep } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import type { Extractor } from '../extractor';
import { asRecord, asStrings, type YamlDoc } from '../yamlSource';
import { asList, yamlRoot } from '../yamlShape';
import { orderTriggers, withoutRef } from './common';
import { followJobs } from './follow';

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

export const extractor: Extractor = {
  id: 'github-actions',
  files: ['**/.github/workflows/*.yml', '**/.github/workflows/*.yaml'],
  async extract(file, ctx) {
    const parsed = yamlRoot(file.text);
    if (!parsed) return {};
    const { doc, root } = parsed;
    const { triggers, schedules } = readOn(root.on);
    const jobs = Object.entries(asRecord(root.jobs) ?? {}).flatMap(([id, value]): CiJob[] => {
      const job = asRecord(value);
      return job ? [readJob(file.path, doc, id, job)] : [];
    });
    await followJobs(jobs, ctx, file.path.slice(0, file.path.lastIndexOf('.github/')).replace(/\/$/, ''));
    return { ci: [{ path: file.path, system: 'github', triggers, schedules, jobs }] };
  },
};

/** `on` as a string, a list of events or a map of event → filters. */
function readOn(on: unknown): { triggers: CiTrigger[]; schedules: string[] } {
  const events = asRecord(on) ?? Object.fromEntries(asStrings(on).map((e) => [e, null]));
  const triggers: CiTrigger[] = [];
  const schedules: string[] = [];
  for (const [event, config] of Object.entries(events)) {
    triggers.push(EVENT_TRIGGERS[event] ?? 'other');
    if (event === 'push' && asRecord(config)?.tags !== undefined) triggers.push('tag');
    if (event === 'schedule') {
      schedules.push(...asList(config).flatMap((entry) => asStrings(asRecord(entry)?.cron)));
    }
  }
  return { triggers: orderTriggers(triggers), schedules };
}

function readJob(file: string, doc: YamlDoc, id: string, job: Record<string, unknown>): CiJob {
  const line = doc.lineOf(['jobs', id]);
  // A reusable-workflow job has no steps: the called workflow is its one step.
  if (typeof job.uses === 'string') {
    const step: CiStep = { path: file, line: doc.lineOf(['jobs', id, 'uses']), uses: withoutRef(job.uses) };
    return { path: file, line, name: id, steps: [step] };
  }
  const steps = asList(job.steps).flatMap((value, i): CiStep[] => {
    const step = asRecord(value);
    const stepLine = doc.lineOf(['jobs', id, 'steps', i]);
    if (typeof step?.run === 'string') return [{ path: file, line: stepLine, command: step.run.trim() }];
    if (typeof step?.uses === 'string') return [{ path: file, line: stepLine, uses: withoutRef(step.uses) }];
    return [];
  });
  return { path: file, line, name: id, steps };
}
