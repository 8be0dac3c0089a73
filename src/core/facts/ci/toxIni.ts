/**
 * tox's ini configuration (tox.ini, or setup.cfg's `[tox:tox]` and `[testenv]` sections)
 * read as far as a CI step needs it: the `commands` of the environments `tox` runs. Section
 * names and `envlist` entries are brace-expanded (`py{310,311}-lint`), command lines keep
 * their factor conditions (`lint: flake8` runs only in environments with the `lint` factor)
 * and `{[testenv]commands}` is replaced by the commands it names. Other substitutions are
 * left as written.
 */

export interface ToxCommand {
  line: number;
  command: string;
}

interface ToxSection {
  /** `commands` as written (factor conditions kept), undefined without the key. */
  commands?: ToxCommand[];
}

/** Names one brace-expanded entry may give; generated matrices beyond this are not expanded further. */
const MAX_EXPANDED = 256;
/** Environments looked up one by one; a longer selection is read as every environment. */
const MAX_ENVS = 256;
/** `py38,lint: cmd`, `py38-!cov: cmd`: a command run only in some environments. */
const FACTOR_CONDITION = /^(!?[\w.]+(?:-!?[\w.]+)*(?:\s*,\s*!?[\w.]+(?:-!?[\w.]+)*)*)\s*:\s+(\S.*)$/;
const REFERENCE = /^\{\[([^\]]+)\]commands\}$/;

/**
 * The commands tox runs for the environments `envs` (from `-e`); without them, the
 * environments of `envlist` or, when it is missing or not literal, every environment.
 */
export function toxCommands(text: string, envs?: readonly string[]): ToxCommand[] {
  const { sections, envlist } = parseToxIni(text);
  const named = envs ?? envlist;
  // `-e ${{ matrix.env }}`, `{env:TOXENV}`: not known here, so every environment.
  const wanted = named?.some((e) => /\$|\{[^}]*:/.test(e)) ? undefined : named?.flatMap(expandBraces);
  const all = wanted === undefined || wanted.length > MAX_ENVS || wanted.some((e) => /[{}]/.test(e) || e === 'ALL' || e === 'all');
  const found = new Map<number, ToxCommand>();
  const add = (commands: ToxCommand[] | undefined, env: string | undefined) => {
    for (const command of expandReferences(commands ?? [], sections)) {
      const condition = FACTOR_CONDITION.exec(command.command);
      if (condition && env !== undefined && !factorsMatch(condition[1], env)) continue;
      found.set(command.line, condition ? { line: command.line, command: condition[2].trim() } : command);
    }
  };
  if (all || !wanted) {
    for (const [name, section] of sections) if (name === 'testenv' || name.startsWith('testenv:')) add(section.commands, undefined);
  } else {
    // The section of each environment name (`[testenv:py{310,311}-lint]` names several); the first wins, as in tox.
    const named = new Map<string, ToxSection>();
    for (const [name, section] of sections) {
      if (!name.startsWith('testenv:')) continue;
      for (const env of expandBraces(name.slice(8).trim())) if (!named.has(env)) named.set(env, section);
    }
    for (const env of new Set(wanted)) add(named.get(env)?.commands ?? sections.get('testenv')?.commands, env);
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}

function parseToxIni(text: string): { sections: Map<string, ToxSection>; envlist?: string[] } {
  const sections = new Map<string, ToxSection>();
  let envlist: string | undefined;
  let section = '';
  let key: 'commands' | 'envlist' | undefined;
  text.split('\n').forEach((raw, i) => {
    const header = /^\s*\[([^\]]+)\]/.exec(raw);
    if (header) {
      section = header[1].trim();
      key = undefined;
      return;
    }
    const isEnv = section === 'testenv' || section.startsWith('testenv:');
    const isTox = section === 'tox' || section === 'tox:tox';
    if (!isEnv && !isTox) return;
    if (/^\s*[#;]/.test(raw)) return;
    const assignment = /^(\w[\w-]*)\s*=\s*(.*)$/.exec(raw);
    const value = assignment ? assignment[2].trim() : raw.trim();
    if (assignment) {
      key = isEnv && assignment[1] === 'commands' ? 'commands' : isTox && /^env_?list$/.test(assignment[1]) ? 'envlist' : undefined;
      if (key === 'commands') sections.set(section, { commands: [] });
      if (key === 'envlist') envlist = '';
    } else if (!(key !== undefined && /^\s+\S/.test(raw))) {
      if (raw.trim()) key = undefined;
      return;
    }
    if (!value) return;
    if (key === 'commands') sections.get(section)!.commands!.push({ line: i + 1, command: value });
    else if (key === 'envlist') envlist += `,${value}`;
  });
  const names = envlist === undefined ? undefined : splitOutsideBraces(envlist).filter((e) => e !== '');
  return { sections, ...(names !== undefined && names.length > 0 && { envlist: names }) };
}

/** `{[testenv]commands}` lines replaced by that section's commands (one level deep). */
function expandReferences(commands: ToxCommand[], sections: ReadonlyMap<string, ToxSection>): ToxCommand[] {
  return commands.flatMap((command) => {
    const reference = REFERENCE.exec(command.command);
    if (!reference) return [command];
    return (sections.get(reference[1].trim())?.commands ?? []).filter((c) => !REFERENCE.test(c.command));
  });
}

/** Whether environment `env` satisfies a factor condition (`py38,lint`, `py38-!cov`). */
function factorsMatch(condition: string, env: string): boolean {
  const factors = new Set(env.split('-'));
  return condition.split(',').some((alternative) => alternative.trim().split('-').every((f) => (f.startsWith('!') ? !factors.has(f.slice(1)) : factors.has(f))));
}

/** Comma- or line-separated entries, commas inside braces kept. */
function splitOutsideBraces(text: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    if ((char === ',' || char === '\n') && depth === 0) {
      entries.push(current.trim());
      current = '';
    } else current += char;
  }
  entries.push(current.trim());
  return entries;
}

/** `py{310,311}-lint` → `py310-lint`, `py311-lint`. */
export function expandBraces(name: string): string[] {
  const open = name.indexOf('{');
  const close = open < 0 ? -1 : name.indexOf('}', open);
  if (close < 0) return [name];
  const head = name.slice(0, open);
  const rest = expandBraces(name.slice(close + 1));
  const names: string[] = [];
  for (const option of name.slice(open + 1, close).split(',')) {
    for (const tail of rest) {
      if (names.length >= MAX_EXPANDED) return names;
      names.push(`${head}${option.trim()}${tail}`);
    }
  }
  return names;
}

/**
 * The ini text pyproject.toml gives tox in `[tool.tox] legacy_tox_ini = """..."""`, and the
 * file line its first line is on; undefined without one (tox 4's native TOML is not read).
 */
export function legacyToxIni(pyproject: string): { text: string; firstLine: number } | undefined {
  const key = /^[ \t]*legacy_tox_ini[ \t]*=[ \t]*("""|''')/m.exec(pyproject);
  if (!key) return undefined;
  let start = key.index + key[0].length;
  // TOML drops a line break right after the opening quotes.
  if (pyproject[start] === '\n') start++;
  else if (pyproject.startsWith('\r\n', start)) start += 2;
  const end = pyproject.indexOf(key[1], start);
  if (end < 0) return undefined;
  const firstLine = pyproject.slice(0, start).split('\n').length;
  return { text: pyproject.slice(start, end), firstLine };
}
