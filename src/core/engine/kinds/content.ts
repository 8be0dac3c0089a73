/** `content`: a line of a text file matches a pattern. */
import { opt, regex, req, texts } from '../../knowledge/fields';
import { importingFilter, indexFacts } from '../factIndex';
import { COMMENT_LINE, matchesLine } from '../patterns';
import type { Hit, RuleBase, RuleKindDefinition } from './kind';

/**
 * A line of a matching text file matches the pattern; with `importing`, only in files that
 * import one of these modules; with `alongside`, only in files where some line matches it too;
 * with `unless`, never in files where some line matches that.
 */
export interface ContentRule extends RuleBase { kind: 'content'; files: string[]; pattern: string; importing?: string[]; alongside?: string; unless?: string }

export const contentKind: RuleKindDefinition<ContentRule> = {
  kind: 'content',
  matches: 'a line of a matching text file matches the regex; with `importing`, only in files importing one of these modules; with `alongside`, only in files where another line matches that regex too (an orchestrator\'s DAG in a file that does ML work), or a line of a shell script the file names (`bash scripts/train.sh`, a container command `/usr/local/bin/run-job.sh`: resolved next to the file, from the root, or by a file name only one script has; one level, never run); with `unless`, never in files where a line matches that regex (a schedule set to `pause_status: PAUSED`). Comment lines (starting with `#`) never match. In a notebook (`*.ipynb`) only its code cells\' lines are read, at their line in the file. Used sparingly, never on prose',
  fields: {
    files: { ...req(texts), doc: 'globs of the text files to read' },
    pattern: { ...req(regex), doc: 'a regex a line must match' },
    importing: { ...opt(texts), doc: 'modules the file must import' },
    alongside: { ...opt(regex), doc: 'a regex another line of the file (or of a script it names) must match' },
    unless: { ...opt(regex), doc: 'a regex no line of the file may match' },
  },
  defaultStrength: 'configured',
  patterns: (rule) => [
    { field: ['pattern'], pattern: rule.pattern },
    ...(rule.alongside === undefined ? [] : [{ field: ['alongside'], pattern: rule.alongside }]),
    ...(rule.unless === undefined ? [] : [{ field: ['unless'], pattern: rule.unless }]),
  ],
  reads: (rule) => ({ contentGlobs: rule.files, watch: rule.files }),
  // Lines are read whether or not the file parses.
  evidenceFiles: (rule) => ({ globs: rule.files, parsed: false }),
  match: (rule, facts, { engine }) => {
    const { texts, lines: linesOf, lineNumbers, scripts } = indexFacts(facts);
    const imports = importingFilter(rule.importing, facts);
    const matches = (pattern: string, line: string) => !COMMENT_LINE.test(line) && matchesLine(pattern, line, engine);
    const someLine = (lines: readonly string[], pattern: string) => lines.some((l) => matches(pattern, l));
    const hits: Hit[] = [];
    for (const path of texts.matching(rule.files)) {
      if (!imports(path)) continue;
      const lines = linesOf.get(path)!;
      if (rule.unless !== undefined && someLine(lines, rule.unless)) continue;
      if (rule.alongside !== undefined && !someLine(lines, rule.alongside)
        && !scripts.namedIn(path, lines).some((script) => someLine(linesOf.get(script) ?? [], rule.alongside!))) continue;
      const found = lines.findIndex((l) => matches(rule.pattern, l));
      if (found < 0) continue;
      const numbers = lineNumbers.get(path);
      const line = numbers ? numbers[found] : found + 1;
      hits.push({ path, ...(line !== undefined && { line }), detail: lines[found].trim() });
    }
    return hits;
  },
};
