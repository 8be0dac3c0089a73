/**
 * The CLI as a function: arguments and streams in, exit code out. `main.ts` wires it
 * to the process; tests call it directly.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { audit } from '../core/audit';
import { CONFIG_FILE_NAME, parseConfig, type Config } from '../core/config/config';
import { readRepoConfigOrDefaults } from '../core/config/readConfig';
import type { FileHost } from '../core/host/fileHost';
import { createNodeFileHost } from '../core/host/nodeFileHost';
import { loadKnowledge } from '../core/knowledge/load';
import type { KnowledgeBase } from '../core/model/knowledge';
import { renderReport, type ReportFormat } from '../core/report';
import type { ScanWarning } from '../core/model/facts';
import { checkRuleExamples, rulesLackingExamples } from '../core/ruleExamples';
import { baselineProblem, compareReports } from '../core/report/comparison';
import type { Report } from '../core/model/report';
import { HELP, parseCli, type CliOptions } from './args';
import { createProgress } from './progress';
import { writeAtomically } from './writeAtomically';
import { runPortfolio } from './portfolio';

export const EXIT = { ok: 0, belowThreshold: 1, usage: 2, scanFailed: 3 } as const;

/** What the CLI talks to. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Folder of the knowledge base shipped with the tool. */
  knowledgeDir: string;
  version: string;
  /** How to read the repository (tests substitute failing hosts). */
  createHost?: (root: string) => FileHost;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // `mlops-lens portfolio ...` (a folder named portfolio: `./portfolio`).
  if (argv[0] === 'portfolio') return runPortfolio(argv.slice(1), io);
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (err) {
    io.stderr.write(`mlops-lens: ${(err as Error).message}\nRun 'mlops-lens --help' for usage.\n`);
    return EXIT.usage;
  }
  if (options.help) {
    io.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  if (options.version) {
    io.stdout.write(`${io.version}\n`);
    return EXIT.ok;
  }

  if (options.projects) {
    return runPortfolio([
      '--projects', options.path, '--format', options.format,
      ...(options.output !== undefined ? ['--output', options.output] : []),
      ...(options.stage !== undefined ? ['--stage', options.stage] : []),
    ], io);
  }

  const root = resolve(io.cwd, options.path);
  const rootInfo = await stat(root).catch(() => undefined);
  if (!rootInfo?.isDirectory()) {
    io.stderr.write(`mlops-lens: ${options.path}: ${rootInfo ? 'is not a folder' : 'no such folder'}\n`);
    return EXIT.usage;
  }

  let knowledge: KnowledgeBase;
  let config: Config;
  const host = (io.createHost ?? createNodeFileHost)(root);
  try {
    knowledge = loadKnowledge(io.knowledgeDir, knowledgeSnapshot(io.knowledgeDir));
    config = options.config
      ? parseConfig(options.config, await readConfigFile(resolve(io.cwd, options.config)), knowledge)
      : await readRepoConfigOrDefaults(host, knowledge);
  } catch (err) {
    io.stderr.write(`mlops-lens: ${(err as Error).message}\n`);
    return EXIT.usage;
  }

  if (options.checkRules) return checkRules(knowledge, config, options.config ?? CONFIG_FILE_NAME, io);

  const progress = createProgress(io.stderr);
  let report;
  try {
    report = await audit(host, {
      knowledge,
      config,
      stage: options.stage,
      rootName: basename(root) || root,
      tool: { name: 'mlops-lens', version: io.version },
      onProgress: progress.update,
    });
  } catch (err) {
    progress.done();
    io.stderr.write(`mlops-lens: the scan of ${options.path} failed: ${(err as Error).message}\n`);
    return EXIT.scanFailed;
  } finally {
    progress.done();
  }

  summariseWarnings(report.warnings, io);
  if (options.baseline !== undefined) {
    let baseline: unknown;
    try {
      baseline = JSON.parse(await readFile(resolve(io.cwd, options.baseline), 'utf8'));
    } catch (err) {
      io.stderr.write(`mlops-lens: cannot read the baseline ${options.baseline}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return EXIT.usage;
    }
    const problem = baselineProblem(baseline);
    if (problem) {
      io.stderr.write(`mlops-lens: the baseline ${options.baseline} is ${problem}\n`);
      return EXIT.usage;
    }
    report = { ...report, comparison: compareReports(baseline as Report, report) };
    const c = report.comparison!;
    io.stderr.write(`Since the baseline: level ${c.level.from} → ${c.level.to}, score ${c.score.from} → ${c.score.to}, ${c.newFindings.length} new and ${c.resolvedFindings.length} resolved findings, ${c.regressions.length} regression(s).\n`);
  }
  const pathPrefix = await prefixFromRepositoryRoot(root);
  /** A report for a file (`terminal` false) or for standard output: colour and wrapping only on a terminal. */
  const render = (format: ReportFormat, terminal: boolean) =>
    renderReport(report, format, {
      color: terminal && format === 'text' && useColor(io),
      ...(terminal && io.stdout.isTTY && io.stdout.columns ? { width: io.stdout.columns } : {}),
      knowledge, pathPrefix,
      ...(options.summary && { summary: true }),
      ...(options.category !== undefined && { category: options.category }),
      ...fileLinkBase(io.env, pathPrefix),
    });
  const files = [
    ...(options.output ? [{ format: options.format, path: options.output }] : []),
    ...options.extraOutputs,
  ];
  for (const file of files) {
    try {
      await writeAtomically(resolve(io.cwd, file.path), render(file.format, false));
    } catch (err) {
      io.stderr.write(`mlops-lens: cannot write ${file.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return EXIT.scanFailed;
    }
    io.stderr.write(`Report written to ${file.path} (${file.format}; level ${report.level.current}, target ${report.level.target}).\n`);
  }
  if (!options.output) {
    const rendered = render(options.format, true);
    io.stdout.write(rendered.endsWith('\n') ? rendered : `${rendered}\n`);
  }
  if (report.gate && !report.gate.passed) {
    for (const f of report.gate.failures) io.stderr.write(`mlops-lens: gate ${f.gate} failed: ${f.message}\n`);
    return EXIT.belowThreshold;
  }
  if (options.failOnRegression && report.comparison && report.comparison.regressions.length > 0) {
    for (const r of report.comparison.regressions) io.stderr.write(`mlops-lens: regression: ${r}\n`);
    return EXIT.belowThreshold;
  }
  if (options.failUnder !== undefined && report.level.current < options.failUnder) {
    io.stderr.write(`mlops-lens: level ${report.level.current} is below --fail-under ${options.failUnder}\n`);
    return EXIT.belowThreshold;
  }
  return EXIT.ok;
}

/** `--check-rules`: the custom practices' examples, one line each; exit 1 when one fails. */
async function checkRules(knowledge: KnowledgeBase, config: Config, configName: string, io: CliIo): Promise<number> {
  const practices = config.practices;
  if (practices.length === 0) {
    io.stdout.write(`No custom practices in ${configName}: nothing to check.\n`);
    return EXIT.ok;
  }
  io.stdout.write(`Checking the examples of ${practices.length} custom practice${practices.length === 1 ? '' : 's'} in ${configName}:\n`);
  const outcomes = await checkRuleExamples(knowledge, practices, practices);
  for (const o of outcomes) {
    const what = o.example.expect === 'none' ? 'does not fire' : `fires (${o.example.expect})`;
    const note = o.example.note ? ` — ${o.example.note}` : '';
    io.stdout.write(`  ${o.passed ? '✓' : '✗'} ${o.rule} #${o.index} ${what}${note}${o.passed ? '' : `: got ${o.got}`}\n`);
  }
  for (const lacking of rulesLackingExamples(practices)) io.stdout.write(`  ! ${lacking} missing\n`);
  const failed = outcomes.filter((o) => !o.passed).length;
  io.stdout.write(`${outcomes.length - failed} passed, ${failed} failed.\n`);
  return failed > 0 ? EXIT.belowThreshold : EXIT.ok;
}

/**
 * The audited folder's path from the root of the git repository holding it (`services/churn`),
 * or undefined when it is the root or not in one: CI annotates files from the repository root.
 */
async function prefixFromRepositoryRoot(root: string): Promise<string | undefined> {
  for (let dir = root; ; dir = dirname(dir)) {
    if (await stat(join(dir, '.git')).then(() => true, () => false)) {
      const prefix = relative(dir, root).split(sep).join('/');
      return prefix === '' ? undefined : prefix;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Where files of the audited commit can be linked, from the CI's variables (GitHub Actions,
 * GitLab CI), so the Markdown report links each path to its file and line.
 */
function fileLinkBase(env: CliIo['env'], pathPrefix: string | undefined): { fileLinkBase?: string } {
  const prefix = pathPrefix ? `${pathPrefix.split('/').map(encodeURIComponent).join('/')}/` : '';
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA) {
    return { fileLinkBase: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/${prefix}` };
  }
  if (env.CI_PROJECT_URL && env.CI_COMMIT_SHA) return { fileLinkBase: `${env.CI_PROJECT_URL}/-/blob/${env.CI_COMMIT_SHA}/${prefix}` };
  return {};
}

/** Scan warnings in one stderr line per kind, so CI logs say what was not read. */
function summariseWarnings(warnings: readonly ScanWarning[], io: CliIo): void {
  const byCode = new Map<string, ScanWarning[]>();
  for (const w of warnings) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w]);
  for (const [code, list] of byCode) {
    const paths = list.flatMap((w) => (w.path === undefined ? [] : [w.path]));
    const shown = paths.slice(0, 3).join(', ');
    io.stderr.write(`mlops-lens: warning: ${list.length} ${code}${paths.length > 0 ? ` (${shown}${paths.length > 3 ? `, +${paths.length - 3} more` : ''})` : ''}\n`);
  }
}

async function readConfigFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read config file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org), always with FORCE_COLOR. */
function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/** The knowledge folder next to the bundle (dist/cli.js → knowledge/). */
export function defaultKnowledgeDir(bundleDir: string): string {
  return join(bundleDir, '..', 'knowledge');
}

/** The build's snapshot of the knowledge base, beside the bundles (see loadKnowledge). */
export function knowledgeSnapshot(knowledgeDir: string): string {
  return join(knowledgeDir, '..', 'dist', 'knowledge.json');
}
