/**
 * AWS CodePipeline and CodeBuild projects defined in CloudFormation or SAM templates
 * (YAML with `!Ref`-style tags, or JSON): each pipeline stage is a job and each action a
 * step (`uses: codepipeline/<category>/<provider>`); a CodeBuild action's buildspec, inline
 * or a repository file, gives the commands it runs. Source actions on a repository start
 * the pipeline on a push; on an S3 object, when new data lands (`data`); on an image,
 * `other`. EventBridge rules that target it: an enabled schedule is `schedule`; S3 events
 * and CloudWatch alarms (e.g. a drift alarm) are `data`.
 */
import type { CiJob, CiPipeline, CiStep } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import type { ExtractContext, Extractor } from '../extractor';
import { asRecord, asStrings, firstDocQuietly, parseYaml, type YamlDoc } from '../yamlSource';
import { asList } from '../yamlShape';
import { orderTriggers } from './common';
import { buildspecJobs } from './codeBuild';
import { followJobs } from './follow';

const PIPELINE = 'AWS::CodePipeline::Pipeline';
const PROJECT = 'AWS::CodeBuild::Project';
/** Source providers that watch a code repository. */
const REPOSITORY_SOURCES = new Set(['codecommit', 'github', 'codestarsourceconnection', 'bitbucket', 'githubenterpriseserver']);
/** Event sources that mean new data or a monitoring alarm (a drift alarm is a CloudWatch alarm). */
const DATA_EVENTS = new Set(['aws.s3', 'aws.cloudwatch']);

type Resources = Record<string, Record<string, unknown>>;

export const extractor: Extractor = {
  id: 'codepipeline',
  files: ['**/*.yml', '**/*.yaml', '**/*.json', '**/*.template'],
  async extract(file, ctx) {
    if (!file.text.includes(PIPELINE) && !file.text.includes(PROJECT)) return {};
    const doc = parseYaml(file.text)[0];
    const resources = asRecord(asRecord(doc?.value)?.Resources) as Resources | undefined;
    if (!doc || !resources) return {};
    const ci: CiPipeline[] = [];
    for (const [id, value] of Object.entries(resources)) {
      const resource = asRecord(value);
      if (resource?.Type === PIPELINE) ci.push(await readPipeline(file.path, doc, resources, id, ctx));
      else if (resource?.Type === PROJECT && asRecord(asRecord(resource.Properties)?.Triggers)?.Webhook === true) {
        // A CodeBuild project with a webhook builds on every push by itself.
        const line = doc.lineOf(['Resources', id]);
        const jobs = await projectJobs(file.path, doc, resources, id, { path: file.path, line }, ctx);
        await followJobs(jobs, ctx);
        ci.push({ path: file.path, line, system: 'codebuild', triggers: ['push'], schedules: [], jobs });
      }
    }
    return ci.length > 0 ? { ci } : {};
  },
};

async function readPipeline(file: string, doc: YamlDoc, resources: Resources, id: string, ctx: ExtractContext): Promise<CiPipeline> {
  const stagesPath = ['Resources', id, 'Properties', 'Stages'];
  const triggers: CiTrigger[] = [];
  const jobs: CiJob[] = [];
  for (const [i, stageValue] of asList(asRecord(resources[id].Properties)?.Stages).entries()) {
    const stage = asRecord(stageValue);
    if (!stage) continue;
    const steps: CiStep[] = [];
    for (const [k, actionValue] of asList(stage.Actions).entries()) {
      const action = asRecord(actionValue);
      const type = asRecord(action?.ActionTypeId);
      if (!action || !type) continue;
      const line = doc.lineOf([...stagesPath, i, 'Actions', k]);
      const category = String(type.Category ?? '');
      const provider = String(type.Provider ?? '');
      steps.push({ path: file, line, uses: `codepipeline/${category}/${provider}` });
      if (category.toLowerCase() === 'source') {
        triggers.push(REPOSITORY_SOURCES.has(provider.toLowerCase()) ? 'push' : provider.toLowerCase() === 's3' ? 'data' : 'other');
      }
      const project = refOf(asRecord(action.Configuration)?.ProjectName);
      if (provider.toLowerCase() === 'codebuild' && project !== undefined) {
        steps.push(...(await projectJobs(file, doc, resources, project, { path: file, line }, ctx)).flatMap((j) => j.steps));
      }
    }
    jobs.push({ path: file, line: doc.lineOf([...stagesPath, i]), name: typeof stage.Name === 'string' ? stage.Name : `stage ${i + 1}`, steps });
  }
  const schedules = scheduleRules(resources, id);
  if (schedules.length > 0) triggers.push('schedule');
  if (eventRules(resources, id).some((source) => DATA_EVENTS.has(source))) triggers.push('data');
  await followJobs(jobs, ctx);
  return { path: file, line: doc.lineOf(['Resources', id]), system: 'codepipeline', triggers: orderTriggers(triggers), schedules, jobs };
}

