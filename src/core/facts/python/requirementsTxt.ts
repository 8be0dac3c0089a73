/**
 * pip requirements files (`requirements*.txt`, `requirements/*.txt`, `constraints*.txt`).
 * Included files (`-r`, `-c`) are only recorded: the scanner matches them on their own.
 */
import { posix } from 'node:path';
import type { PythonDependency, RequirementsFile } from '../../model/facts';
import type { Extractor } from '../extractor';
import { parseRequirement, stripComment, type Requirement } from './requirementName';

/** One requirements line after joining `\` continuations, with its first physical line. */
interface LogicalLine {
  text: string;
  line: number;
}

const INCLUDE_OPTIONS = new Set(['-r', '--requirement', '-c', '--constraint']);
const EDITABLE_OPTIONS = new Set(['-e', '--editable']);

export const extractor: Extractor = {
  id: 'requirements-txt',
  files: ['**/requirements*.txt', '**/requirements/*.txt', '**/constraints*.txt'],
  extract(file, ctx) {
    const dependencies: PythonDependency[] = [];
    const summary: RequirementsFile = { path: file.path, line: 1, requirements: 0, pinned: 0, hashed: false, includes: [] };
    let hashedCount = 0;

    const add = (requirement: Requirement, line: number, hashed: boolean) => {
      // A hash makes pip refuse any other artifact: as good as an exact pin.
      const pinned = requirement.pinned || hashed;
      summary.requirements++;
      if (pinned) summary.pinned++;
      if (hashed) hashedCount++;
      if (requirement.name !== undefined) {
        dependencies.push({ path: file.path, line, name: requirement.name, spec: requirement.spec, pinned, source: 'requirements' });
      }
    };

    for (const { text, line } of logicalLines(file.text)) {
      const words = stripComment(text).trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      if (words[0].startsWith('-')) {
        const { option, value } = splitOption(words);
        if (INCLUDE_OPTIONS.has(option)) {
          const include = resolveInclude(file.path, value);
          if (include !== undefined) summary.includes.push(include);
        } else if (EDITABLE_OPTIONS.has(option)) {
          const requirement = parseRequirement(value);
          if (requirement) add(requirement, line, false);
        }
        // Index, find-links and install options carry no requirement.
        continue;
      }
      // pip reads the requirement up to the first word that starts an option (`--hash=...`).
      const optionStart = words.findIndex((word) => word.startsWith('-'));
      const requirementWords = optionStart < 0 ? words : words.slice(0, optionStart);
      const hashed = optionStart >= 0 && words.slice(optionStart).some((word) => word.startsWith('--hash'));
      const requirement = parseRequirement(requirementWords.join(' '));
      if (requirement) {
        add(requirement, line, hashed);
      } else {
        ctx.warn({ code: 'skipped-line', message: `not a requirement: ${text.slice(0, 80)}`, path: file.path, line });
      }
    }
    summary.hashed = summary.requirements > 0 && hashedCount === summary.requirements;
    return { dependencies, requirementsFiles: [summary] };
  },
};

/** Join lines ending in `\`; a full-line comment never continues (as in pip). */
function logicalLines(text: string): LogicalLine[] {
  const result: LogicalLine[] = [];
  let pending: LogicalLine | undefined;
  text.split(/\r?\n/).forEach((physical, index) => {
    const continues = physical.endsWith('\\') && !physical.trimStart().startsWith('#');
    const part = continues ? physical.slice(0, -1) : physical;
    pending = pending ? { text: `${pending.text} ${part}`, line: pending.line } : { text: part, line: index + 1 };
    if (!continues) {
      result.push(pending);
      pending = undefined;
    }
  });
  if (pending) result.push(pending);
  return result;
}

/** `-r file`, `-rfile`, `--requirement file`, `--requirement=file` → option and value. */
function splitOption(words: string[]): { option: string; value: string } {
  const [first, ...rest] = words;
  if (first.startsWith('--')) {
    const equals = first.indexOf('=');
    if (equals > 0) return { option: first.slice(0, equals), value: [first.slice(equals + 1), ...rest].join(' ') };
    return { option: first, value: rest.join(' ') };
  }
  const attached = first.slice(2);
  return { option: first.slice(0, 2), value: [attached, ...rest].filter(Boolean).join(' ') };
}

/** Repository path of an included file, relative to the including file; undefined for URLs or paths outside. */
function resolveInclude(fromPath: string, target: string): string | undefined {
  if (!target || /^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return undefined;
  const normalized = target.replace(/\\/g, '/');
  if (normalized.startsWith('/')) return undefined;
  const resolved = posix.normalize(posix.join(posix.dirname(fromPath), normalized));
  return resolved === '..' || resolved.startsWith('../') ? undefined : resolved;
}
