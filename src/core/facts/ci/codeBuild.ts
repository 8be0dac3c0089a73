/**
 * AWS CodeBuild buildspec files, recognised by their shape wherever they are: a `version`
 * and `phases` whose `commands` are shell commands.
 */
import type { CiJob, CiStep } from '../../model/facts';
import type { Extractor } from '../extractor';
import { asRecord, type YamlDoc } from '../yamlSource';
import { followJobs } from './follow';
import { isOtherCiFile } from './otherCiFiles';
import { parseByShape, scriptSteps } from './common';

/** Phases in the order CodeBuild runs them. */
const PHASES = ['install', 'pre_build', 'build', 'post_build'] as const;

export const extractor: Extractor = {
  id: 'codebuild',
  files: ['**/*.yml', '**/*.yaml'],
  async extract(file, ctx) {
    if (isOtherCiFile(file.path) || !/^phases\s*:/m.test(file.text)) return {};
    const doc = parseByShape(file.text, file.path, /(^|\/)buildspec[^/]*$/i)?.[0];
    const root = asRecord(doc?.value);
    if (!doc || !root || root.version === undefined) return {};
    const jobs = buildspecJobs(file.path, doc, root);
    if (jobs.length === 0) return {};
    await followJobs(jobs, ctx);
    // A CodeBuild project runs on a webhook or as a CodePipeline stage: both start from a push.
    return { ci: [{ path: file.path, system: 'codebuild', triggers: ['push'], schedules: [], jobs }] };
  },
};

/** One job per phase with commands (also used for a buildspec written inline in a template). */
export function buildspecJobs(file: string, doc: YamlDoc, root: Record<string, unknown>, at: ReadonlyArray<string | number> = []): CiJob[] {
  const phases = asRecord(root.phases);
  if (!phases) return [];
  return PHASES.flatMap((phase): CiJob[] => {
    const node = asRecord(phases[phase]);
    if (!node) return [];
    const steps: CiStep[] = [
      ...scriptSteps(file, doc, [...at, 'phases', phase, 'commands'], node.commands),
      ...scriptSteps(file, doc, [...at, 'phases', phase, 'finally'], node.finally),
    ];
    return steps.length > 0 ? [{ path: file, line: doc.lineOf([...at, 'phases', phase]), name: phase, steps }] : [];
  });
}
