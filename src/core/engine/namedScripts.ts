/**
 * Shell scripts a file names, found among the texts read: a DAG task that runs
 * `/usr/local/bin/run-training.sh` in a container, or `bash scripts/train.sh`, does the
 * work the script does. The name is resolved next to the file, from the repository root,
 * or by its file name when exactly one text has it (a script copied into an image keeps
 * its name, not its folder). One level only: scripts are never run, and a chain of them
 * is rarely how a task is written.
 */
import { parentOf } from '../scope/templates';

const SCRIPT_SUFFIX = /\.(?:sh|bash)\b/g;
const NAME_CHAR = /[\w./-]/;
/** Longest name read back from a suffix: keeps the scan linear on pathological lines. */
const MAX_NAME = 255;

/** Resolves the shell scripts a file names to texts read in the same audit. */
export class NamedScripts {
  private byName?: Map<string, string[]>;
  /** Per file: the same file is asked about by every rule with `alongside`. */
  private readonly named = new Map<string, string[]>();

  constructor(private readonly textPaths: readonly string[]) {}

  /** Paths of the texts of the scripts the file at `path` names (`names`: as written in it, see scriptNames). */
  namedIn(path: string, names: readonly string[]): string[] {
    const known = this.named.get(path);
    if (known) return known;
    const found = new Set<string>();
    const folder = parentOf(path);
    for (const name of names) {
      const script = this.resolve(name, folder);
      if (script !== undefined && script !== path) found.add(script);
    }
    const scripts = [...found];
    this.named.set(path, scripts);
    return scripts;
  }

  /** The same texts after edits to `paths` that added or removed none: what those name is looked up again. */
  afterEdits(paths: readonly string[]): NamedScripts {
    const next = new NamedScripts(this.textPaths);
    next.byName = this.byName;
    for (const [path, scripts] of this.named) if (!paths.includes(path)) next.named.set(path, scripts);
    return next;
  }

  private resolve(name: string, folder: string): string | undefined {
    const relative = name.replace(/^(\.\/)+/, '');
    const candidates = [folder === '' ? relative : `${folder}/${relative}`, relative.replace(/^\/+/, '')];
    const fileName = relative.slice(relative.lastIndexOf('/') + 1);
    const sameName = this.names().get(fileName) ?? [];
    return candidates.find((c) => sameName.includes(c)) ?? (sameName.length === 1 ? sameName[0] : undefined);
  }

  private names(): Map<string, string[]> {
    if (!this.byName) {
      this.byName = new Map();
      for (const path of this.textPaths) {
        const name = path.slice(path.lastIndexOf('/') + 1);
        const paths = this.byName.get(name);
        if (paths) paths.push(path);
        else this.byName.set(name, [path]);
      }
    }
    return this.byName;
  }
}

/**
 * Names ending in `.sh` or `.bash` on a line, read back from each suffix: a regex that
 * starts the name anywhere would backtrack quadratically over a long run of word characters.
 */
export function scriptNames(line: string): string[] {
  const names: string[] = [];
  for (const suffix of line.matchAll(SCRIPT_SUFFIX)) {
    const end = suffix.index;
    let start = end;
    while (start > 0 && end - start < MAX_NAME && NAME_CHAR.test(line[start - 1])) start--;
    if (start < end && /[\w-]/.test(line[end - 1])) names.push(line.slice(start, end + suffix[0].length));
  }
  return names;
}
