/** A signal's detail text, kept short enough to show where without flooding a report. */

/** Longest detail kept per signal. */
export const MAX_DETAIL = 160;

/** The text cut to `max` characters, with an ellipsis when cut. */
export function cut(text: string, max = MAX_DETAIL): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
