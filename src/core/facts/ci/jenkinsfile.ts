/**
 * Jenkinsfiles (declarative or scripted Groovy), read as text: `stage('x')` blocks become
 * jobs and `sh`/`bat`/`powershell` calls their steps.
 */
import type { CiJob } from '../../model/facts';
import type { CiTrigger } from '../../model/knowledge';
import type { Extractor } from '../extractor';
import { orderTriggers } from './common';
import { tokenizeGroovy, type GroovyToken } from './groovyTokens';
import { followJobs } from './follow';

const SHELL_STEPS = new Set(['sh', 'bat', 'powershell', 'pwsh']);

/** How far into a step's named arguments to look for `script:`. */
const MAX_ARGUMENT_TOKENS = 16;

export const extractor: Extractor = {
  id: 'jenkinsfile',
  files: ['**/Jenkinsfile', '**/Jenkinsfile.*'],
  async extract(file, ctx) {
    // Commands keep their inner line breaks; make them the same for CRLF files.
    const tokens = tokenizeGroovy(file.text.replace(/\r\n?/g, '\n'));
    // Multibranch and classic jobs build on push unless the file narrows it.
    const triggers: CiTrigger[] = ['push'];
    const schedules: string[] = [];
    const jobs: CiJob[] = [];
    /** The stage steps belong to; scripted pipelines may run steps outside any stage. */
    const currentJob = (line: number): CiJob => {
      if (jobs.length === 0) jobs.push({ path: file.path, line, name: 'default', steps: [] });
      return jobs[jobs.length - 1];
    };
    tokens.forEach((token, i) => {
      if (token.kind !== 'word') return;
      if (token.value === 'stage') {
        const name = stringArgument(tokens, i + 1);
        if (name !== undefined) jobs.push({ path: file.path, line: token.line, name, steps: [] });
      } else if (SHELL_STEPS.has(token.value)) {
        const command = (stringArgument(tokens, i + 1) ?? namedArgument(tokens, i + 1, 'script'))?.trim();
        if (command) currentJob(token.line).steps.push({ path: file.path, line: token.line, command });
      } else if (token.value === 'cron') {
        const cron = stringArgument(tokens, i + 1);
        if (cron !== undefined) {
          triggers.push('schedule');
          schedules.push(cron.trim());
        }
      } else if (isTagCondition(tokens, i)) {
        triggers.push('tag');
      } else if (token.value === 'changeRequest') {
        triggers.push('pull_request');
      }
    });
    await followJobs(jobs, ctx);
    return { ci: [{ path: file.path, system: 'jenkins', triggers: orderTriggers(triggers), schedules, jobs }] };
  },
};

/** The string passed as first argument at `i`: `'x'` or `('x'`. */
function stringArgument(tokens: GroovyToken[], i: number): string | undefined {
  const at = tokens[i]?.value === '(' ? i + 1 : i;
  return tokens[at]?.kind === 'string' ? tokens[at].value : undefined;
}

/** The string of a named argument (`sh(script: 'x', returnStdout: true)`, `sh label: 'l', script: 'x'`). */
function namedArgument(tokens: GroovyToken[], i: number, name: string): string | undefined {
  const start = tokens[i]?.value === '(' ? i + 1 : i;
  for (let k = start; k < Math.min(tokens.length - 2, start + MAX_ARGUMENT_TOKENS); k++) {
    const token = tokens[k];
    if (token.kind === 'punct' && /[(){}]/.test(token.value)) return undefined;
    const [colon, value] = [tokens[k + 1], tokens[k + 2]];
    if (token.kind === 'word' && token.value === name && colon.value === ':' && value.kind === 'string') {
      return value.value;
    }
  }
  return undefined;
}

/** `when { tag 'v*' }`, `tag pattern: ...`, `buildingTag()` — but not a variable named `tag`. */
function isTagCondition(tokens: GroovyToken[], i: number): boolean {
  if (tokens[i].value === 'buildingTag') return true;
  const next = tokens[i + 1];
  return tokens[i].value === 'tag' && next !== undefined
    && (next.kind === 'string' || next.value === '(' || next.value === 'pattern');
}
