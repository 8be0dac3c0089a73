/**
 * Shared checks for the hostile-repository cases (static ones in test/fixtures/hostile,
 * generated ones in ./generated.ts): audit through the real pipeline, validate the report
 * against the JSON schema, compare the scan warnings exactly, and render every format to
 * check that nothing from the repository can inject markup, links or terminal controls.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { audit } from '../../../src/core/audit';
import { readRepoConfig } from '../../../src/core/config/readConfig';
import type { FileHost } from '../../../src/core/host/fileHost';
import { createNodeFileHost } from '../../../src/core/host/nodeFileHost';
import type { ScanWarning } from '../../../src/core/model/facts';
import type { Report } from '../../../src/core/model/report';
import { renderReport } from '../../../src/core/report';
import { knowledge, TEST_TOOL } from '../../helpers/auditFixture';
import { REPO_ROOT } from '../../helpers/paths';

/** What a case expects; the same shape as test/fixtures/hostile/<case>/expected.json. */
export interface HostileExpected {
  description: string;
  /** Exactly the scan warnings of the report (code and path; order does not matter). */
  warnings: { code: ScanWarning['code']; path?: string }[];
  level?: number;
  /** Practices that must be present. */
  present?: string[];
  /** Practices that must be partial (only weaker signals, e.g. a declared dependency). */
  partial?: string[];
  /** Practices that must be absent (e.g. evidence that lives outside the workspace). */
  absent?: string[];
  /** Practices that must be not available: no signal, and their evidence files could not be read or parsed. */
  notAvailable?: string[];
  /** Signals that must be found: the practice has one at this path. */
  signals?: { practice: string; path: string }[];
  /** Strings from the repository that JSON output must hold unchanged. */
  rawStrings?: string[];
  /** What plain-text output must show (e.g. a name with its bidi controls stripped). */
  textIncludes?: string[];
  /** Wall-clock bound of the audit in milliseconds (on top of the test's timeout). */
  maxMs?: number;
  /** Absolute paths that must not exist after the audit (markers a hostile file tries to create). */
  mustNotExist?: string[];
  notes?: string;
}

/** Bidi embedding/override/isolate characters: Trojan Source. */
export const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** ESC, other C0 controls except tab and newline, DEL and C1 controls. */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

/** The pipeline as the CLI runs it (config from the folder, then the audit), through any host. */
export async function auditHost(host: FileHost, rootName = 'hostile'): Promise<Report> {
  const config = await readRepoConfig(host, knowledge());
  return audit(host, { knowledge: knowledge(), config, rootName, tool: TEST_TOOL });
}

/** Audit a folder on disk, timing it. */
export async function auditTimed(root: string, wrap?: (host: FileHost) => FileHost): Promise<{ report: Report; ms: number }> {
  const started = performance.now();
  const host = createNodeFileHost(root);
  const report = await auditHost(wrap ? wrap(host) : host);
  return { report, ms: performance.now() - started };
}

