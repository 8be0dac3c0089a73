/**
 * What a CI step runs, followed into the repository: `make` targets, shell scripts, the
 * `tox` environments and `nox` sessions it names, job specs named on the command line
 * (`<cli> job submit job.yaml` whose `entrypoint` runs a script) and the Python file a
 * `python` command runs. Files are only read, never run; depth is bounded and a file or
 * make target already on the path is not followed again, so cycles end. A step records the
 * `tox` and `nox` calls whose commands were read (CiStep.followedRunners).
 */
import type { CiJob, CiStep, Location } from '../../model/facts';
import type { ExtractContext } from '../extractor';
import { asRecord, parseYaml } from '../yamlSource';
import { parseMakefile, type Makefile } from './makefile';
import { parseNoxfile, type NoxSession } from './noxfile';
import { isOtherCiFile } from './otherCiFiles';
import { legacyToxIni, toxCommands } from './toxIni';

/** CI step → Makefile → script → script: deeper chains are rare and not followed. */
const MAX_DEPTH = 3;
/** Steps one pipeline file may gain by following; bounds fan-out (scripts calling scripts). */
const MAX_FOLLOWED = 2000;
/** Keys of a job spec whose value is a command to run. */
const SPEC_COMMAND_KEYS = new Set(['entrypoint', 'command', 'commands', 'cmd', 'script', 'run']);
/** Nodes of a job spec looked at; specs are small, generated YAML may not be. */
const MAX_SPEC_NODES = 5000;

const SEPARATORS = new Set(['&&', '||', ';', '|', '&']);
/** Words that run the rest of the line as a command (`uv run pytest`, `sudo make install`). */
const WRAPPERS = new Set(['sudo', 'time', 'exec', 'nohup', 'env', 'command', 'xvfb-run']);
const RUNNERS = new Set(['uv', 'poetry', 'pipenv', 'pdm', 'hatch', 'rye', 'conda', 'mamba', 'micromamba', 'pixi', 'pipx']);
/** Runners' options that take a value (`conda run -n env`, `uv run --with x`, `uvx --from x`). */
const RUNNER_OPTION_WITH_VALUE = /^-(n|p)$|^--(name|prefix|with|env|extra|group|from|spec|python|directory|project|package)$/;
/** Options of `nox` that name the sessions to run (`-s` takes several: `nox -s lint tests`). */
const NOX_SESSION_OPTIONS = new Set(['-s', '-e', '--session', '--sessions']);
const SHELLS = new Set(['bash', 'sh', 'zsh', 'source', '.']);
/**
 * Commands that print, copy, edit or check a file they name rather than run what it says
 * (`dvc` commands are recognised by themselves: `dvc pull dvc.yaml` runs no stage).
 */
const FILE_HANDLERS = new Set([
  'echo', 'printf', 'cat', 'less', 'head', 'tail', 'ls', 'cp', 'mv', 'rm', 'mkdir', 'touch', 'chmod', 'grep',
  'sed', 'awk', 'diff', 'wc', 'git', 'yq', 'jq', 'envsubst', 'gsutil', 'test', '[', 'dvc',
  'yamllint', 'prettier', 'actionlint', 'check-jsonschema', 'kubeval', 'kubeconform', 'cfn-lint',
]);
const PYTHON = /^python(\d+(\.\d+)?)?(\.exe)?$/;
/** Leading `${{ github.workspace }}/`, `$(pwd)/`, `$CODEBUILD_SRC_DIR/`: the checkout's root. */
const ROOT_PREFIX = /^(\$\{\{[^}]*\}\}|\$\([^)]*\)|\$\{[^}]*\}|\$\w+)\//;

/**
 * Follow every command step of the jobs, appending what it leads to after it. `base` is
 * the folder commands start in (the repository root, or a sub-project's root).
 */
