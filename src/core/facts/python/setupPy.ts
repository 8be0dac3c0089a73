/**
 * setuptools dependencies. `setup.py` is read as text, never run: the string literals of
 * `install_requires` / `extras_require` lists (or of the list variable they name).
 * `setup.cfg`: `[options] install_requires` and `[options.extras_require]`.
 */
import type { PythonDependency } from '../../model/facts';
import type { Extractor, SourceFile } from '../extractor';
import { tokenizePython, type PythonToken } from './pythonTokenizer';
import { parseRequirement } from './requirementName';

const REQUIREMENT_ARGUMENTS = new Set(['install_requires', 'extras_require']);
/** A literal list longer than this many tokens is not a requirement list worth reading. */
const MAX_LITERAL_TOKENS = 20000;

export const extractor: Extractor = {
  id: 'setup-py',
  files: ['**/setup.py', '**/setup.cfg'],
  extract(file) {
    const isCfg = file.path.toLowerCase().endsWith('.cfg');
    return { dependencies: isCfg ? setupCfgDependencies(file) : setupPyDependencies(file) };
  },
};

function setupPyDependencies(file: SourceFile): PythonDependency[] {
  const tokens = tokenizePython(file.text);
  const assignments = literalAssignments(tokens);
  const dependencies: PythonDependency[] = [];
  // A list both assigned to `install_requires` and passed as `install_requires=...` is read once.
  const literalsRead = new Set<number>();
  tokens.forEach((token, index) => {
    // `install_requires=[...]` as an argument or assignment, or `'install_requires': [...]` in a dict.
    const separator = token.kind === 'name' ? '=' : token.kind === 'string' ? ':' : undefined;
    if (separator === undefined || !REQUIREMENT_ARGUMENTS.has(token.text) || !isOp(tokens[index + 1], separator)) return;
    const open = literalStart(tokens, index + 2, assignments);
    if (open === undefined || literalsRead.has(open)) return;
    literalsRead.add(open);
    for (const literal of requirementLiterals(tokens, open)) {
      const requirement = parseRequirement(literal.text);
      if (requirement?.name !== undefined) {
        dependencies.push({ path: file.path, line: literal.line, name: requirement.name, spec: requirement.spec, pinned: requirement.pinned, source: 'setup.py' });
      }
    }
  });
  return dependencies;
}

function isOp(token: PythonToken | undefined, text: string): boolean {
  return token?.kind === 'op' && token.text === text;
}

function isOpening(token: PythonToken | undefined): boolean {
  return isOp(token, '[') || isOp(token, '(') || isOp(token, '{');
}

/**
 * Index of the bracket opening the value at `index`: a literal, or the literal assigned
 * at module level (`NAME = [...]`) to the name found there.
 */
function literalStart(tokens: readonly PythonToken[], index: number, assignments: Map<string, number>): number | undefined {
  const value = tokens[index];
  if (isOpening(value)) return index;
  return value?.kind === 'name' ? assignments.get(value.text) : undefined;
}

/** Statement-level `NAME = <bracket>` assignments: name → index of the bracket (first one wins). */
function literalAssignments(tokens: readonly PythonToken[]): Map<string, number> {
  const assignments = new Map<string, number>();
  tokens.forEach((token, at) => {
    const startsStatement = at === 0 || tokens[at - 1].kind === 'newline';
    if (startsStatement && token.kind === 'name' && isOp(tokens[at + 1], '=') && isOpening(tokens[at + 2]) && !assignments.has(token.text)) {
      assignments.set(token.text, at + 2);
    }
  });
  return assignments;
}

/**
 * String literals inside the bracket at `open`, except dictionary keys (`"dev": [...]`).
 * A comprehension (`[l for l in open(...)]`) yields none: its strings are not requirements.
 */
function requirementLiterals(tokens: readonly PythonToken[], open: number): PythonToken[] {
  const literals: PythonToken[] = [];
  let depth = 0;
  const end = Math.min(tokens.length, open + MAX_LITERAL_TOKENS);
  for (let index = open; index < end; index++) {
    const token = tokens[index];
    if (isOpening(token)) depth++;
    else if (isOp(token, ')') || isOp(token, ']') || isOp(token, '}')) depth--;
    else if (token.kind === 'name' && token.text === 'for') return [];
    else if (token.kind === 'string' && !isOp(tokens[index + 1], ':')) literals.push(token);
    if (depth === 0) break;
  }
  return literals;
}

/** A key of a setup.cfg section with its value lines (continuations on indented lines). */
interface IniEntry {
  key: string;
  values: Array<{ text: string; line: number }>;
}

function setupCfgDependencies(file: SourceFile): PythonDependency[] {
  const sections = readIniSections(file.text);
  const entries = [
    ...(sections.get('options') ?? []).filter((entry) => entry.key === 'install_requires'),
    ...(sections.get('options.extras_require') ?? []),
  ];
  const dependencies: PythonDependency[] = [];
  for (const { text, line } of entries.flatMap((entry) => entry.values)) {
    // `file: requirements.txt` and other directives parse as nameless paths and drop out.
    const requirement = parseRequirement(text);
    if (requirement?.name !== undefined) {
      dependencies.push({ path: file.path, line, name: requirement.name, spec: requirement.spec, pinned: requirement.pinned, source: 'setup.cfg' });
    }
  }
  return dependencies;
}

/**
 * A minimal INI reader (as configparser reads setup.cfg): `[section]`, `key = value` or
 * `key: value`, indented continuation lines, `#` / `;` comment lines. Section names are
 * lower-cased and key dashes become underscores (setuptools accepts both spellings).
 */
function readIniSections(text: string): Map<string, IniEntry[]> {
  const sections = new Map<string, IniEntry[]>();
  let section: IniEntry[] | undefined;
  let entry: IniEntry | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    const line = index + 1;
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (/^\s/.test(raw) && entry) {
      entry.values.push({ text: trimmed, line });
      return;
    }
    const header = /^\[([^\]]+)\]/.exec(trimmed);
    if (header) {
      const name = header[1].trim().toLowerCase();
      section = sections.get(name) ?? [];
      sections.set(name, section);
      entry = undefined;
      return;
    }
    const assignment = /^([^=:]+)[=:](.*)$/.exec(trimmed);
    if (!section || !assignment) {
      entry = undefined;
      return;
    }
    entry = { key: assignment[1].trim().toLowerCase().replace(/-/g, '_'), values: [] };
    const value = assignment[2].trim();
    if (value) entry.values.push({ text: value, line });
    section.push(entry);
  });
  return sections;
}
