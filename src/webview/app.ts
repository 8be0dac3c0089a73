/// <reference lib="dom" />
/**
 * The Maturity view's controller: receives host messages, keeps UI state in the webview
 * state store, and re-renders the root element, giving focus and scroll position back.
 * `main.ts` wires it to the real webview; tests drive it with a fake API and a DOM.
 */
import type { HostMessage, KnowledgeDigest, WebviewMessage } from './protocol';
import type { RenderContext } from './render/context';
import { renderView, selectedFolder, type HostData } from './render/view';
import { restoreState, withExpanded, type UiState } from './state';

/** What `acquireVsCodeApi()` returns (the part the view uses). */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

export interface App {
  /** Handles one message from the host (unknown shapes are ignored). */
  handle(message: unknown): void;
  readonly state: UiState;
  /** Renders again from the last host data. */
  render(): void;
}

function isHostMessage(value: unknown): value is HostMessage {
  if (value === null || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'knowledge':
      return m.knowledge !== null && typeof m.knowledge === 'object';
    case 'folders':
      return Array.isArray(m.folders) && (m.active === undefined || typeof m.active === 'string');
    case 'noWorkspace':
      return true;
    default:
      return false;
  }
}

/** Well-formed folder entries only: a malformed one is dropped rather than breaking the view. */
function validFolders(folders: unknown[]): Extract<HostData, { kind: 'folders' }>['folders'] {
  return folders.filter((f): f is Extract<HostData, { kind: 'folders' }>['folders'][number] => {
    if (f === null || typeof f !== 'object') return false;
    const r = f as Record<string, unknown>;
    const report = r.report as Record<string, unknown> | undefined;
    const reportOk = report === undefined || (report !== null && typeof report === 'object'
      && Array.isArray(report.practices) && report.level !== null && typeof report.level === 'object'
      && report.stage !== null && typeof report.stage === 'object');
    return typeof r.key === 'string' && typeof r.name === 'string' && typeof r.status === 'string' && reportOk;
  });
}

export function createApp(doc: Document, api: VsCodeApi, root: HTMLElement): App {
  const win = doc.defaultView;
  let state = restoreState(api.getState());
  const firstView = !state.seen;
  let knowledge: KnowledgeDigest | undefined;
  let data: HostData = { kind: 'loading' };
  let lastFolders = '';
  let scrollRestored = false;
  let scrollTimer: ReturnType<typeof setTimeout> | undefined;

  const save = () => api.setState(state);
  const post = (message: WebviewMessage) => api.postMessage(message);

  const ctx: RenderContext = {
    doc,
    get knowledge() {
      return knowledge;
    },
    get state() {
      return state;
    },
    firstView,
    post,
    update(change) {
      const otherFolder = change.folder !== undefined && change.folder !== state.folder;
      state = { ...state, ...change };
      // A folder picked here is the current one until the host says otherwise (it is told too).
      if (change.folder !== undefined && data.kind === 'folders') {
        data = { ...data, active: change.folder };
        // The host's next word on the current folder must count, even if it repeats its last.
        lastFolders = '';
      }
      save();
      render();
      if (otherFolder && win && typeof win.scrollTo === 'function') win.scrollTo(0, 0);
    },
    setExpanded(key, open) {
      state = withExpanded(state, key, open);
      save();
    },
    reveal(practiceId) {
      const report = currentReport();
      const practice = report?.practices.find((p) => p.id === practiceId);
      if (!practice) return;
      state = withExpanded(withExpanded(state, 'sec:practices', true), `p:${practiceId}`, true);
      const hidden = (state.missingOnly && practice.status !== 'absent' && practice.status !== 'partial')
        || (state.dimension !== '' && state.dimension !== practice.dimension);
      if (hidden) state = { ...state, missingOnly: false, dimension: '' };
      save();
      render();
      const target = findByAttr('data-id', `p:${practiceId}`);
      const summary = target?.querySelector('summary') as HTMLElement | null | undefined;
      target?.scrollIntoView?.({ block: 'start' });
      summary?.focus?.();
    },
  };

  function currentReport() {
    return data.kind === 'folders' ? selectedFolder(data.folders, state.folder, data.active)?.report : undefined;
  }

  function findByAttr(name: string, value: string): Element | undefined {
    // Compared as strings rather than through a CSS selector: keys hold repository ids.
    for (const node of Array.from(root.querySelectorAll(`[${name}]`))) {
      if (node.getAttribute(name) === value) return node;
    }
    return undefined;
  }

  /**
   * Keys to give focus back to after a re-render: the focused control's, then its enclosing
   * parts' (a suppressed finding's row goes, its practice stays), most specific first.
   */
  function focusChain(active: Element): string[] {
    const keys: string[] = [];
    for (let node: Element | null = active; node && node !== root; node = node.parentElement) {
      const key = node.tagName === 'DETAILS' ? node.getAttribute('data-id') : node.getAttribute('data-key');
      if (key && !keys.includes(key)) keys.push(key);
    }
    return keys;
  }

  /** A focus chain not restored yet (its control gone for now, e.g. while re-auditing). */
  let pendingFocus: string[] = [];

  function render(): void {
    const active = doc.activeElement as HTMLElement | null | undefined;
    const chain = active && active !== root && root.contains(active) ? focusChain(active) : pendingFocus;
    const y = win?.scrollY ?? 0;
    root.replaceChildren(renderView(ctx, data));
    const target = chain.map((key) => findByAttr('data-key', key) as HTMLElement | undefined).find((node) => node !== undefined);
    target?.focus?.();
    pendingFocus = target ? [] : chain;
    if (!state.seen && currentReport()) {
      state = { ...state, seen: true };
      save();
    }
    if (!win || typeof win.scrollTo !== 'function') return;
    if (!scrollRestored && data.kind === 'folders' && currentReport()) {
      scrollRestored = true;
      if (state.scrollY > 0) win.scrollTo(0, state.scrollY);
    } else if (scrollRestored) {
      win.scrollTo(0, y);
    }
  }

  function handle(message: unknown): void {
    if (!isHostMessage(message)) return;
    switch (message.type) {
      case 'knowledge':
        knowledge = message.knowledge;
        break;
      case 'noWorkspace':
        data = { kind: 'noWorkspace' };
        lastFolders = '';
        break;
      case 'folders': {
        const folders = validFolders(message.folders);
        const fingerprint = JSON.stringify([folders, message.active]);
        if (fingerprint === lastFolders && data.kind === 'folders') return;
        lastFolders = fingerprint;
        data = { kind: 'folders', folders, active: message.active };
        break;
      }
    }
    render();
  }

  win?.addEventListener('message', (event) => {
    handle((event as MessageEvent).data);
  });
  if (win) {
    win.addEventListener('scroll', () => {
      if (scrollTimer !== undefined) clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => {
        scrollTimer = undefined;
        if (!scrollRestored) return;
        state = { ...state, scrollY: Math.max(0, Math.round(win.scrollY || 0)) };
        save();
      }, 150);
    });
  }
  render();
  post({ type: 'ready' });
  return {
    handle,
    get state() {
      return state;
    },
    render,
  };
}
