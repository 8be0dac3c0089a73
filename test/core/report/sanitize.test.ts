import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { escapeHtml, escapeMarkdown, httpUrl, plainText, singleLine, stripControl, truncate } from '../../../src/core/report/sanitize';

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
  // A CommonMark renderer with GitHub's tables, strikethrough and autolinks (linkify) and raw HTML.
  const markdown = new MarkdownIt({ html: true, linkify: true });
  /** The HTML the escaped text renders to, as one paragraph. */
  const rendered = (text: string) => markdown.render(escapeMarkdown(text)).trim();

  const hostile = [
    '![x](http://evil) [link](http://evil) <b>*_|`~#',
    'see http://evil.com and www.evil.com, mail me@evil.com',
    '# heading', '- item', '+ item', '1. first', '2) second', '> quote', '=== setext',
    '**bold** __bold__ *em* _em_ ~~gone~~ `code` $x^2$',
    '| a | b |', '&amp; &#60; &copy;', '<script>alert(1)</script>', 'a\\_b \\[x]',
  ];

  it('renders hostile text as exactly that text: no link, image, autolink, HTML, emphasis, block or table', () => {
    for (const text of hostile) {
      assert.equal(rendered(text), `<p>${escapeHtml(singleLine(text))}</p>`, text);
    }
  });

  it('leaves what needs no escape as written: paths, colons, dashes and underscores inside words', () => {
    assert.equal(escapeMarkdown('ws-iterative__example_get_started'), 'ws-iterative__example_get_started');
    assert.equal(escapeMarkdown('Level 0: Ad hoc (no CI).'), 'Level 0: Ad hoc (no CI).');
    assert.equal(escapeMarkdown('src/train.py:12 uses {seed}!'), 'src/train.py:12 uses {seed}!');
    for (const text of ['ws-iterative__example_get_started', 'Level 0: Ad hoc (no CI).']) assert.equal(rendered(text), `<p>${escapeHtml(text)}</p>`);
  });
});

describe('plainText', () => {
  it('drops the backticks of code spans, nothing else', () => {
    assert.equal(plainText('`pandas` is not pinned (`==`); a stray ` stays'), 'pandas is not pinned (==); a stray ` stays');
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
