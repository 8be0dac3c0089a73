/**
 * The view's UI state, kept in the webview's `setState` store so that hiding and showing
 * the sidebar (which destroys and recreates the webview) restores it. Everything read
 * back from `getState` is validated: it is JSON the webview itself wrote, but an older
 * version of the extension may have written a different shape.
 */

export const STATE_VERSION = 1;
/** Most open/closed entries remembered; the oldest are dropped first. */
export const MAX_EXPANDED = 500;
const MAX_KEY = 300;

export interface UiState {
  v: number;
  /** Key (URI string) of the folder picked in a multi-root workspace; unset = the host's active one. */
  folder?: string;
  /** Show only practices that are absent or partial. */
  missingOnly: boolean;
  /** Dimension id to show, '' for all. */
  dimension: string;
  /**
   * Open/closed state of expandable parts the user toggled, by key: `p:<practice>`,
   * `t:<tradeoff>`, `sec:<section>`, `more:…`. Parts never toggled use their default.
   */
  expanded: Record<string, boolean>;
  /** Vertical scroll offset of the view. */
  scrollY: number;
  /**
   * A report has been shown before: trade-offs and next steps then start collapsed to one line
   * each (their explanations are for the first view; later the practices matter).
   */
  seen: boolean;
  /** Folders without ML project markers whose audit the user asked to see anyway (folder keys). */
  shownAnyway: string[];
}

export function defaultState(): UiState {
  return { v: STATE_VERSION, missingOnly: false, dimension: '', expanded: {}, scrollY: 0, seen: false, shownAnyway: [] };
}

const validKey = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 4096;

/** A valid state from whatever `getState()` returned; anything unusable falls back to the default. */
export function restoreState(raw: unknown): UiState {
  const state = defaultState();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return state;
  const r = raw as Record<string, unknown>;
  if (r.v !== STATE_VERSION) return state;
  if (validKey(r.folder)) state.folder = r.folder;
  if (typeof r.missingOnly === 'boolean') state.missingOnly = r.missingOnly;
  if (typeof r.seen === 'boolean') state.seen = r.seen;
  if (Array.isArray(r.shownAnyway)) state.shownAnyway = r.shownAnyway.filter(validKey).slice(-50);
  if (typeof r.dimension === 'string' && r.dimension.length <= 200) state.dimension = r.dimension;
  if (typeof r.scrollY === 'number' && Number.isFinite(r.scrollY) && r.scrollY >= 0) state.scrollY = Math.floor(r.scrollY);
  if (r.expanded !== null && typeof r.expanded === 'object' && !Array.isArray(r.expanded)) {
    const entries = Object.entries(r.expanded as Record<string, unknown>)
      .filter(([key, value]) => key.length <= MAX_KEY && typeof value === 'boolean')
      .slice(-MAX_EXPANDED);
    // A null-prototype record: keys such as `__proto__` stay plain data.
    state.expanded = Object.assign(Object.create(null) as Record<string, boolean>, Object.fromEntries(entries));
  }
  return state;
}

/** Whether an expandable part is open: what the user chose, else its default. */
export function isExpanded(state: UiState, key: string, byDefault = false): boolean {
  return Object.prototype.hasOwnProperty.call(state.expanded, key) ? state.expanded[key] : byDefault;
}

/** A new state with one part opened or closed (most recent last, capped). */
export function withExpanded(state: UiState, key: string, open: boolean): UiState {
  if (key.length > MAX_KEY) return state;
  const entries = Object.entries(state.expanded).filter(([k]) => k !== key);
  entries.push([key, open]);
  const expanded = Object.assign(Object.create(null) as Record<string, boolean>, Object.fromEntries(entries.slice(-MAX_EXPANDED)));
  return { ...state, expanded };
}
