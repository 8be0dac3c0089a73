/**
 * Escaping shared by the renderers. Paths, matched text and scan messages come from the
 * scanned repository, which may be hostile: they must not be able to drive a terminal,
 * reorder text (Trojan Source), inject HTML, or turn into live Markdown links.
 */

/**
 * ANSI escape sequences: CSI (`ESC [` or the 8-bit `0x9B`) with its parameters, OSC
 * (`ESC ]` … BEL or ST), and any other two-character `ESC x` sequence. Removed whole so
 * that no parameter bytes are left behind as visible debris.
 */
const ANSI_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;

/** C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate characters. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Markdown-significant ASCII punctuation; `:` `&` `$` too, which start autolinks, entities and math. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~:&$]/g;

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

/** Removes ANSI escape sequences and control characters (keeping `\n` and `\t`). */
export function stripControl(s: string): string {
  return s.replace(ANSI_SEQUENCE, '').replace(CONTROL, '');
}

/** Collapses line breaks (and the blanks around them) into single spaces. */
export function singleLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Cuts `s` to at most `n` characters (code points), ending with `…` when cut. */
export function truncate(s: string, n: number): string {
  if (s.length <= n) return s;
  const chars = Array.from(s);
  return chars.length <= n ? s : `${chars.slice(0, Math.max(0, n - 1)).join('')}…`;
}

/** Escapes text for HTML content and quoted attribute values; control characters are removed first. */
export function escapeHtml(s: string): string {
  return stripControl(s).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * Escapes text for inline Markdown (GitHub flavour): control characters removed, line
 * breaks collapsed, and every Markdown-significant character backslash-escaped, so that
 * no emphasis, link, image, autolink, HTML tag or table cell break can form.
 */
export function escapeMarkdown(s: string): string {
  return singleLine(stripControl(s)).replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** The URL when it is a plain http(s) URL safe to link to, else undefined. */
export function httpUrl(url: string): string | undefined {
  return /^https?:\/\/[^\s<>"'`]+$/i.test(url) ? url : undefined;
}