/** The commands of a CodeBuild project's buildspec: inline in the template, or a repository file. */
async function projectJobs(
  file: string, doc: YamlDoc, resources: Resources, id: string, via: { path: string; line?: number }, ctx: ExtractContext,
): Promise<CiJob[]> {
  const resource = resources[id];
  if (resource?.Type !== PROJECT) return [];
  const buildspec = asRecord(asRecord(resource.Properties)?.Source)?.BuildSpec;
  const spec = typeof buildspec === 'string' ? buildspec : 'buildspec.yml';
  let jobs: CiJob[] = [];
  if (/\n/.test(spec) || /^\s*version\s*:/.test(spec)) {
    // Inline: the commands are located at the BuildSpec key of the template.
    const line = doc.lineOf(['Resources', id, 'Properties', 'Source', 'BuildSpec']);
    const inline = firstDocQuietly(spec);
    const root = asRecord(inline?.value);
    if (inline && root) jobs = buildspecJobs(file, { ...inline, lineOf: () => line }, root);
  } else {
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    const path = [spec, dir ? `${dir}/${spec}` : spec].find((p) => ctx.exists(p));
    const text = path === undefined ? undefined : await ctx.read(path);
    const parsed = text === undefined ? undefined : firstDocQuietly(text);
    const root = asRecord(parsed?.value);
    if (path !== undefined && parsed && root) jobs = buildspecJobs(path, parsed, root);
  }
  for (const job of jobs) for (const step of job.steps) step.via ??= via;
  return jobs;
}

/** Cron or rate expressions of enabled EventBridge rules that start this pipeline. */
function scheduleRules(resources: Resources, pipelineId: string): string[] {
  return rulesTargeting(resources, pipelineId).flatMap((p) => (typeof p.ScheduleExpression === 'string' ? [p.ScheduleExpression] : []));
}

/** Event sources (`aws.s3`, `aws.cloudwatch`) of enabled EventBridge rules that start this pipeline. */
function eventRules(resources: Resources, pipelineId: string): string[] {
  return rulesTargeting(resources, pipelineId).flatMap((p) => asStrings(asRecord(p.EventPattern)?.source));
}

/** Properties of the enabled EventBridge rules whose targets name the pipeline. */
function rulesTargeting(resources: Resources, pipelineId: string): Record<string, unknown>[] {
  return Object.values(resources).flatMap((resource) => {
    const properties = asRecord(resource?.Properties);
    if (resource?.Type !== 'AWS::Events::Rule' || !properties) return [];
    if (String(properties.State ?? 'ENABLED').toUpperCase() === 'DISABLED') return [];
    return JSON.stringify(properties.Targets ?? []).includes(pipelineId) ? [properties] : [];
  });
}

/** The logical id a `Ref` (or a plain name) points to. */
function refOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const ref = asRecord(value)?.Ref;
  return typeof ref === 'string' ? ref : undefined;
}

