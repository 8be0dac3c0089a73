/// <reference lib="dom" />
/**
 * Tiny DOM helpers for the Maturity view. Everything is built with createElement,
 * setAttribute and text nodes: no HTML string is ever parsed, so repository-derived text
 * (paths, matched lines, messages) can only ever become text.
 */

export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttrs(node: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(doc: Document, node: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'object' ? child : doc.createTextNode(String(child)));
  }
}

/** An HTML element with attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  setAttrs(node, attrs);
  append(doc, node, children);
  return node;
}

/** An SVG element (created in the SVG namespace). */
export function svg(doc: Document, tag: string, attrs?: Attrs | null, ...children: Child[]): SVGElement {
  const node = doc.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(node, attrs);
  append(doc, node, children);
  return node;
}

/** A codicon; decorative unless a label is given. */
export function icon(doc: Document, name: string, extraClass = '', label?: string): HTMLSpanElement {
  const cls = `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`;
  return label
    ? el(doc, 'span', { class: cls, role: 'img', 'aria-label': label, title: label })
    : el(doc, 'span', { class: cls, 'aria-hidden': 'true' });
}

/** Text only screen readers see (e.g. a status the icon shows). */
export function srOnly(doc: Document, text: string): HTMLSpanElement {
  return el(doc, 'span', { class: 'sr-only' }, text);
}

/**
 * A title whose last word stays on one line with what follows it (a level badge, a count):
 * in a narrow side bar the badge then wraps with that word, never onto a line of its own.
 */
export function titleWithTail(doc: Document, title: string, ...tail: Child[]): HTMLSpanElement {
  const cut = title.trimEnd().lastIndexOf(' ');
  const head = cut < 0 ? '' : title.slice(0, cut + 1);
  const last = cut < 0 ? title : title.slice(cut + 1);
  return el(doc, 'span', { class: 'title' }, head, el(doc, 'span', { class: 'nowrap' }, last, ...tail));
}

export interface ButtonOptions {
  label: Child;
  icon?: string;
  /** Tooltip and, when `ariaLabel` is absent, nothing else. */
  title?: string;
  ariaLabel?: string;
  /** `secondary`, `link` or `icon`; plain buttons are primary. */
  kind?: 'primary' | 'secondary' | 'link' | 'icon';
  /** Stable identity used to give focus back after a re-render. */
  key?: string;
  onClick: (event: Event) => void;
}

export function button(doc: Document, options: ButtonOptions): HTMLButtonElement {
  const kind = options.kind ?? 'primary';
  const node = el(
    doc,
    'button',
    {
      type: 'button',
      class: `btn btn-${kind}`,
      title: options.title,
      'aria-label': options.ariaLabel,
      'data-key': options.key,
    },
    options.icon ? icon(doc, options.icon) : null,
    options.label,
  );
  node.addEventListener('click', (event) => {
    event.preventDefault();
    options.onClick(event);
  });
  return node;
}

/** Whether a `<details>` is open (the attribute, which the `open` property reflects). */
export function isOpen(details: Element): boolean {
  return details.hasAttribute('open');
}

/**
 * Knowledge-base text with its inline code (`pytest -q`) as code elements: the text is split
 * on backtick pairs into text nodes and `<code>` nodes, never parsed as HTML, so nothing in
 * it can become markup. An unpaired backtick stays as written.
 */
export function withCode(doc: Document, text: string): Child[] {
  const parts = text.split('`');
  const out: Child[] = [];
  parts.forEach((part, i) => {
    // An odd part is between two backticks unless it is the last (an unpaired one).
    if (i % 2 === 1 && i + 1 < parts.length) out.push(el(doc, 'code', null, part));
    else if (i % 2 === 1) out.push(`\`${part}`);
    else if (part !== '') out.push(part);
  });
  return out;
}
