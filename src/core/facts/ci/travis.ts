/** Travis CI (`.travis.yml`). Cron jobs are configured in the Travis UI, so no cron strings. */
import type { CiJob } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import type { Extractor } from '../extractor';
import { asRecord, type YamlDoc } from '../yamlSource';
import { asList, yamlRoot } from '../yamlShape';
import { orderTriggers, scriptSteps, type YamlPath } from './common';
import { followJobs } from './follow';

/** Build phases holding shell commands, in the order Travis runs them. */
const PHASES = [
  'before_install', 'install', 'before_script', 'script', 'after_success', 'before_deploy', 'after_deploy',
] as const;

/** Build types an `if:` condition can test; others (`api`) are `other`. */
const BUILD_TYPES: Record<string, CiTrigger> = { push: 'push', pull_request: 'pull_request', cron: 'schedule' };

export const extractor: Extractor = {
  id: 'travis',
  files: ['.travis.yml'],
  async extract(file, ctx) {
    const parsed = yamlRoot(file.text);
    if (!parsed) return {};
    const { doc, root } = parsed;
    // Travis builds pushes and pull requests unless the repository settings say otherwise.
    const triggers: CiTrigger[] = ['push', 'pull_request', ...conditionTriggers(root.if)];
    const jobs: CiJob[] = [];
    const rootJob = readJob(file.path, doc, [], root, 'default');
    if (rootJob.steps.length > 0) jobs.push(rootJob);
    const matrix = asRecord(root.jobs)?.include !== undefined ? 'jobs' : 'matrix';
    const entries = asList(asRecord(root[matrix])?.include);
    entries.forEach((value, i) => {
      const entry = asRecord(value);
      if (!entry) return;
      const name = [entry.name, entry.stage].find((v): v is string => typeof v === 'string') ?? `job ${i + 1}`;
      const job = readJob(file.path, doc, [matrix, 'include', i], entry, name);
      const own = conditionTriggers(entry.if);
      jobs.push(own.length > 0 ? { ...job, triggers: orderTriggers(own) } : job);
      triggers.push(...own);
    });
    if ([root, ...entries].some(deploysOnTags)) triggers.push('tag');
    await followJobs(jobs, ctx);
    return { ci: [{ path: file.path, system: 'travis', triggers: orderTriggers(triggers), schedules: [], jobs }] };
  },
};

/** A job's phase commands and its deploy providers (a `script` provider's command, else the provider as uses). */
function readJob(file: string, doc: YamlDoc, path: YamlPath, node: Record<string, unknown>, name: string): CiJob {
  const steps = PHASES.flatMap((phase) => scriptSteps(file, doc, [...path, phase], node[phase]));
  for (const { deploy, deployPath } of deploysOf(node, path)) {
    const line = doc.lineOf(deployPath);
    if (deploy.provider === 'script' && typeof deploy.script === 'string') {
      steps.push({ path: file, line, command: deploy.script.trim() });
    } else if (typeof deploy.provider === 'string') {
      steps.push({ path: file, line, uses: deploy.provider });
    }
  }
  // The top-level job has no line of its own.
  return path.length > 0 ? { path: file, line: doc.lineOf(path), name, steps } : { path: file, name, steps };
}

interface Deploy {
  deploy: Record<string, unknown>;
  deployPath: YamlPath;
}

/** `deploy:` as one provider map or a list of them. */
function deploysOf(node: Record<string, unknown>, path: YamlPath): Deploy[] {
  const list = Array.isArray(node.deploy);
  return (list ? node.deploy as unknown[] : [node.deploy]).flatMap((value, i) => {
    const deploy = asRecord(value);
    return deploy ? [{ deploy, deployPath: list ? [...path, 'deploy', i] : [...path, 'deploy'] }] : [];
  });
}

function deploysOnTags(node: unknown): boolean {
  const record = asRecord(node);
  return record !== undefined && deploysOf(record, []).some(({ deploy }) => asRecord(deploy.on)?.tags === true);
}

/** Triggers a Travis `if:` condition selects (`type = cron`, `type IN (push, api)`, `tag IS present`). */
function conditionTriggers(condition: unknown): CiTrigger[] {
  if (typeof condition !== 'string') return [];
  const match = /\btype\s*(?:==?\s*(\w+)|IN\s*\(([^)]*)\))/i.exec(condition);
  const types = (match?.[1] ?? match?.[2] ?? '').match(/\w+/g) ?? [];
  const triggers = types.map((type) => BUILD_TYPES[type] ?? 'other');
  if (/\btag\s+IS\s+present\b|\btag\s*=/i.test(condition)) triggers.push('tag');
  return triggers;
}
