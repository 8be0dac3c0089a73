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

/** Characters that are Markdown wherever they stand: code, emphasis, links, HTML, tables, strikethrough, math. */
const MARKDOWN_ALWAYS = /[\\`*[\]|<>~$]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** What starts a block at the start of a line: a heading, list item, numbered item or block quote marker. */
const BLOCK_START = /^(\s*)([#+\-=]|\d+(?=[.)]))/;

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
 * breaks collapsed, and what could form emphasis, a link, image, autolink, entity, HTML tag,
 * table cell break or a block at the start of a line backslash-escaped. Only that: a path
 * like `ws-iterative__demo` or `Level 0:` reads as written.
 */
export function escapeMarkdown(s: string): string {
  return singleLine(stripControl(s))
    .replace(MARKDOWN_ALWAYS, (c) => `\\${c}`)
    // A run of underscores between two letters or digits cannot open or close emphasis (`ws_iterative__x`).
    .replace(/_+/g, (run, at: number, text: string) => (WORD_CHAR.test(text[at - 1] ?? '') && WORD_CHAR.test(text[at + run.length] ?? '') ? run : run.replaceAll('_', '\\_')))
    // Autolinks: `http://`, `www.` and e-mail addresses; entities: `&amp;`.
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@(?=[\w-]+\.)/g, '\\@')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(BLOCK_START, (_m, space: string, marker: string) => (/^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`));
}

/** The URL when it is a plain http(s) URL safe to link to, else undefined. */
export function httpUrl(url: string): string | undefined {
  return /^https?:\/\/[^\s<>"'`]+$/i.test(url) ? url : undefined;
}

/** Knowledge-base text for places that show plain text only (the Problems panel): `code` spans lose their backticks. */
export function plainText(s: string): string {
  return s.replace(/`([^`\n]+)`/g, '$1');
}
