/**
 * Regular expressions in rules. The knowledge base's own patterns run on V8's engine,
 * checked for the shapes behind catastrophic backtracking. Patterns from a repository's
 * `.mlops-lens.yaml` are untrusted: they run on RE2JS, a linear-time engine, so no
 * pattern a stranger writes can hang a scan. Lines are always cut to a fixed length.
 */
import { RE2JS } from 're2js';

export const MAX_PATTERN_LENGTH = 300;
/** A comment line of a script or config (`#`): content rules never match it, nor read script names from it. */
export const COMMENT_LINE = /^\s*#/;
/** Longest stretch of a line a pattern is run against. */
export const MAX_MATCHED_LINE = 2000;

/** Which engine runs a pattern: V8's for reviewed knowledge-base rules, linear-time for user rules. */
export type PatternEngine = 'native' | 'linear';

const BACKREFERENCE = /\\[1-9]|\\k</;
/** A group containing `*`, `+` or `{n,}` that is itself repeated, e.g. `(a+)+` or `(\w*)*`. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[*+]|\{\d*,\d*\})(?:[^()\\]|\\.)*\)(?:[*+]|\{\d*,\d*\})/;

/** Why a rule pattern is unacceptable, or undefined when it is fine. */
export function checkRulePattern(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  if (BACKREFERENCE.test(pattern)) return 'back-references are not allowed in patterns';
  if (NESTED_QUANTIFIER.test(pattern)) return 'a repeated group that contains a repetition (like (a+)+) can take exponential time; simplify the pattern';
  try {
    new RegExp(pattern, 'i');
  } catch (err) {
    return `invalid regular expression: ${(err as Error).message}`;
  }
  return undefined;
}

/** Why a pattern cannot run on the linear-time engine (lookaround is not linear), or undefined. */
export function checkLinearPattern(pattern: string): string | undefined {
  try {
    RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    return undefined;
  } catch (err) {
    return `not supported in .mlops-lens.yaml patterns, which run on a linear-time engine: ${(err as Error).message}`;
  }
}

interface Matcher {
  test(line: string): boolean;
}

/** Compiled patterns per engine (a lookup per matched line: no key building on the hot path). */
const compiled: Record<PatternEngine, Map<string, Matcher>> = { native: new Map(), linear: new Map() };

/** The case-insensitive matcher for a checked pattern on the given engine (cached). */
export function compilePattern(pattern: string, engine: PatternEngine = 'native'): Matcher {
  let matcher = compiled[engine].get(pattern);
  if (!matcher) {
    if (engine === 'native') {
      matcher = new RegExp(pattern, 'i');
    } else {
      const re2 = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
      matcher = { test: (line) => re2.matcher(line).find() };
    }
    compiled[engine].set(pattern, matcher);
  }
  return matcher;
}

/** Test a pattern against a line cut to the matched-length bound. */
export function matchesLine(pattern: string, line: string, engine: PatternEngine = 'native'): boolean {
  return lineTester(pattern, engine)(line);
}

/** A pattern's test of a line cut to the matched-length bound, for testing many lines with one lookup. */
export function lineTester(pattern: string, engine: PatternEngine = 'native'): (line: string) => boolean {
  const matcher = compilePattern(pattern, engine);
  return (line) => matcher.test(line.length > MAX_MATCHED_LINE ? line.slice(0, MAX_MATCHED_LINE) : line);
}
