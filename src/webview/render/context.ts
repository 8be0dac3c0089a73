/// <reference lib="dom" />
/**
 * What every render function gets: the document to build in, the knowledge digest (when
 * the host has sent it), the UI state, and callbacks to talk to the host or change state.
 */
import type { KnowledgeDigest, WebviewMessage } from '../protocol';
import type { UiState } from '../state';

export interface RenderContext {
  doc: Document;
  knowledge?: KnowledgeDigest;
  state: UiState;
  /** This view is the first to show a report (see UiState.seen): explanations start open. */
  firstView: boolean;
  /** Sends a message to the extension host. */
  post(message: WebviewMessage): void;
  /** Changes UI state and renders again. */
  update(change: Partial<Omit<UiState, 'v' | 'expanded' | 'seen'>>): void;
  /** Records that an expandable part was opened or closed (no re-render: the DOM already shows it). */
  setExpanded(key: string, open: boolean): void;
  /** Opens, reveals and focuses a practice (clearing filters that hide it). */
  reveal(practiceId: string): void;
}
