/** `content`: a line of a text file matches a pattern. */
import { opt, regex, req, texts } from '../../knowledge/fields';
import { globMatcher } from '../../scan/globs';
import { importingFilter, indexFacts } from '../factIndex';
import { patternKey } from '../textMatches';
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
  reads: (rule) => ({
    content: [{ files: rule.files, patterns: [rule.pattern, ...(rule.unless === undefined ? [] : [rule.unless])], ...(rule.alongside !== undefined && { alongside: rule.alongside }) }],
    watch: rule.files,
  }),
  // Lines are read whether or not the file parses.
  evidenceFiles: (rule) => ({ globs: rule.files, parsed: false }),
  // A script a file names is another file: `alongside` looks beyond the file.
  locality: (rule) => (rule.alongside === undefined ? 'file' : undefined),
  match: (rule, facts, { engine }) => {
    const { textsWith, scripts, matchPathOf } = indexFacts(facts);
    const inFiles = globMatcher(rule.files);
    const imports = importingFilter(rule.importing, facts);
    const matched = (path: string, key: string) => facts.texts.get(path)?.first.has(key) ?? false;
    const key = (pattern: string) => patternKey({ pattern, engine });
    const patternAt = key(rule.pattern);
    const unless = rule.unless === undefined ? undefined : key(rule.unless);
    const alongside = rule.alongside === undefined ? undefined : key(rule.alongside);
    const hits: Hit[] = [];
    for (const path of textsWith.get(patternAt) ?? []) {
      if (!inFiles(matchPathOf(path)) || !imports(path)) continue;
      if (unless !== undefined && matched(path, unless)) continue;
      if (alongside !== undefined && !matched(path, alongside)
        && !scripts.namedIn(path, facts.texts.get(path)!.scripts).some((script) => matched(script, alongside))) continue;
      const found = facts.texts.get(path)!.first.get(patternAt)!;
      hits.push({ path, ...(found.line !== undefined && { line: found.line }), detail: found.text });
    }
    return hits;
  },
};
