/**
 * Python requirement helpers shared by every dependency-file extractor: PEP 503 name
 * normalisation, PEP 508 requirement strings, and PEP 440 "is this an exact pin".
 */

/** A requirement as read from one dependency declaration. */
export interface Requirement {
  /** PEP 503 normalised; undefined for a URL or path that names no distribution (e.g. `-e .`). */
  name?: string;
  /** Version specifier as written (`>=1.2,<2`), `@<url>` for direct references, '' when none. */
  spec: string;
  pinned: boolean;
}

/** Normalise a distribution name per PEP 503: lower case, runs of `-`, `_`, `.` become `-`. */
export function normalizeDistName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** True when a PEP 440 specifier set holds an exact pin: `===x`, or `==x` without a `*` wildcard. */
export function isExactSpec(spec: string): boolean {
  return spec.split(',').some((clause) => {
    const trimmed = clause.trim();
    if (trimmed.startsWith('===')) return trimmed.length > 3;
    return /^==\s*[^\s*]+$/.test(trimmed);
  });
}

/** True for a full 40-hex commit id: the only VCS reference that cannot move. */
export function isCommitHash(ref: string): boolean {
  return /^[0-9a-f]{40}$/i.test(ref);
}

/**
 * A dependency constraint as Poetry and Pipenv write it: a version string, or a table with
 * `version`, `git` (+ `rev` / `ref` / `tag` / `branch`), or `path` / `file` / `url`.
 * `isPinnedVersion` judges version strings, whose syntax differs between the tools.
 */
export function declaredConstraint(
  value: unknown,
  isPinnedVersion: (version: string) => boolean,
): { spec: string; pinned: boolean } {
  const table = typeof value === 'string' ? { version: value } : value;
  const text = (key: string) => {
    const field = table !== null && typeof table === 'object' ? (table as Record<string, unknown>)[key] : undefined;
    return typeof field === 'string' ? field.trim() : undefined;
  };
  const git = text('git');
  if (git !== undefined) {
    const ref = text('rev') ?? text('ref') ?? text('tag') ?? text('branch');
    const url = git.startsWith('git+') ? git : `git+${git}`;
    return { spec: `@${url}${ref ? `@${ref}` : ''}`, pinned: ref !== undefined && isCommitHash(ref) };
  }
  const location = text('path') ?? text('file') ?? text('url');
  if (location !== undefined) return { spec: `@${location}`, pinned: false };
  const version = text('version');
  if (version === undefined || version === '*') return { spec: '', pinned: false };
  return { spec: version, pinned: isPinnedVersion(version) };
}

/** Drop a `#` comment: at the start or after whitespace, so a URL's `#egg=` survives. */
export function stripComment(line: string): string {
  return line.replace(/(?:^|\s)#.*$/s, '');
}

const NAME = String.raw`[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?`;
/** `name [extras] @ url` (PEP 508 direct reference). */
const NAMED_URL = new RegExp(String.raw`^(${NAME})\s*(?:\[[^\]]*\]\s*)?@\s*(.+)$`, 's');
/** `name [extras] spec`; the specifier is checked separately. */
const NAMED_SPEC = new RegExp(String.raw`^(${NAME})\s*(?:\[[^\]]*\]\s*)?(.*)$`, 's');
/** The `#egg=name` fragment naming a URL's distribution. */
const EGG_FRAGMENT = new RegExp(String.raw`[#&]egg=(${NAME})`);
/** A specifier set: empty, or comma-separated `operator version` clauses. */
const SPECIFIER = /^(?:(?:===|==|!=|<=|>=|~=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*(?:,\s*|$))*$/;

/**
 * Parse one PEP 508 requirement (as in requirements.txt, pyproject or setup.py). Comments
 * (`#` at the start or after whitespace) and environment markers are dropped. Returns
 * undefined for an empty line or text that is not a requirement.
 */
export function parseRequirement(line: string): Requirement | undefined {
  const text = stripComment(line).trim();
  if (!text) return undefined;

  const namedUrl = NAMED_URL.exec(text);
  if (namedUrl) {
    const url = firstWord(namedUrl[2]);
    return { name: normalizeDistName(namedUrl[1]), spec: `@${url}`, pinned: isPinnedUrl(url) };
  }
  const url = firstWord(text);
  // Distribution names never hold `/`, `\` or `:`: this is a URL or a local path.
  if (/[/\\:]/.test(url) || url === '.' || url === '..') {
    const name = nameFromUrl(url);
    const requirement: Requirement = { spec: `@${url}`, pinned: isPinnedUrl(url) };
    return name === undefined ? requirement : { name: normalizeDistName(name), ...requirement };
  }

  const named = NAMED_SPEC.exec(text.split(';')[0].trim());
  if (!named) return undefined;
  let spec = named[2].trim();
  // PEP 508 still allows the old `name (>=1.0)` form.
  if (spec.startsWith('(') && spec.endsWith(')')) spec = spec.slice(1, -1).trim();
  if (!SPECIFIER.test(spec)) return undefined;
  return { name: normalizeDistName(named[1]), spec, pinned: isExactSpec(spec) };
}

/** A URL or path ends at whitespace; what follows is an environment marker (`; ...`). */
function firstWord(text: string): string {
  return text.split(/\s/, 1)[0];
}

/** A VCS URL whose `@ref` is a full commit id. */
function isPinnedUrl(url: string): boolean {
  if (!/^(?:git|hg|svn|bzr)\+/i.test(url)) return false;
  const ref = /@([^@/#?]+)(?:[#?]|$)/.exec(url.replace(/^[a-z+]+:\/\/[^/]*@/i, ''));
  return ref !== null && isCommitHash(ref[1]);
}

/** The distribution name of a URL: `#egg=name`, else a wheel file name. */
function nameFromUrl(url: string): string | undefined {
  const egg = EGG_FRAGMENT.exec(url);
  if (egg) return egg[1];
  const file = url.split(/[?#]/, 1)[0].split(/[/\\]/).pop() ?? '';
  return /^([A-Za-z0-9_.]+)-[^-]+-.+\.whl$/i.exec(file)?.[1];
}
