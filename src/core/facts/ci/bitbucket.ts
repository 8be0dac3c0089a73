/** Bitbucket Pipelines (`bitbucket-pipelines.yml`): every step is a job. */
import type { CiJob, CiStep } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import type { Extractor } from '../extractor';
import { asRecord, type YamlDoc } from '../yamlSource';
import { asList, yamlRoot } from '../yamlShape';
import { narrowerTriggers, orderTriggers, scriptSteps, type YamlPath } from './common';
import { followJobs } from './follow';

/** Pipeline sections and what starts them; `custom` pipelines run by hand (or on a schedule set up in the UI). */
const SECTIONS: Record<string, CiTrigger> = {
  branches: 'push',
  tags: 'tag',
  'pull-requests': 'pull_request',
  custom: 'manual',
};

export const extractor: Extractor = {
  id: 'bitbucket-pipelines',
  files: ['bitbucket-pipelines.yml', 'bitbucket-pipelines.yaml'],
  async extract(file, ctx) {
    const parsed = yamlRoot(file.text);
    if (!parsed) return {};
    const { doc, root } = parsed;
    const pipelines = asRecord(root.pipelines) ?? {};
    const found: { job: CiJob; trigger: CiTrigger }[] = [];
    const add = (group: string, trigger: CiTrigger, path: YamlPath, items: unknown): void => {
      for (const job of readItems(file.path, doc, group, path, items)) found.push({ job, trigger });
    };
    add('default', 'push', ['pipelines', 'default'], pipelines.default);
    for (const [section, trigger] of Object.entries(SECTIONS)) {
      for (const [pattern, items] of Object.entries(asRecord(pipelines[section]) ?? {})) {
        add(`${section}/${pattern}`, trigger, ['pipelines', section, pattern], items);
      }
    }
    const triggers = orderTriggers(found.map((f) => f.trigger));
    const jobs = found.map(({ job, trigger }) => {
      const own = narrowerTriggers([trigger], triggers);
      return own ? { ...job, triggers: own } : job;
    });
    await followJobs(jobs, ctx);
    return { ci: [{ path: file.path, system: 'bitbucket', triggers, schedules: [], jobs }] };
  },
};

/** Steps of a pipeline's item list, looking into `parallel` and `stage` groups. */
function readItems(file: string, doc: YamlDoc, group: string, path: YamlPath, items: unknown): CiJob[] {
  return asList(items).flatMap((value, i): CiJob[] => {
    const item = asRecord(value);
    const step = asRecord(item?.step);
    if (step) {
      const stepPath = [...path, i, 'step'];
      const name = typeof step.name === 'string' ? step.name : `${group} step ${i + 1}`;
      const steps = ['script', 'after-script'].flatMap((key) => readScript(file, doc, [...stepPath, key], step[key]));
      return [{ path: file, line: doc.lineOf([...path, i]), name, steps }];
    }
    // `parallel` is a list of items, or `{steps: [...]}`; a `stage` always has `steps`.
    const parallel = item?.parallel;
    if (Array.isArray(parallel)) return readItems(file, doc, group, [...path, i, 'parallel'], parallel);
    const nested = asRecord(parallel) ? 'parallel' : asRecord(item?.stage) ? 'stage' : undefined;
    return nested ? readItems(file, doc, group, [...path, i, nested, 'steps'], asRecord(item?.[nested])?.steps) : [];
  });
}

/** Script lines are commands, `- pipe: owner/name:version` entries are reusable pipes. */
function readScript(file: string, doc: YamlDoc, path: YamlPath, script: unknown): CiStep[] {
  if (!Array.isArray(script)) return scriptSteps(file, doc, path, script);
  return script.flatMap((entry, i): CiStep[] => {
    const pipe = asRecord(entry)?.pipe;
    if (typeof pipe !== 'string') return scriptSteps(file, doc, [...path, i], entry);
    return [{ path: file, line: doc.lineOf([...path, i]), uses: pipe.replace(/:[^/:]*$/, '') }];
  });
}
