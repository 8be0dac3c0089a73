import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, escapeMarkdown, httpUrl, singleLine, stripControl, truncate } from '../../../src/core/report/sanitize';

describe('stripControl', () => {
  it('removes whole ANSI sequences (CSI, 8-bit CSI, OSC) without leaving parameters behind', () => {
    assert.equal(stripControl('a\u001b[1;31mb\u001b[0mc'), 'abc');
    assert.equal(stripControl('a\u009b2Jb'), 'ab');
    assert.equal(stripControl('a\u001b]0;pwned\u0007b'), 'ab');
    assert.equal(stripControl('a\u001b]8;;http://x\u001b\\b'), 'ab');
  });

  it('removes C0 (except tab and newline), DEL, C1 and bidi controls, keeping other text', () => {
    assert.equal(stripControl('a\u0000b\rc\u0007d\u007fe\u0085f'), 'abcdef');
    assert.equal(stripControl('x\u202ey\u2066z\u2069'), 'xyz');
    assert.equal(stripControl('tab\there\nnext — ✓ Kühl'), 'tab\there\nnext — ✓ Kühl');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters and strips controls', () => {
    assert.equal(escapeHtml(`<img src="x" onerror='a'>&\u202e`), '&lt;img src=&quot;x&quot; onerror=&#39;a&#39;&gt;&amp;');
  });
});

describe('escapeMarkdown', () => {
  it('leaves no unescaped link, image, HTML, emphasis or table syntax', () => {
    const escaped = escapeMarkdown('![x](http://evil) [link](http://evil) <b>*_|`~#');
    assert.doesNotMatch(escaped, /(^|[^\\])[[\]()<>*_|`~#!]/);
    assert.equal(escapeMarkdown('[a](b)'), '\\[a\\]\\(b\\)');
  });

  it('breaks autolinks and collapses newlines', () => {
    assert.equal(escapeMarkdown('see http://evil.com\n\n# heading'), 'see http\\://evil\\.com \\# heading');
    assert.equal(escapeMarkdown('www.evil.com'), 'www\\.evil\\.com');
  });
});

describe('truncate', () => {
  it('keeps short strings and cuts long ones to n characters ending in an ellipsis', () => {
    assert.equal(truncate('short', 10), 'short');
    const cut = truncate('A'.repeat(5000), 100);
    assert.equal(cut.length, 100);
    assert.ok(cut.endsWith('…'));
  });

  it('never splits a surrogate pair', () => {
    assert.equal(truncate('😀😀😀', 2), '😀…');
  });
});

describe('singleLine and httpUrl', () => {
  it('collapses line breaks', () => {
    assert.equal(singleLine('a \r\n  b\n\nc'), 'a b c');
  });

  it('accepts only plain http(s) URLs', () => {
    assert.equal(httpUrl('https://doi.org/10.1/x'), 'https://doi.org/10.1/x');
    assert.equal(httpUrl('javascript:alert(1)'), undefined);
    assert.equal(httpUrl('https://x" onclick="y'), undefined);
    assert.equal(httpUrl('data:text/html,hi'), undefined);
  });
});
