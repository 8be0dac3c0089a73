import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderHtml } from '../../../src/core/report/html';
import { UNSAFE_CHARS, sampleReport } from './sampleReport';

describe('renderHtml', () => {
  const report = sampleReport();
  const html = renderHtml(report);

  it('is a standalone document that loads and runs nothing', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">`));
    assert.doesNotMatch(html, /<script|<link|<iframe|<object|<embed|<[a-z][^>]*\ssrc=|url\(|@import/i);
    assert.match(html, /@media \(prefers-color-scheme: dark\)/);
    assert.ok(html.trimEnd().endsWith('</html>'));
  });

  it('escapes hostile repository strings everywhere and strips controls', () => {
    assert.doesNotMatch(html, /<img/i);
    assert.ok(html.includes('src/&lt;img src=x onerror=alert(1)&gt;.py:12'));
    assert.ok(!html.includes('href="http://evil'));
    assert.doesNotMatch(html, UNSAFE_CHARS);
    assert.ok(!html.includes('A'.repeat(300)));
  });

  it('only emits elements and attributes the renderer itself writes', () => {
    const tags = new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'h2', 'p', 'strong', 'em', 'span', 'svg', 'text', 'rect',
      'table', 'tr', 'th', 'td', 'details', 'summary', 'ul', 'li', 'code', 'a'];
    assert.deepEqual([...tags].filter((tag) => !allowed.includes(tag)), []);
    const attributes = new Set([...html.matchAll(/\s([a-z-]+)="/g)].map((m) => m[1]));
    assert.deepEqual([...attributes].filter((a) => a.startsWith('on')), []);
  });

  it('draws an SVG bar per dimension, proportional to its score', () => {
    assert.equal(html.match(/<rect class="bar"/g)?.length, 9);
    assert.ok(html.includes('<rect class="bar" x="220" y="4" width="189" height="16" rx="3"/>'), 'data: 63% of 300');
    assert.ok(html.includes('<rect class="bar" x="220" y="124" width="0" height="16" rx="3"/>'), 'automation: 0');
  });

  it('has the same content as the Markdown report', () => {
    assert.ok(html.includes('<p class="level">Level 2 — Reproducible pipelines (target 3 for pilot)</p>'));
    assert.ok(html.includes('<tr><td>Data management</td><td class="num">63</td><td class="num">1</td><td class="num">0</td><td class="num">0</td></tr>'));
    assert.match(html, /<strong class="warning">Warning<\/strong> — <strong>Two experiment trackers<\/strong>/);
    assert.equal(html.match(/<details>/g)?.length, 10);
    assert.match(html, /<span class="partial">◐ partial<\/span> <strong>Unit tests<\/strong>/);
    assert.match(html, /<li>\+2 more<\/li>/);
    assert.ok(html.includes('<a href="https://doi.org/10.1145/3287560.3287596" rel="noreferrer">Model Cards for Model Reporting</a>'));
    assert.match(html, /<summary>Scan warnings \(7\)<\/summary>/);
    assert.ok(!html.includes('Log input feature statistics'), 'only the top five recommendations');
  });

  it('does not link a source whose URL is not http(s)', () => {
    const hostile = sampleReport();
    hostile.sources[0].url = 'javascript:alert(1)';
    const out = renderHtml(hostile);
    assert.ok(!out.includes('javascript'));
    assert.match(out, /<li>Software Engineering for Machine Learning: A Case Study — /);
  });
});
