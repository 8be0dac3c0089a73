import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeSpan, renderMarkdown } from '../../../src/core/report/markdown';
import { HOSTILE, UNSAFE_CHARS, sampleReport } from './sampleReport';

describe('renderMarkdown', () => {
  const report = sampleReport();
  const md = renderMarkdown(report);

  it('has a heading and a one-line summary', () => {
    assert.match(md, /^## MLOps Lens: churn-prediction\n/);
    assert.match(md, /\*\*Level 2 — Reproducible pipelines \(target 3 for pilot\)\*\* · stage pilot .* · score \*\*44\*\*\/100/);
  });

  it('has a dimension table with a row per dimension', () => {
    assert.match(md, /\| Dimension \| Score \| Present \| Partial \| Absent \|\n\| --- \| ---: \| ---: \| ---: \| ---: \|\n/);
    for (const d of report.dimensionDetails) {
      assert.ok(md.includes(`| ${d.title} | ${d.score} | ${d.present} | ${d.partial} | ${d.absent} |`), d.id);
    }
  });

  it('lists trade-offs with a text severity marker, action and linked evidence', () => {
    assert.match(md, /^- \*\*Warning\*\* — \*\*Two experiment trackers\*\*: Runs are logged .* \*Action:\* Pick one tracker/m);
    assert.match(md, /evidence: \[Alex Serban et al\. \(2020\)\]\(<https:\/\/doi\.org\/10\.1145\/3382494\.3410681>\)/);
    assert.match(md, /^- \*\*Info\*\* — \*\*Automation without tests\*\*/m);
  });

  it('puts each dimension in a collapsible section with practice status and signals', () => {
    assert.equal(md.match(/<details>/g)?.length, report.dimensionDetails.length + 1, 'nine dimensions and the scan warnings');
    assert.match(md, /<summary>Data management — 63\/100 \(1 present, 0 partial, 0 absent\)<\/summary>\n\n- ✓ \*\*Data versioning\*\* \(level 1, present\)/);
    assert.match(md, /^ {2}- `dvc\.yaml:3` \(configured, dvc\)$/m);
    assert.match(md, /^ {2}- \\\+2 more$/m);
    assert.match(md, /- – \*\*Feature store\*\* \(level 3, suppressed: batch scoring only, no online features A+…\)/);
  });

  it('escapes hostile repository strings: no live link, no HTML, no controls', () => {
    assert.doesNotMatch(md, UNSAFE_CHARS);
    assert.ok(!md.includes(HOSTILE.markdownLink));
    assert.ok(md.includes('\\[link\\](http\\://evil)'));
    assert.ok(md.includes('`src/<img src=x onerror=alert(1)>.py:12`'), 'the path is a code span');
    const rawTags = md.replace(/`[^`\n]*`/g, '').match(/(?<!\\)<(?!\/?(details|summary)>|https:\/\/)/g);
    assert.equal(rawTags, null, 'no raw HTML besides <details>/<summary> and link destinations');
    assert.ok(!md.includes('A'.repeat(300)));
  });

  it('keeps backticks inside paths with a longer code-span fence', () => {
    assert.ok(md.includes('```notebooks/``weird`.ipynb:2```'));
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`x'), '`` `x ``');
    assert.equal(codeSpan('line\nbreak\u001b[31m'), '`line break`');
  });

  it('has a recommendations table of the top five and linked sources', () => {
    assert.match(md, /\| # \| Practice \| First step \| Effort \| Why now \|/);
    assert.match(md, /\| 3 \| Training pipeline as code \| Turn `make train` into a dvc\.yaml stage\. \| medium \|/);
    assert.ok(!md.includes('Log input feature statistics'));
    assert.match(md, /^- \[Model Cards for Model Reporting\]\(<https:\/\/doi\.org\/10\.1145\/3287560\.3287596>\) — Margaret Mitchell and Simone Wu \(2019\) `mitchell2019`$/m);
  });

  it('has a scope section listing what was not counted, escaped', () => {
    assert.match(md, /### Scope\n\n- library \(pyproject\.toml declares /);
    assert.match(md, /\n {2}- Not counted \(12 files\): examples\/, /);
    assert.match(md, /\n {2}- Package source and tests are not evidence of: experiment-tracking, drift-monitoring\n/);
  });

  it('lists scan warnings in a collapsible section', () => {
    assert.match(md, /<summary>Scan warnings \(7\)<\/summary>\n\n- parse-error src\/broken\.py:3: unexpected indent\n/);
  });

  it('does not link a source whose URL is not http(s)', () => {
    const hostile = sampleReport();
    hostile.sources[0].url = 'javascript:alert(1)';
    const out = renderMarkdown(hostile);
    assert.ok(!out.includes('javascript'));
    assert.match(out, /^- Software Engineering for Machine Learning: A Case Study — /m);
  });
});

describe('renderMarkdown for CI', () => {
  it('keeps the knowledge base\'s code spans as code (a pipe inside one escaped in a table), and escapes the rest', () => {
    const report = sampleReport();
    report.recommendations[0] = { ...report.recommendations[0], firstStep: 'Run `pip freeze | grep x` then *commit*.' };
    const md = renderMarkdown(report);
    assert.ok(md.includes('| Run `pip freeze \\| grep x` then \\*commit\\*. |'), md.split('\n').find((l) => l.includes('pip freeze')));
  });

  it('leads with next steps, groups findings by check, and links paths to file and line at the commit', () => {
    const report = sampleReport();
    report.findings = [
      ...report.findings,
      { ...report.findings[0], path: 'api/Dockerfile', line: 2 },
    ];
    const md = renderMarkdown(report, { fileLinkBase: 'https://github.com/o/r/blob/abc123/' });
    const order = ['### Next steps', '### Trade-offs', '### Findings', '### Practices'].map((h) => md.indexOf(h));
    assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `section order ${order.join(', ')}`);
    const check = report.findings[0].id;
    const line = md.split('\n').find((l) => l.includes(`\`${check}\` (2)`));
    assert.ok(line, 'one line for the check, with its count');
    assert.match(line!, /\[Dockerfile:1\]\(<https:\/\/github\.com\/o\/r\/blob\/abc123\/Dockerfile#L1>\), \[api\/Dockerfile:2\]\(<https:\/\/github\.com\/o\/r\/blob\/abc123\/api\/Dockerfile#L2>\)/);
    // A hostile path is encoded in the link and escaped in its text.
    assert.match(md, /\(<https:\/\/github\.com\/o\/r\/blob\/abc123\/src\/%3Cimg%20src%3Dx%20onerror%3Dalert\(1\)%3E\.py/);
    assert.ok(!renderMarkdown(report).includes('](<https://github.com/o/r'), 'no link base, no links');
  });
});
