/** Command-line parsing for `mlops-lens`; usage errors carry what was wrong. */
import { parseArgs } from 'node:util';
import { REPORT_FORMATS, type ReportFormat } from '../core/report';
import { STAGES } from '../core/knowledge/schema';
import type { StageId } from '../core/model/knowledge';

export interface CliOptions {
  path: string;
  format: ReportFormat;
  output?: string;
  /** More reports from the same audit: a file per format (`--sarif FILE`, `--markdown FILE`, ...). */
  extraOutputs: { format: ReportFormat; path: string }[];
  failUnder?: number;
  stage?: StageId;
  config?: string;
  /** An earlier JSON report to compare with. */
  baseline?: string;
  /** Exit 1 when the comparison with the baseline shows a regression. */
  failOnRegression: boolean;
  /** SARIF `automationDetails.id`: one code-scanning analysis per category. */
  category?: string;
  /** Text format: only the verdict and the next steps. */
  summary: boolean;
  /** Audit the ML projects inside the repository one by one (a monorepo), as a portfolio table. */
  projects: boolean;
  /** Run the examples of the config's custom practices instead of an audit. */
  checkRules: boolean;
  help: boolean;
  version: boolean;
}

/** A problem with the command line (exit code 2). */
export class UsageError extends Error {}

export const HELP = `Usage: mlops-lens [path] [options]

Audit the MLOps maturity of the ML repository at path (default: the current folder).
The repository is only read; none of its code is run.

Options:
  -f, --format FORMAT   text (default), json, markdown, sarif, html, github (annotations)
                        or codequality (GitLab Code Quality)
  -o, --output FILE     write the report to FILE instead of standard output
      --json FILE, --sarif FILE, --markdown FILE, --html FILE, --text FILE,
      --github FILE, --codequality FILE
                        also write the same audit in that format to FILE (repeat
                        for several; one audit, many reports)
      --fail-under N    exit with code 1 when the maturity level is below N (0-4)
      --stage STAGE     prototype, pilot or production (default: inferred, or the config's)
  -c, --config FILE     configuration file (default: .mlops-lens.yaml in the repository root)
      --baseline FILE   compare with an earlier JSON report of the repository: what
                        moved, new and resolved findings (Markdown leads with it; SARIF
                        marks results new or unchanged)
      --fail-on-regression
                        exit 1 when the level or a dimension drops, a practice is no
                        longer in place, or a new warning appears (needs --baseline)
      --summary         text format: only the level, stage, score, why, what the next
                        level needs and the next steps
      --category NAME   SARIF analysis category (GitHub code scanning keeps one per
                        category; e.g. one per audited folder)
      --projects        audit each ML project inside the repository (a monorepo: folders
                        with their own requirements, pyproject, dvc.yaml, MLproject or
                        Dockerfile and code) and print one table (formats text, json,
                        csv, html; as mlops-lens portfolio)
      --check-rules     run the examples of the config's custom practices (no audit); exit
                        1 when an example fails
  -h, --help            show this help
  -v, --version         show the version

Exit codes:
  0  the audit ran (and the level is at least --fail-under)
  1  the level is below --fail-under, or a regression with --fail-on-regression
     (with --check-rules: an example failed)
  2  usage or configuration error
  3  the scan failed, or a report could not be written

Environment: NO_COLOR disables colour; FORCE_COLOR=1 forces it.
Docs: README.md; report JSON schema: schema/report.schema.json.`;

/** Parse argv (without node and script); throws UsageError. */
export function parseCli(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'fail-under': { type: 'string' },
        stage: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'check-rules': { type: 'boolean' },
        projects: { type: 'boolean' },
        summary: { type: 'boolean' },
        category: { type: 'string' },
        baseline: { type: 'string' },
        'fail-on-regression': { type: 'boolean' },
        ...Object.fromEntries(REPORT_FORMATS.map((f) => [f, { type: 'string' as const }])),
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected at most one path, got ${positionals.length}: ${positionals.join(' ')}`);
  const format = values.format ?? 'text';
  if (values.projects) {
    if (!['text', 'json', 'csv', 'html'].includes(format)) throw new UsageError(`--projects prints a table: --format must be text, json, csv or html; got '${format}'`);
  } else if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}; got '${format}'`);
  }
  let failUnder: number | undefined;
  if (values['fail-under'] !== undefined) {
    failUnder = Number(values['fail-under']);
    if (!/^[0-4]$/.test(values['fail-under'])) throw new UsageError(`--fail-under must be a level from 0 to 4; got '${values['fail-under']}'`);
  }
  if (values.stage !== undefined && !(STAGES as readonly string[]).includes(values.stage)) {
    throw new UsageError(`--stage must be one of ${STAGES.join(', ')}; got '${values.stage}'`);
  }
  const extraOutputs = REPORT_FORMATS.flatMap((f) => {
    const path = (values as Record<string, string | boolean | undefined>)[f];
    return typeof path === 'string' ? [{ format: f, path }] : [];
  });
  if (values['fail-on-regression'] && values.baseline === undefined) throw new UsageError('--fail-on-regression needs --baseline FILE');
  const paths = [values.output, ...extraOutputs.map((o) => o.path)].filter((p) => p !== undefined);
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice !== undefined) throw new UsageError(`two reports would be written to ${twice}`);
  return {
    path: positionals[0] ?? '.',
    format: format as ReportFormat,
    ...(values.output !== undefined ? { output: values.output } : {}),
    extraOutputs,
    ...(failUnder !== undefined ? { failUnder } : {}),
    ...(values.stage !== undefined ? { stage: values.stage as StageId } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.category !== undefined ? { category: values.category } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    failOnRegression: values['fail-on-regression'] ?? false,
    checkRules: values['check-rules'] ?? false,
    projects: values.projects ?? false,
    summary: values.summary ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