export async function followJobs(jobs: CiJob[], ctx: ExtractContext, base = ''): Promise<void> {
  const follower = new Follower(ctx, base);
  for (const job of jobs) {
    const steps: CiStep[] = [];
    for (const step of job.steps) {
      steps.push(step);
      if (step.command === undefined) continue;
      const cwd = step.dir === undefined ? base : joinPath(base, step.dir);
      steps.push(...await follower.command(step.command, { path: step.path, line: step.line }, step.via, [], 0, cwd, step));
    }
    job.steps = steps;
  }
}

/** Logical lines of a shell command: continuations joined, comments and blank lines dropped. */
export function commandLines(command: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of command.split('\n')) {
    const line = raw.trimEnd();
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const joined = (pending + line).trim();
    pending = '';
    if (joined && !joined.startsWith('#')) lines.push(joined);
  }
  if (pending.trim() && !pending.trim().startsWith('#')) lines.push(pending.trim());
  return lines;
}

class Follower {
  private followed = 0;
  private readonly makefiles = new Map<string, Makefile | undefined>();

  constructor(private readonly ctx: ExtractContext, private readonly base: string) {}

  /**
   * Steps reached from one command written at `at` (itself reached `via`): the Python files
   * its lines run, and the contents of what they call. `chain` holds the files and targets
   * on the path here. `step`, when `command` is its whole command, records the `tox` and
   * `nox` calls whose configuration was read.
   */
  async command(command: string, at: Location, via: Location | undefined, chain: string[], depth: number, cwd = this.base, step?: CiStep): Promise<CiStep[]> {
    const found: CiStep[] = [];
    for (const [lineIndex, line] of commandLines(command).entries()) {
      let dir = cwd;
      const runners: number[] = [];
      const pythonSteps: CiStep[] = [];
      for (const [segment, words] of segments(line).entries()) {
        const word = commandWord(words);
        if (word === undefined) continue;
        const [name, ...args] = words.slice(word);
        if (name === 'cd' && args[0] !== undefined) {
          dir = this.resolveDir(args[0], dir) ?? dir;
          continue;
        }
        const python = PYTHON.test(name) ? this.pythonFile(args, dir, at.path) : undefined;
        if (python) {
          pythonSteps.push({ ...at, command: line, python, ...(via ? { via } : {}) });
          found.push(pythonSteps[pythonSteps.length - 1]);
        }
        if (depth >= MAX_DEPTH || this.followed >= MAX_FOLLOWED) continue;
        const runner = taskRunner(name, args);
        if (runner) {
          const steps = runner.name === 'tox' ? await this.tox(runner.args, dir, at, chain, depth) : await this.nox(runner.args, dir, at, chain, depth);
          if (steps.length > 0) runners.push(segment);
          found.push(...steps);
          continue;
        }
        found.push(...await this.callee(name, args, dir, at, via, chain, depth));
      }
      // The followed calls are judged by what they run, in this step and in the line's own steps.
      for (const segment of runners) {
        if (step) (step.followedRunners ??= []).push({ line: lineIndex, segment });
        for (const pythonStep of pythonSteps) (pythonStep.followedRunners ??= []).push({ line: 0, segment });
      }
    }
    return found;
  }

