/**
 * Literal prefilters for rule patterns. Most patterns cannot match unless the text holds
 * some literal (`merge_from_file`, one of `mlflow`/`wandb`): a file without any is never
 * split into lines nor run through the pattern. The literals come from a conservative
 * reading of the pattern: anything not understood gives no literal, never a wrong one,
 * so a prefilter can only let through a file the pattern then rejects, never drop one
 * it would match. Patterns are case-insensitive: literals are ASCII, lowercased.
 */

/** Fewer characters than this give a prefilter that rejects almost nothing. */
const MIN_LITERAL = 2;
/** Bound on a set of alternative strings a piece matches exactly (`config[-_](file|path)` is 4). */
const MAX_SET = 16;
/** Bound on the literals of alternatives (one combined search looks for all of them at once). */
const MAX_ANY = 64;

/** What a piece of a pattern tells about the text it matches. */
interface Info {
  /** Every string the piece matches, lowercased, when there are few. */
  exact?: string[];
  /** Literals of which every match contains at least one. */
  any?: string[];
}

const UNKNOWN: Info = {};
const EMPTY: Info = { exact: [''] };

/**
 * Literals of which every match of the pattern contains one (lowercased), or undefined
 * when the pattern gives none worth checking.
 */
export function requiredLiterals(pattern: string): string[] | undefined {
  let info: Info;
  try {
    info = new Reader(pattern).alternation();
  } catch {
    return undefined;
  }
  const literals = anyOf(info);
  return literals && literals.every((l) => l.length >= MIN_LITERAL) ? literals : undefined;
}

/** The `any` set of a piece, or its exact strings when none of them is empty. */
function anyOf(info: Info): string[] | undefined {
  const fromExact = info.exact && !info.exact.includes('') ? info.exact : undefined;
  return better(info.any, fromExact);
}

/** The stronger of two literal sets: longest shortest member, then fewest members. */
function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const shortest = (s: string[]) => Math.min(...s.map((x) => x.length));
  if (shortest(a) !== shortest(b)) return shortest(a) > shortest(b) ? a : b;
  return a.length <= b.length ? a : b;
}

function cross(a: string[], b: string[]): string[] | undefined {
  if (a.length * b.length > MAX_SET) return undefined;
  return [...new Set(a.flatMap((x) => b.map((y) => x + y)))];
}

/** A reader of JavaScript regex syntax (no flags but `i`), just deep enough for literals. */
class Reader {
  private at = 0;

  constructor(private readonly source: string) {}

  alternation(): Info {
    const branches = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0];
    const exacts = branches.map((b) => b.exact);
    const exact = exacts.every((e) => e !== undefined) ? [...new Set(exacts.flat() as string[])] : undefined;
    const anys = branches.map(anyOf);
    const any = anys.every((a) => a !== undefined) ? [...new Set(anys.flat() as string[])] : undefined;
    return { exact: exact && exact.length <= MAX_SET ? exact : undefined, any: any && any.length <= MAX_ANY ? any : undefined };
  }

  /** Items in a row: adjacent exact items join into longer strings; otherwise the best item's literals stand. */
  private sequence(): Info {
    let run: string[] | undefined = [''];
    let all: string[] | undefined = [''];
    let best: string[] | undefined;
    const flush = () => {
      if (run) best = better(best, anyOf({ exact: run }));
    };
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const item = this.quantified(this.atom());
      if (item.exact) {
        const joined: string[] | undefined = run ? cross(run, item.exact) : item.exact;
        if (!joined) flush();
        run = joined ?? item.exact;
      } else {
        flush();
        run = undefined;
        best = better(best, item.any);
      }
      all = all && item.exact ? cross(all, item.exact) : undefined;
    }
    flush();
    return { exact: all, any: best };
  }

  private quantified(item: Info): Info {
    const rest = this.source.slice(this.at);
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    let min: number;
    let max: number;
    if (rest[0] === '?') [min, max] = [0, 1];
    else if (rest[0] === '*') [min, max] = [0, Infinity];
    else if (rest[0] === '+') [min, max] = [1, Infinity];
    else if (braces) [min, max] = [Number(braces[1]), braces[2] === undefined ? Number(braces[1]) : braces[3] === '' ? Infinity : Number(braces[3])];
    else return item;
    this.at += braces ? braces[0].length : 1;
    if (this.source[this.at] === '?') this.at++;
    if (min === 1 && max === 1) return item;
    if (min === 0) return max === 1 && item.exact ? { exact: [...new Set([...item.exact, ''])] } : UNKNOWN;
    return { any: anyOf(item) };
  }

  private atom(): Info {
    const c = this.source[this.at++];
    switch (c) {
      case '^':
      case '$':
        return EMPTY;
      case '.':
        return UNKNOWN;
      case '[':
        return this.characterClass();
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      default:
        return literal(c);
    }
  }

  private group(): Info {
    const head = /^\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)/.exec(this.source.slice(this.at))?.[0] ?? '';
    if (head === '' && this.source[this.at] === '?') throw new Error('unknown group');
    this.at += head.length;
    const inner = this.alternation();
    if (this.source[this.at++] !== ')') throw new Error('unclosed group');
    // Lookaround matches no characters of its own.
    return ['?=', '?!', '?<=', '?<!'].includes(head) ? EMPTY : inner;
  }

  private escape(): Info {
    const c = this.source[this.at++];
    if (c === undefined) throw new Error('trailing backslash');
    if (c === 'b' || c === 'B') return EMPTY;
    if (c === 'n') return { exact: ['\n'] };
    if (c === 't') return { exact: ['\t'] };
    if (c === 'x' || c === 'u' || c === 'c') throw new Error('escape not read');
    if (/[A-Za-z0-9]/.test(c)) return UNKNOWN;
    return literal(c);
  }

  /** A small class of plain characters (`[-_]`, `["']`) is a set of strings; any other is unknown. */
  private characterClass(): Info {
    const chars = new Set<string>();
    let plain = this.source[this.at] !== '^';
    if (!plain) this.at++;
    for (;;) {
      const c = this.source[this.at++];
      if (c === undefined) throw new Error('unclosed class');
      if (c === ']') break;
      if (c === '\\') {
        const e = this.source[this.at++];
        if (e === undefined) throw new Error('trailing backslash');
        if (/[A-Za-z0-9]/.test(e)) plain = false;
        else chars.add(e);
      } else if (c === '-' && chars.size > 0 && this.source[this.at] !== ']') {
        plain = false;
      } else if (isAscii(c)) {
        chars.add(c.toLowerCase());
      } else {
        plain = false;
      }
    }
    return plain && chars.size > 0 && chars.size <= 4 ? { exact: [...chars] } : UNKNOWN;
  }
}

function literal(c: string): Info {
  return isAscii(c) ? { exact: [c.toLowerCase()] } : UNKNOWN;
}

function isAscii(c: string): boolean {
  return c.charCodeAt(0) < 128;
}