/** Every check a hostile case gets, whatever it contains. */
export function checkReport(report: Report, expected: HostileExpected, ms: number): void {
  if (expected.maxMs !== undefined) assert.ok(ms < expected.maxMs, `audit took ${Math.round(ms)} ms; the bound is ${expected.maxMs} ms`);

  const json = renderReport(report, 'json');
  const parsed = JSON.parse(json);
  assert.ok(validate(parsed), `schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);

  const key = (w: { code: string; path?: string }) => `${w.code} ${JSON.stringify(w.path ?? null)}`;
  assert.deepEqual(
    report.warnings.map(key).sort(),
    expected.warnings.map(key).sort(),
    `scan warnings; got ${JSON.stringify(report.warnings)}`,
  );
  if (expected.level !== undefined) assert.equal(report.level.current, expected.level, `level (${report.level.decidedBy})`);
  const status = (id: string) => {
    const practice = report.practices.find((p) => p.id === id);
    assert.ok(practice, `practice ${id} exists`);
    return practice.status;
  };
  for (const id of expected.present ?? []) assert.equal(status(id), 'present', `${id} must be present`);
  for (const id of expected.partial ?? []) assert.equal(status(id), 'partial', `${id} must be partial`);
  for (const id of expected.absent ?? []) assert.equal(status(id), 'absent', `${id} must be absent`);
  for (const id of expected.notAvailable ?? []) assert.equal(status(id), 'not-available', `${id} must be not available`);

  for (const { practice, path } of expected.signals ?? []) {
    const found = report.practices.find((p) => p.id === practice)?.signals ?? [];
    assert.ok(found.some((s) => s.path === path), `a ${practice} signal in ${path}; got ${JSON.stringify(found.map((s) => s.path))}`);
  }
  for (const marker of expected.mustNotExist ?? []) assert.ok(!existsSync(marker), `${marker} must not exist: nothing in the repository may run`);

  checkRendering(report, expected.rawStrings ?? []);
  const text = renderReport(report, 'text', { color: false });
  for (const shown of expected.textIncludes ?? []) assert.ok(text.includes(shown), `text output shows ${JSON.stringify(shown)}`);
}

/** Every string anywhere inside a parsed JSON value. */
function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, into);
  return into;
}

/** Markdown with code spans removed: inside them nothing is markup. */
export function outsideCodeSpans(md: string): string {
  let out = '';
  let i = 0;
  while (i < md.length) {
    if (md[i] !== '`' || (i > 0 && md[i - 1] === '\\')) {
      out += md[i++];
      continue;
    }
    let run = 0;
    while (md[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = md.indexOf(fence, i + run);
    while (close >= 0 && md[close + run] === '`') close = md.indexOf(fence, close + run + 1);
    if (close < 0) {
      out += fence;
      i += run;
      continue;
    }
    out += ' ';
    i = close + run;
  }
  return out;
}

// linkedom ships ESM type declarations; this CommonJS test build loads its CommonJS entry.
const { parseHTML } = require('linkedom') as { parseHTML(html: string): { document: HtmlDocument } };
interface HtmlElement {
  tagName: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
}
interface HtmlDocument {
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
}

/**
 * Render every format and check none lets repository data through as markup, a link or
 * a control sequence; JSON and SARIF must be valid JSON, and JSON must keep `rawStrings`.
 */
export function checkRendering(report: Report, rawStrings: readonly string[]): void {
  const json = renderReport(report, 'json');
  const all = stringsIn(JSON.parse(json));
  for (const raw of rawStrings) {
    assert.ok(all.some((s) => s.includes(raw)), `JSON keeps ${JSON.stringify(raw.slice(0, 80))} unchanged`);
  }

  const sarif = renderReport(report, 'sarif');
  const sarifValue = JSON.parse(sarif) as { version?: string };
  assert.equal(sarifValue.version, '2.1.0');

  const text = renderReport(report, 'text', { color: false });
  assert.doesNotMatch(text, CONTROL, 'text output has no control characters (ESC included)');
  assert.doesNotMatch(text, BIDI, 'text output has no bidi overrides');

  const md = renderReport(report, 'markdown');
  assert.doesNotMatch(md, CONTROL, 'markdown has no control characters');
  assert.doesNotMatch(md, BIDI, 'markdown has no bidi overrides');
  const prose = outsideCodeSpans(md);
  assert.doesNotMatch(prose, /(?<!\\)<\s*(img|script|iframe|svg|a)\b/i, 'markdown has no raw HTML from the data');
  assert.ok(!prose.includes('https://evil.example'), 'markdown has no live (auto)link to evil.example');
  assert.doesNotMatch(prose, /(?<!\\)\]\((?!<https:\/\/)/, 'markdown has no live link other than the evidence links');

  const html = renderReport(report, 'html');
  assert.doesNotMatch(html, CONTROL, 'html has no control characters');
  assert.doesNotMatch(html, BIDI, 'html has no bidi overrides');
  assert.doesNotMatch(html, /<\s*(img|script|iframe)\b/i, 'html has no <img>/<script> (only escaped text)');
  const { document } = parseHTML(html);
  assert.equal(document.querySelectorAll('script, img, iframe, object, embed').length, 0);
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      assert.ok(!/^on/i.test(attribute.name), `no event handler attribute (${element.tagName} ${attribute.name})`);
    }
  }
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    assert.ok(!href.includes('evil.example') && !/^\s*javascript:/i.test(href), `no link to data-supplied targets: ${href}`);
  }
}
