/**
 * What `content` rules need from a file, worked out once while the file is read: for every
 * pattern a rule could try on it, the first (uncommented) line that matches, and the shell
 * scripts the file names. The text itself is then let go: a 100,000-file tree is never held
 * in memory. One pass of one combined literal search decides which patterns can match at
 * all (see prefilter.ts); only those are run line by line.
 */
import { notebookCodeLines } from '../facts/python/notebook';
import type { LineMatch, TextMatches } from '../model/facts';
import { COMMENT_LINE, lineTester, type PatternEngine } from './patterns';
import { requiredLiterals } from './prefilter';
import { scriptNames } from './namedScripts';

/** A pattern as one engine runs it. */
export interface PatternOnEngine {
  pattern: string;
  engine: PatternEngine;
}

/** The key of a pattern on an engine: the same text on two engines is two patterns. */
export function patternKey({ pattern, engine }: PatternOnEngine): string {
  return `${engine}:${pattern}`;
}

/** What most files give: nothing. One shared object (a repository has tens of thousands of such files). */
export const NOTHING: TextMatches = { first: new Map(), scripts: [] };

/** The patterns to try on a set of files, compiled once with their shared prefilter. */
export class TextMatcher {
  private readonly patterns: { key: string; test: (line: string) => boolean; literals?: number[] }[];
  /** Every literal any pattern requires, longest first, as one case-insensitive search. */
  private readonly search?: RegExp;
  private readonly literalIndex = new Map<string, number>();
  /** For each literal, the other literals that are its prefixes: a match of `configs` is one of `config` too. */
  private readonly prefixes: number[][] = [];

  constructor(specs: readonly PatternOnEngine[], private readonly wantScripts: boolean) {
    const unique = new Map(specs.map((s) => [patternKey(s), s]));
    const literalsOf = new Map([...unique].map(([key, spec]) => [key, requiredLiterals(spec.pattern)]));
    const all = [...new Set([...literalsOf.values()].flatMap((l) => l ?? []))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    all.forEach((literal, i) => this.literalIndex.set(literal, i));
    this.prefixes = all.map((literal) => all.flatMap((other, j) => (other !== literal && literal.startsWith(other) ? [j] : [])));
    if (all.length > 0) this.search = new RegExp(all.map(escapeRegex).join('|'), 'g');
    this.patterns = [...unique].map(([key, spec]) => ({ key, test: lineTester(spec.pattern, spec.engine), literals: literalsOf.get(key)?.map((l) => this.literalIndex.get(l)!) }));
  }

  /** Match the text of the file at `path` (a notebook's code cells only). */
  match(path: string, text: string): TextMatches {
    let lines: readonly string[] | undefined;
    let lineNumbers: readonly (number | undefined)[] | undefined;
    if (path.toLowerCase().endsWith('.ipynb')) {
      ({ lines, lineNumbers } = notebookCodeLines(text));
      text = lines.join('\n');
    }
    const found = this.literalsIn(text.toLowerCase());
    const candidates = this.patterns.filter((p) => !p.literals || p.literals.some((i) => found[i]));
    const scripts = this.wantScripts && (text.includes('.sh') || text.includes('.bash'));
    if (candidates.length === 0 && !scripts) return NOTHING;
    lines ??= text.split('\n');
    const comment = lines.map((l) => COMMENT_LINE.test(l));
    const first = new Map<string, LineMatch>();
    for (const { key, test } of candidates) {
      const index = lines.findIndex((l, i) => !comment[i] && test(l));
      if (index < 0) continue;
      const line = lineNumbers ? lineNumbers[index] : index + 1;
      first.set(key, { ...(line !== undefined && { line }), text: lines[index].trim() });
    }
    const named = scripts ? lines.flatMap((l, i) => (comment[i] ? [] : scriptNames(l))) : [];
    return first.size === 0 && named.length === 0 ? NOTHING : { first, scripts: named };
  }

  /** Which literals occur in the (lowercased) text, by index. */
  private literalsIn(lower: string): boolean[] {
    const found: boolean[] = [];
    const search = this.search;
    if (!search) return found;
    search.lastIndex = 0;
    for (let m = search.exec(lower); m !== null; m = search.exec(lower)) {
      const i = this.literalIndex.get(m[0])!;
      found[i] = true;
      for (const j of this.prefixes[i]) found[j] = true;
      // Literals can overlap: look again from the next character, not after this match.
      search.lastIndex = m.index + 1;
    }
    return found;
  }
}

function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