  private async callee(name: string, args: string[], cwd: string, at: Location, via: Location | undefined, chain: string[], depth: number): Promise<CiStep[]> {
    if (/^(g?make|\$[({]MAKE[)}])$/.test(name)) return this.make(args, cwd, at, chain, depth);
    const script = this.scriptOf(name, args, cwd, at.path);
    if (script !== undefined) return this.script(script, at, chain, depth);
    if (SHELLS.has(name) && args[0] === '-c' && args[1] !== undefined) return this.command(args[1], at, via, chain, depth, cwd);
    if (FILE_HANDLERS.has(name)) return [];
    const steps: CiStep[] = [];
    for (const arg of args) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
      if (!/\.ya?ml$/i.test(value)) continue;
      const spec = this.resolveFile(value, cwd, at.path);
      // Another CI file's commands count in its own pipeline, under its own triggers.
      if (spec !== undefined && !isOtherCiFile(spec)) steps.push(...await this.spec(spec, at, chain, depth));
    }
    return steps;
  }

  /** `make [-C dir] [-f file] [target...]`: the targets' recipes, prerequisites first. */
  private async make(args: string[], cwd: string, at: Location, chain: string[], depth: number): Promise<CiStep[]> {
    let dir = cwd;
    let file: string | undefined;
    const targets: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '-C' || arg === '--directory') dir = this.resolveDir(args[++i] ?? '', cwd) ?? dir;
      else if (arg.startsWith('--directory=')) dir = this.resolveDir(arg.slice(12), cwd) ?? dir;
      else if (arg === '-f' || arg === '--file' || arg === '--makefile') file = args[++i];
      else if (arg === '-j' || arg === '-l') i++;
      else if (!arg.startsWith('-') && !arg.includes('=')) targets.push(arg);
    }
    const path = file !== undefined
      ? this.resolveFile(file, dir, at.path)
      : ['GNUmakefile', 'makefile', 'Makefile'].map((n) => joinPath(dir, n)).find((p) => this.ctx.exists(p));
    const makefile = path === undefined ? undefined : await this.makefile(path);
    if (path === undefined || !makefile) return [];
    const steps: CiStep[] = [];
    // Recipes run in the Makefile's folder; `$(MAKE) other` there comes back here one level down.
    const visit = async (target: string, via: Location, outer: string[]): Promise<void> => {
      const key = `${path}#${target}`;
      const rule = makefile.targets.get(target);
      if (!rule || outer.includes(key) || this.followed >= MAX_FOLLOWED) return;
      const inner = [...outer, key];
      for (const prerequisite of rule.prerequisites) await visit(prerequisite, { path, line: rule.line }, inner);
      for (const { line, text } of rule.recipe) {
        const command = text.replace(/^[@+-]+/, '');
        this.followed++;
        const step: CiStep = { path, line, command, via };
        steps.push(step, ...await this.command(command, { path, line }, via, inner, depth + 1, dirOf(path), step));
      }
    };
    const wanted = targets.length > 0 ? targets : makefile.defaultTarget !== undefined ? [makefile.defaultTarget] : [];
    for (const target of wanted) await visit(target, at, chain);
    return steps;
  }

  /**
   * `tox [-e env,...] [-c file]`: the `commands` of the environments it runs, in tox.ini or,
   * without one, where tox looks next: setup.cfg when it has a `[tox:tox]` section, then
   * pyproject.toml's `legacy_tox_ini` string.
   */
  private async tox(args: string[], cwd: string, at: Location, chain: string[], depth: number): Promise<CiStep[]> {
    let config: string | undefined;
    let envs: string[] | undefined;
    for (let i = 0; i < args.length && args[i] !== '--'; i++) {
      const arg = args[i];
      const value = /^(-c|--conf|-e|--envlist|--env)$/.test(arg) ? args[++i] : /^--(conf|envlist|env)=/.test(arg) ? arg.slice(arg.indexOf('=') + 1) : /^-[ce]./.test(arg) ? arg.slice(2) : undefined;
      if (value === undefined) continue;
      if (/^(-c|--conf)/.test(arg)) config = value;
      else envs = [...envs ?? [], ...value.split(',').map((e) => e.trim()).filter((e) => e !== '')];
    }
    const candidates = config !== undefined ? [this.resolveFile(config, cwd, at.path)] : ['tox.ini', 'setup.cfg', 'pyproject.toml'].map((n) => joinPath(cwd, n));
    for (const candidate of candidates) {
      if (candidate === undefined || chain.includes(candidate)) continue;
      const text = await this.ctx.read(candidate);
      if (text === undefined) continue;
      if (candidate.endsWith('.toml')) {
        const ini = legacyToxIni(text);
        if (ini) return this.configured(candidate, toxCommands(ini.text, envs).map((c) => ({ ...c, line: c.line + ini.firstLine - 1 })), at, chain, depth);
      } else if (config !== undefined || !candidate.endsWith('setup.cfg') || /^\s*\[tox:tox\]/m.test(text)) {
        return this.configured(candidate, toxCommands(text, envs), at, chain, depth);
      }
    }
    return [];
  }

  /**
   * `nox [-s session...] [-t tag...] [-f noxfile.py]`: the commands of the sessions it runs
   * (without `-s`, those `nox.options.sessions` names, else every session not marked
   * `default=False`) and of the sessions they notify.
   */
  private async nox(args: string[], cwd: string, at: Location, chain: string[], depth: number): Promise<CiStep[]> {
    let file: string | undefined;
    let names: string[] | undefined;
    let tags: string[] | undefined;
    let keywords = false;
    for (let i = 0; i < args.length && args[i] !== '--'; i++) {
      const arg = args[i];
      const [option, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      const values = (): string[] => {
        if (inline !== undefined) return [inline];
        const taken: string[] = [];
        while (i + 1 < args.length && !args[i + 1].startsWith('-')) taken.push(args[++i]);
        return taken.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
      };
      if (option === '-f' || option === '--noxfile') file = inline ?? args[++i];
      else if (NOX_SESSION_OPTIONS.has(option)) names = [...names ?? [], ...values()];
      else if (option === '-t' || option === '--tags') tags = [...tags ?? [], ...values()];
      else if (option === '-k' || option === '--keywords') keywords = true;
    }
    const path = file !== undefined ? this.resolveFile(file, cwd, at.path) : joinPath(cwd, 'noxfile.py');
    if (path === undefined || chain.includes(path)) return [];
    const text = await this.ctx.read(path);
    if (text === undefined) return [];
    const { sessions, defaults } = parseNoxfile(text);
    // A selection written with a variable or a keyword expression is not known here: every session.
    const unknown = keywords || [...names ?? [], ...tags ?? []].some((n) => n.includes('$'));
    const byName = (name: string) => sessions.filter((s) => s.name === name || (s.python && (name.startsWith(`${s.name}-`) || name.startsWith(`${s.name}(`))));
    let selected: NoxSession[];
    if (unknown) selected = sessions;
    else if (names !== undefined || tags !== undefined) selected = [...(names ?? []).flatMap(byName), ...sessions.filter((s) => tags?.some((t) => s.tags.includes(t)))];
    else selected = defaults !== undefined ? defaults.flatMap(byName) : sessions.filter((s) => s.default);
    // Notified sessions run afterwards, once each.
    const run = new Set<NoxSession>();
    const queue = [...selected];
    while (queue.length > 0) {
      const session = queue.shift()!;
      if (run.has(session)) continue;
      run.add(session);
      queue.push(...session.notify.flatMap(byName));
    }
    const commands = new Map([...run].flatMap((s) => s.commands).map((c) => [c.line, c]));
    return this.configured(path, [...commands.values()].sort((a, b) => a.line - b.line), at, chain, depth);
  }

  /** Steps for the commands a runner's configuration file gives, run in that file's folder. */
  private async configured(path: string, commands: { line: number; command: string }[], at: Location, chain: string[], depth: number): Promise<CiStep[]> {
    const steps: CiStep[] = [];
    for (const { line, command } of commands) {
      if (this.followed >= MAX_FOLLOWED) break;
      this.followed++;
      const step: CiStep = { path, line, command, via: at };
      steps.push(step, ...await this.command(command, { path, line }, at, [...chain, path], depth + 1, dirOf(path), step));
    }
    return steps;
  }

  /** Every line of a shell script, and what those lines call. */
  private async script(path: string, at: Location, chain: string[], depth: number): Promise<CiStep[]> {
    if (chain.includes(path)) return [];
    const text = await this.ctx.read(path);
    if (text === undefined) return [];
    const steps: CiStep[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length && this.followed < MAX_FOLLOWED; i++) {
      const start = i;
      let line = lines[i];
      while (line.trimEnd().endsWith('\\') && i + 1 < lines.length) line = `${line.trimEnd().slice(0, -1)} ${lines[++i].trim()}`;
      const command = line.trim();
      if (!command || command.startsWith('#')) continue;
      this.followed++;
      const step: CiStep = { path, line: start + 1, command, via: at };
      steps.push(step, ...await this.command(command, { path, line: start + 1 }, at, [...chain, path], depth + 1, undefined, step));
    }
    return steps;
  }

  /** A YAML job spec: the commands under its `entrypoint`, `command`, `script`, ... keys. */
  private async spec(path: string, at: Location, chain: string[], depth: number): Promise<CiStep[]> {
    if (chain.includes(path)) return [];
    const text = await this.ctx.read(path);
    if (text === undefined) return [];
    let docs;
    try {
      docs = parseYaml(text);
    } catch {
      return []; // a broken spec is reported by whichever extractor owns the file
    }
    const steps: CiStep[] = [];
    for (const doc of docs) {
      for (const { command, keyPath } of specCommands(doc.value)) {
        const line = doc.lineOf(keyPath) ?? 1;
        this.followed++;
        const step: CiStep = { path, line, command, via: at };
        steps.push(step, ...await this.command(command, { path, line }, at, [...chain, path], depth + 1, undefined, step));
      }
    }
    return steps;
  }

  /** The shell script a command runs: `./x.sh`, `bash -e x.sh`, `source x.sh`. */
  private scriptOf(name: string, args: string[], cwd: string, from: string): string | undefined {
    if (/\.(sh|bash)$/.test(name)) return this.resolveFile(name, cwd, from);
    if (!SHELLS.has(name)) return undefined;
    const file = args.find((a) => !a.startsWith('-'));
    return file !== undefined && args[0] !== '-c' ? this.resolveFile(file, cwd, from) : undefined;
  }

  /** The repository file `python [options] x.py` or `python -m pkg.mod` runs. */
  private pythonFile(args: string[], cwd: string, from: string): string | undefined {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '-c') return undefined;
      if (arg === '-m') {
        const module = (args[i + 1] ?? '').replace(/\./g, '/');
        if (!module) return undefined;
        for (const root of [cwd, joinPath(cwd, 'src'), '']) {
          for (const candidate of [`${module}.py`, `${module}/__main__.py`]) {
            const path = joinPath(root, candidate);
            if (this.ctx.exists(path)) return path;
          }
        }
        return undefined;
      }
      if (arg === '-W' || arg === '-X') i++;
      else if (!arg.startsWith('-')) return this.resolveFile(arg, cwd, from);
    }
    return undefined;
  }

  private async makefile(path: string): Promise<Makefile | undefined> {
    if (!this.makefiles.has(path)) {
      const text = await this.ctx.read(path);
      this.makefiles.set(path, text === undefined ? undefined : parseMakefile(text));
    }
    return this.makefiles.get(path);
  }

  /** A repository file named in a command: relative to the working folder, the calling file's folder, or the root. */
  private resolveFile(name: string, cwd: string, from: string): string | undefined {
    const relative = name.replace(ROOT_PREFIX, '');
    if (relative.includes('$') || relative.startsWith('/') || relative === '') return undefined;
    const candidates = name !== relative ? [joinPath(this.base, relative), relative] : [joinPath(cwd, relative), joinPath(dirOf(from), relative), relative];
    return candidates.find((p) => p !== undefined && p !== '' && this.ctx.exists(p));
  }

  private resolveDir(name: string, cwd: string): string | undefined {
    const relative = name.replace(ROOT_PREFIX, '');
    if (relative.includes('$') || relative.startsWith('/')) return undefined;
    return joinPath(cwd, relative);
  }
}

