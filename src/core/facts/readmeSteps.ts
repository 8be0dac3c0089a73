/**
 * Manual workflow steps documented in READMEs: commands in code blocks and list items
 * (or "Step N" lines) that have people run notebooks and scripts by hand. Plain prose
 * paragraphs are not read, so tool names mentioned in passing yield nothing.
 */
import type { ManualStep } from '../model/facts';
import type { Extractor } from './extractor';
import { commandKind, proseKind } from './readmeCommands';

const MAX_TEXT = 200;

/** A Markdown fence opening or closing a code block, possibly inside a list item. */
const FENCE = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(`{3,}|~{3,})/;
/** A list item (bullet, number, reST auto-number) or a "Step 2:" line; group 1 is its text. */
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)]|#\.)\s+(.*)$|^\s*(?:#+\s*)?(?:\*\*|__)?(step\s*\d+\b.*)$/i;
/** A reST literal block starts after a `::` line or a code directive. */
const RST_LITERAL = /::\s*$|^\s*\.\.\s+(?:code-block|code|sourcecode)::/;

export const extractor: Extractor = {
  id: 'readme-steps',
  files: ['README*', '*/README*'],
  extract(file) {
    const steps: ManualStep[] = [];
    for (const { line, text, content, code } of readmeLines(file.text, /\.rst$/i.test(file.path))) {
      const kind = code ? commandKind(content) : proseKind(content);
      if (kind) steps.push({ path: file.path, line, text: text.trim().slice(0, MAX_TEXT), kind });
    }
    return steps.length > 0 ? { manualSteps: steps } : {};
  },
};

interface ReadmeLine {
  line: number;
  /** The line as written. */
  text: string;
  /** What to classify: the command of a code line, the text of a list item. */
  content: string;
  /** Inside a code block, so the content is a command. */
  code: boolean;
}

/** The lines worth classifying: code-block lines and list items, comments skipped. */
function readmeLines(text: string, rst: boolean): ReadmeLine[] {
  const result: ReadmeLine[] = [];
  let fence: string | undefined;
  /** Indentation of the reST line that opened a literal block, while inside it. */
  let rstIndent: number | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    /** A code-block line is a command unless it is a shell comment. */
    const addCode = (): void => {
      if (!raw.trim().startsWith('#')) result.push({ line, text: raw, content: raw, code: true });
    };
    const indent = raw.length - raw.trimStart().length;
    const marker = FENCE.exec(raw)?.[1];
    if (fence !== undefined) {
      if (marker?.[0] === fence[0] && marker.length >= fence.length && raw.trim() === marker) fence = undefined;
      else addCode();
      return;
    }
    if (marker) {
      fence = marker;
      return;
    }
    if (rstIndent !== undefined) {
      if (raw.trim() === '') return;
      if (indent > rstIndent) return addCode();
      rstIndent = undefined;
    }
    if (rst && RST_LITERAL.test(raw)) rstIndent = indent;
    const item = LIST_ITEM.exec(raw);
    if (item) result.push({ line, text: raw, content: item[1] ?? item[2], code: false });
  });
  return result;
}
