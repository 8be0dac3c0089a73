/**
 * Google Cloud Build configs, recognised by their shape wherever they are: `steps` whose
 * `name` is a builder image, run with `args`, an `entrypoint` or a `script`.
 */
import type { CiJob, CiStep } from '../../model/facts';
import type { Extractor } from '../extractor';
import { asRecord, asStrings } from '../yamlSource';
import { asList } from '../yamlShape';
import { followJobs } from './follow';
import { isOtherCiFile } from './otherCiFiles';
import { parseByShape } from './common';

/**
 * An image reference (`gcr.io/cloud-builders/docker`, `python:3.11`), one with substitutions
 * in its path or tag (`gcr.io/$PROJECT_ID/trainer:${_TAG}`, the usual way to name the project's
 * own builder images), or a substitution (`$_IMAGE`).
 */
const IMAGE = /^(\$\{?_?\w+\}?|[\w.${}-]+(:\d+)?(\/[\w.${}-]+)*(:[\w.${}-]+)?(@sha256:\w+)?)$/;

export const extractor: Extractor = {
  id: 'cloud-build',
  files: ['**/*.yml', '**/*.yaml', '**/cloudbuild.json'],
  async extract(file, ctx) {
    if (isOtherCiFile(file.path) || !/^\s*steps\s*:|"steps"\s*:/m.test(file.text)) return {};
    const docs = parseByShape(file.text, file.path, /(^|\/)cloudbuild[^/]*$/i);
    if (!docs) return {};
    const root = asRecord(docs[0]?.value);
    if (!root || !isCloudBuild(root)) return {};
    const doc = docs[0];
    const steps = asList(root.steps).flatMap((value, i): CiStep[] => {
      const command = stepCommand(asRecord(value)!);
      return command ? [{ path: file.path, line: doc.lineOf(['steps', i]), command }] : [];
    });
    const jobs: CiJob[] = [{ path: file.path, line: doc.lineOf(['steps']), name: 'build', steps }];
    await followJobs(jobs, ctx);
    // Build triggers are set up in the cloud project, not in this file; the usual one is a push to a branch.
    return { ci: [{ path: file.path, system: 'cloud-build', triggers: ['push'], schedules: [], jobs }] };
  },
};

/** Keys of Azure Pipelines steps, which may also have a `name` and a `script`. */
const AZURE_STEP_KEYS = ['task', 'bash', 'pwsh', 'powershell', 'checkout', 'template', 'displayName', 'inputs', 'condition'];

function isCloudBuild(root: Record<string, unknown>): boolean {
  const steps = asList(root.steps).map(asRecord);
  return steps.length > 0
    && steps.every((s) => s !== undefined && typeof s.name === 'string' && IMAGE.test(s.name) && !AZURE_STEP_KEYS.some((k) => k in s))
    // A bare word as `name` is an image only next to `args`/`entrypoint`; with just a `script`, a registry path or tag shows it.
    && steps.some((s) => s!.args !== undefined || typeof s!.entrypoint === 'string' || (typeof s!.script === 'string' && /[/:]/.test(String(s!.name))));
}

/**
 * The command a step runs: its `script`, or the entrypoint (by default the builder's
 * name, `docker` for `gcr.io/cloud-builders/docker`) with its args; `bash -c '...'` is the
 * script itself, as are the args `['-c', '...']` of an image without an entrypoint in the
 * step (a builder image whose own entrypoint is a shell).
 */
function stepCommand(step: Record<string, unknown>): string | undefined {
  if (typeof step.script === 'string') return step.script.trim();
  const args = asStrings(step.args);
  const entrypoint = typeof step.entrypoint === 'string' ? step.entrypoint : builderOf(String(step.name));
  const shell = /^(ba)?sh$/.test(entrypoint ?? '') || typeof step.entrypoint !== 'string';
  if (shell && args[0] === '-c' && args[1] !== undefined) return args[1].trim();
  const command = [entrypoint, ...args].filter((w) => w !== undefined && w !== '').join(' ').trim();
  return command || undefined;
}

/** The default entrypoint of a builder image: its last path segment without the tag (none for a substitution). */
function builderOf(image: string): string | undefined {
  if (image.startsWith('$')) return undefined;
  return image.split('/').pop()!.replace(/[:@].*$/, '');
}