/** Simple commands of one line, as words: split at `&&`, `||`, `;`, `|`. */
function segments(line: string): string[][] {
  return rawSegments(line).map((words) => words.map((word) => word.replace(/^(["'])(.*)\1$/s, '$2')));
}

/** Simple commands of one line, their words as written (quotes kept). */
function rawSegments(line: string): string[][] {
  // `${{ github.workspace }}` is one word.
  const words = line.replace(/\$\{\{[^}]*\}\}/g, (expression) => expression.replace(/\s+/g, '')).match(/"[^"]*"|'[^']*'|[^\s;&|]+|&&|\|\||[;&|]/g) ?? [];
  const result: string[][] = [[]];
  for (const word of words) {
    if (SEPARATORS.has(word)) result.push([]);
    else result[result.length - 1].push(word);
  }
  return result.filter((s) => s.length > 0);
}

/**
 * The logical lines of a step's command without the `tox` and `nox` calls whose commands
 * were followed (the rest of such a line is kept, its simple commands joined by `;`).
 */
export function linesWithoutFollowedRunners(step: CiStep): string[] {
  const lines = commandLines(step.command ?? '');
  const followed = step.followedRunners;
  if (!followed || followed.length === 0) return lines;
  return lines.map((line, i) => {
    const skip = new Set(followed.filter((f) => f.line === i).map((f) => f.segment));
    return skip.size === 0 ? line : rawSegments(line).filter((_, j) => !skip.has(j)).map((words) => words.join(' ')).join(' ; ');
  });
}

/** `tox ...`, `nox ...`, `python -m tox ...`: the task runner a simple command starts, and its arguments. */
function taskRunner(name: string, args: string[]): { name: 'tox' | 'nox'; args: string[] } | undefined {
  if (name === 'tox' || name === 'nox') return { name, args };
  if (PYTHON.test(name) && args[0] === '-m' && (args[1] === 'tox' || args[1] === 'nox')) return { name: args[1], args: args.slice(2) };
  return undefined;
}

/** Index of the word that names the command: after `X=1` assignments and wrappers like `uv run`. */
function commandWord(words: string[]): number | undefined {
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (/^[A-Za-z_]\w*=/.test(word) || WRAPPERS.has(word)) i++;
    else if (RUNNERS.has(word) || word === 'uvx') {
      // `conda run -n env python x.py`, `uv run --with x pytest`, `uvx --from x nox`: skip to the first plain word after `run`.
      if (word === 'uvx') i++;
      else {
        const run = words.indexOf('run', i + 1);
        if (run < 0) return i;
        i = run + 1;
      }
      while (i < words.length && words[i].startsWith('-')) i += RUNNER_OPTION_WITH_VALUE.test(words[i]) ? 2 : 1;
    } else return i;
  }
  return undefined;
}

/** Commands in a job spec: strings under command keys; an argv list (`[python, x.py]`) is one command. */
function specCommands(root: unknown): { command: string; keyPath: (string | number)[] }[] {
  const found: { command: string; keyPath: (string | number)[] }[] = [];
  let nodes = 0;
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (++nodes > MAX_SPEC_NODES) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    const record = asRecord(value);
    if (!record) return;
    for (const [key, child] of Object.entries(record)) {
      const keyPath = [...path, key];
      if (SPEC_COMMAND_KEYS.has(key) && typeof child === 'string') found.push({ command: child, keyPath });
      else if (SPEC_COMMAND_KEYS.has(key) && Array.isArray(child) && child.every((c) => typeof c === 'string')) {
        const items = child as string[];
        if (items.some((c) => /\s/.test(c.trim()))) items.forEach((c, i) => found.push({ command: c, keyPath: [...keyPath, i] }));
        else if (items.length > 0) found.push({ command: items.join(' '), keyPath });
      } else walk(child, keyPath);
    }
  };
  walk(root, []);
  return found;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** `dir` + `name` as a normalised repository path ('' for the root); `..` above the root gives ''. */
export function joinPath(dir: string, name: string): string {
  const parts: string[] = [];
  for (const part of `${dir}/${name}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return '';
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
