/**
 * Regular expressions in rules come from the knowledge base and from users' config
 * files, so they are bounded: short, no back-references, no quantified groups that
 * themselves contain quantifiers (the shape behind catastrophic backtracking), and
 * only ever run against lines cut to a fixed length.
 */

export const MAX_PATTERN_LENGTH = 300;
/** Longest stretch of a line a pattern is run against. */
export const MAX_MATCHED_LINE = 2000;

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

const compiled = new Map<string, RegExp>();

/** The case-insensitive RegExp for a checked pattern (cached). */
export function compilePattern(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, 'i');
    compiled.set(pattern, regex);
  }
  return regex;
}

/** Test a pattern against a line cut to the matched-length bound. */
export function matchesLine(pattern: string, line: string): boolean {
  return compilePattern(pattern).test(line.length > MAX_MATCHED_LINE ? line.slice(0, MAX_MATCHED_LINE) : line);
}
