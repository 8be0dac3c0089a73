/**
 * `mlops-lens portfolio DIR... [--list FILE]`: audit many repositories one after another
 * with the same core `audit()` as a single audit, and print one table. A repository that
 * cannot be audited (missing folder, broken config, failed scan) gets an error row and the
 * others go on; the exit code is then 2.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { audit } from '../core/audit';
import type { Config } from '../core/config/config';
import { readRepoConfigOrDefaults } from '../core/config/readConfig';
import { createNodeFileHost } from '../core/host/nodeFileHost';
import { STAGES } from '../core/knowledge/schema';
import { loadKnowledge } from '../core/knowledge/load';
import type { KnowledgeBase, StageId } from '../core/model/knowledge';
import { repoText } from '../core/report/sections';
import type { ScanProgress } from '../core/scan/scanner';
import {
  PORTFOLIO_FORMATS, errorRow, portfolioDocument, renderPortfolio, rowFromReport,
  type PortfolioFormat, type PortfolioRow,
} from './portfolioReport';
import { findProjects } from './projects';
import { knowledgeSnapshot, type CliIo } from './run';
import { writeAtomically } from './writeAtomically';

const EXIT = { ok: 0, failed: 2, usage: 2, writeFailed: 3 } as const;

export const PORTFOLIO_HELP = `Usage: mlops-lens portfolio DIR... [--list FILE] [options]

Audit many repositories one after another and print one table: level, target, the
practices missing up to the target, the top trade-off and the score of each.
Each repository's own .mlops-lens.yaml is used.

Options:
      --list FILE       more repositories, one path a line (relative to the current
                        folder; blank lines and lines starting with # are ignored)
      --projects DIR    the ML projects inside the repository DIR (monorepos): folders
                        with their own requirements, pyproject, dvc.yaml, MLproject or
                        Dockerfile and Python or notebook code; repeatable
  -f, --format FORMAT   text (default), json, csv or html
  -o, --output FILE     write the table to FILE instead of standard output
      --stage STAGE     prototype, pilot or production for every repository
                        (default: each one's inferred or configured stage)
  -h, --help            show this help

Exit codes:
  0  every repository was audited
  2  a repository could not be audited (its row says why), or a usage error
  3  the table could not be written`;

export interface PortfolioOptions {
  paths: string[];
  list?: string;
  /** Repositories whose ML projects are audited one by one. */
  projects: string[];
  format: PortfolioFormat;
  output?: string;
  stage?: StageId;
  help: boolean;
}

export function parsePortfolioArgs(argv: readonly string[]): PortfolioOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      list: { type: 'string' },
      projects: { type: 'string', multiple: true },
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      stage: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const format = values.format ?? 'text';
  if (!(PORTFOLIO_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`--format must be one of ${PORTFOLIO_FORMATS.join(', ')}; got '${format}'`);
  }
  if (values.stage !== undefined && !(STAGES as readonly string[]).includes(values.stage)) {
    throw new Error(`--stage must be one of ${STAGES.join(', ')}; got '${values.stage}'`);
  }
  const help = values.help ?? false;
  const projects = values.projects ?? [];
  if (!help && positionals.length === 0 && values.list === undefined && projects.length === 0) {
    throw new Error('portfolio needs at least one folder, --list FILE or --projects DIR');
  }
  return {
    paths: positionals,
    ...(values.list !== undefined ? { list: values.list } : {}),
    projects,
    format: format as PortfolioFormat,
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values.stage !== undefined ? { stage: values.stage as StageId } : {}),
    help,
  };
}

