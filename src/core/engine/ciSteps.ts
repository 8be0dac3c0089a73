/** CI steps as the CI rule kinds see them: by the triggers of their jobs, with followed commands. */
import type { CiStep, Facts } from '../model/facts';
import type { CiTrigger } from '../model/knowledge';
import { commandLines } from '../facts/ci/follow';
import { matchesLine, type PatternEngine } from './patterns';
import { cut, MAX_DETAIL } from './detail';

/** Steps of the jobs run by one of `triggers` (any when not given) and by none of `except`. */
export function ciSteps(facts: Facts, triggers?: readonly CiTrigger[], except?: readonly CiTrigger[]): { path: string; step: CiStep }[] {
  return facts.ci.flatMap((pipeline) =>
    pipeline.jobs
      .filter((job) => {
        const own = job.triggers ?? pipeline.triggers;
        return (!triggers || own.some((t) => triggers.includes(t))) && !(except && own.some((t) => except.includes(t)));
      })
      .flatMap((job) => job.steps.map((step) => ({ path: step.path, step }))));
}

/** The first line of a command (or of its logical lines) that matches; commented-out lines (`# pytest`) never do. */
export function commandLine(command: string | readonly string[], patterns: readonly string[], engine: PatternEngine): string | undefined {
  const lines = typeof command === 'string' ? commandLines(command) : command;
  return lines.find((l) => patterns.some((p) => matchesLine(p, l, engine)));
}

/** A signal's detail, saying where a followed step was reached from (kept when a long command is cut). */
export function followed(detail: string, step: CiStep): string {
  if (!step.via) return detail;
  const via = ` (via ${step.via.path}${step.via.line !== undefined ? `:${step.via.line}` : ''})`;
  return `${cut(detail, Math.max(MAX_DETAIL - via.length, MAX_DETAIL / 2))}${via}`;
}
