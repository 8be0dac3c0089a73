/**
 * What a CI step runs, followed into the repository: `make` targets, shell scripts,
 * `tox` environments, job specs named on the command line (`<cli> job submit job.yaml`
 * whose `entrypoint` runs a script) and the Python file a `python` command runs. Files are
 * only read, never run; depth is bounded and a file or make target already on the path
 * is not followed again, so cycles end.
 */
import type { CiJob, CiStep, Location } from '../../model/facts';
import type { ExtractContext } from '../extractor';
import { asRecord, parseYaml } from '../yamlSource';
import { parseMakefile, type Makefile } from './makefile';
import { isOtherCiFile } from './otherCiFiles';

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
const RUNNERS = new Set(['uv', 'poetry', 'pipenv', 'pdm', 'hatch', 'rye', 'conda', 'mamba', 'micromamba', 'pixi']);
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
      steps.push(...await follower.command(step.command, { path: step.path, line: step.line }, step.via, [], 0, cwd));
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
   * on the path here.
   */
  async command(command: string, at: Location, via: Location | undefined, chain: string[], depth: number, cwd = this.base): Promise<CiStep[]> {
    const found: CiStep[] = [];
    for (const line of commandLines(command)) {
      let dir = cwd;
      for (const words of segments(line)) {
        const word = commandWord(words);
        if (word === undefined) continue;
        const [name, ...args] = words.slice(word);
        if (name === 'cd' && args[0] !== undefined) {
          dir = this.resolveDir(args[0], dir) ?? dir;
          continue;
        }
        const python = PYTHON.test(name) ? this.pythonFile(args, dir, at.path) : undefined;
        if (python) found.push({ ...at, command: line, python, ...(via ? { via } : {}) });
        if (depth >= MAX_DEPTH || this.followed >= MAX_FOLLOWED) continue;
        found.push(...await this.callee(name, args, dir, at, via, chain, depth));
      }
    }
    return found;
  }

  private async callee(name: string, args: string[], cwd: string, at: Location, via: Location | undefined, chain: string[], depth: number): Promise<CiStep[]> {
    if (/^(g?make|\$[({]MAKE[)}])$/.test(name)) return this.make(args, cwd, at, chain, depth);
    if (name === 'tox') return this.tox(args, cwd, at, chain, depth);
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
        steps.push({ path, line, command, via });
        steps.push(...await this.command(command, { path, line }, via, inner, depth + 1, dirOf(path)));
      }
    };
    const wanted = targets.length > 0 ? targets : makefile.defaultTarget !== undefined ? [makefile.defaultTarget] : [];
    for (const target of wanted) await visit(target, at, chain);
    return steps;
  }

  /**
   * `tox [-e env]`: the `commands` of the test environments in tox.ini or, without one, in
   * setup.cfg when it has a `[tox:tox]` section (where tox looks next).
   */
  private async tox(args: string[], cwd: string, at: Location, chain: string[], depth: number): Promise<CiStep[]> {
    const configArg = args.findIndex((a) => a === '-c' || a === '--conf');
    const candidates = configArg >= 0 ? [this.resolveFile(args[configArg + 1] ?? '', cwd, at.path)] : [joinPath(cwd, 'tox.ini'), joinPath(cwd, 'setup.cfg')];
    let path: string | undefined;
    let text: string | undefined;
    for (const candidate of candidates) {
      if (candidate === undefined || chain.includes(candidate)) continue;
      text = await this.ctx.read(candidate);
      if (text !== undefined && (configArg >= 0 || !candidate.endsWith('setup.cfg') || /^\s*\[tox:tox\]/m.test(text))) {
        path = candidate;
        break;
      }
    }
    if (path === undefined || text === undefined) return [];
    const steps: CiStep[] = [];
    for (const { line, command } of toxCommands(text)) {
      this.followed++;
      steps.push({ path, line, command, via: at });
      steps.push(...await this.command(command, { path, line }, at, [...chain, path], depth + 1));
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
      steps.push({ path, line: start + 1, command, via: at });
      steps.push(...await this.command(command, { path, line: start + 1 }, at, [...chain, path], depth + 1));
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
        steps.push({ path, line, command, via: at });
        steps.push(...await this.command(command, { path, line }, at, [...chain, path], depth + 1));
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
  // `${{ github.workspace }}` is one word.
  const words = line.replace(/\$\{\{[^}]*\}\}/g, (expression) => expression.replace(/\s+/g, '')).match(/"[^"]*"|'[^']*'|[^\s;&|]+|&&|\|\||[;&|]/g) ?? [];
  const result: string[][] = [[]];
  for (const word of words) {
    if (SEPARATORS.has(word)) result.push([]);
    else result[result.length - 1].push(word.replace(/^(["'])(.*)\1$/s, '$2'));
  }
  return result.filter((s) => s.length > 0);
}

/** Index of the word that names the command: after `X=1` assignments and wrappers like `uv run`. */
function commandWord(words: string[]): number | undefined {
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (/^[A-Za-z_]\w*=/.test(word) || WRAPPERS.has(word)) i++;
    else if (RUNNERS.has(word)) {
      // `conda run -n env python x.py`, `uv run --with x pytest`: skip to the first plain word after `run`.
      const run = words.indexOf('run', i + 1);
      if (run < 0) return i;
      i = run + 1;
      while (i < words.length && words[i].startsWith('-')) i += /^-(n|p)$|^--(name|prefix|with|env|extra|group)$/.test(words[i]) ? 2 : 1;
    } else return i;
  }
  return undefined;
}

/** `commands` of every tox.ini section (the ini's indented continuation lines included). */
function toxCommands(text: string): { line: number; command: string }[] {
  const found: { line: number; command: string }[] = [];
  let inCommands = false;
  let section = '';
  text.split('\n').forEach((raw, i) => {
    const header = /^\s*\[([^\]]+)\]/.exec(raw);
    if (header) {
      section = header[1];
      inCommands = false;
      return;
    }
    if (!section.startsWith('testenv')) return;
    const key = /^(\w[\w-]*)\s*=\s*(.*)$/.exec(raw);
    if (key) {
      inCommands = key[1] === 'commands';
      if (inCommands && key[2].trim()) found.push({ line: i + 1, command: key[2].trim() });
    } else if (inCommands && /^\s+\S/.test(raw) && !raw.trim().startsWith('#')) {
      found.push({ line: i + 1, command: raw.trim() });
    } else if (raw.trim()) {
      inCommands = false;
    }
  });
  return found;
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