/** A list file's paths: one a line, blank lines and `#` comment lines skipped. */
export function parseListFile(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

/** `argv` without the leading `portfolio`. */
export async function runPortfolio(argv: readonly string[], io: CliIo): Promise<number> {
  let options: PortfolioOptions;
  try {
    options = parsePortfolioArgs(argv);
  } catch (err) {
    io.stderr.write(`mlops-lens portfolio: ${(err as Error).message}\nRun 'mlops-lens portfolio --help' for usage.\n`);
    return EXIT.usage;
  }
  if (options.help) {
    io.stdout.write(`${PORTFOLIO_HELP}\n`);
    return EXIT.ok;
  }

  const paths = [...options.paths];
  let knowledge: KnowledgeBase;
  try {
    if (options.list !== undefined) {
      const listPath = resolve(io.cwd, options.list);
      const text = await readFile(listPath, 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new Error(`cannot read list file ${options.list}: ${err.code ?? err.message}`);
      });
      paths.push(...parseListFile(text));
    }
    knowledge = loadKnowledge(io.knowledgeDir, knowledgeSnapshot(io.knowledgeDir));
    for (const repo of options.projects) {
      const found = await findProjects(resolve(io.cwd, repo), knowledge);
      if (found.length === 0) throw new Error(`no ML projects found inside ${repo} (folders with project files and Python or notebook code)`);
      paths.push(...found.map((p) => join(repo, p)));
    }
  } catch (err) {
    io.stderr.write(`mlops-lens portfolio: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  // The same folder twice is audited once (lists often overlap with the folders given).
  const seen = new Set<string>();
  const unique = paths.filter((p) => {
    const key = resolve(io.cwd, p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const progress = createPortfolioProgress(io.stderr, unique.length);
  const rows: PortfolioRow[] = [];
  for (const [i, path] of unique.entries()) {
    const root = resolve(io.cwd, path);
    const name = basename(root) || root;
    progress.start(i, name);
    rows.push(await auditOne(path, root, name, knowledge, options.stage, io, progress.update));
  }
  progress.done();

  const rendered = renderPortfolio(portfolioDocument(rows, { name: 'mlops-lens', version: io.version }), options.format);
  if (options.output !== undefined) {
    try {
      await writeAtomically(resolve(io.cwd, options.output), rendered);
    } catch (err) {
      io.stderr.write(`mlops-lens portfolio: cannot write ${options.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return EXIT.writeFailed;
    }
    io.stderr.write(`Portfolio written to ${options.output} (${options.format}; ${rows.length} repositor${rows.length === 1 ? 'y' : 'ies'}).\n`);
  } else {
    io.stdout.write(rendered);
  }
  const failed = rows.filter((r) => r.error !== null);
  if (failed.length > 0) {
    io.stderr.write(`mlops-lens portfolio: ${failed.length} of ${rows.length} repositor${rows.length === 1 ? 'y' : 'ies'} could not be audited\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

async function auditOne(
  path: string, root: string, name: string, knowledge: KnowledgeBase, stage: StageId | undefined,
  io: CliIo, onProgress: (p: ScanProgress) => void,
): Promise<PortfolioRow> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) return errorRow(name, path, info ? 'not a folder' : 'no such folder');
  const host = (io.createHost ?? createNodeFileHost)(root);
  let config: Config;
  try {
    // As a single audit: a broken config is an error, an unreadable root is left to the scan.
    config = await readRepoConfigOrDefaults(host, knowledge);
  } catch (err) {
    return errorRow(name, path, (err as Error).message);
  }
  try {
    const report = await audit(host, {
      knowledge,
      config,
      ...(stage !== undefined ? { stage } : {}),
      rootName: name,
      tool: { name: 'mlops-lens', version: io.version },
      onProgress,
    });
    return rowFromReport(name, path, report);
  } catch (err) {
    return errorRow(name, path, `the scan failed: ${(err as Error).message}`);
  }
}

/** One progress line on stderr, only on a terminal: which repository, and how far its scan is. */
function createPortfolioProgress(stream: CliIo['stderr'], total: number) {
  let prefix = '';
  let shown = false;
  let last = 0;
  const show = (text: string) => {
    if (!stream.isTTY) return;
    shown = true;
    stream.write(`\r\x1b[2K${text}`);
  };
  return {
    start(index: number, name: string): void {
      prefix = `[${index + 1}/${total}] ${repoText(name, 40)}`;
      show(prefix);
    },
    update(progress: ScanProgress): void {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      show(progress.phase === 'listing'
        ? `${prefix}: listing files… ${progress.done}`
        : `${prefix}: reading files… ${progress.done}/${progress.total ?? '?'}`);
    },
    done(): void {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
