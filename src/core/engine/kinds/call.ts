/** `call`: a call or decorator, by its import-resolved dotted name. */
import type { Facts, PythonCall } from '../../model/facts';
import { opt, regex, req, text, texts } from '../../knowledge/fields';
import { globMatcher } from '../../scan/globs';
import { importingFilter, indexFacts, rootOf } from '../factIndex';
import { matchesLine } from '../patterns';
import type { RuleBase, RuleKindDefinition } from './kind';

/**
 * A call (or decorator) whose import-resolved dotted name matches one of the globs, optionally
 * passing a keyword (with a value matching `value`); with `importing`, only in files importing
 * one of these modules.
 */
export interface CallRule extends RuleBase { kind: 'call'; names: string[]; keyword?: string; value?: string; importing?: string[] }

export const callKind: RuleKindDefinition<CallRule> = {
  kind: 'call',
  matches: 'a call or decorator whose import-resolved dotted name matches a glob (`np.random.seed` after `import numpy as np` is `numpy.random.seed`; a method called on a call\'s result is named after that call, `LogisticRegression().fit(X, y)` as `sklearn.linear_model.LogisticRegression().fit`, which `*.fit` matches); with `keyword`, only calls passing that keyword, and with `value`, only when the keyword\'s value (its source text, the first 120 characters) matches the regex; with `importing`, only in files importing one of these modules (for methods of SDK objects, e.g. `run.log` after `run = Run.get_context()`)',
  fields: {
    names: { ...req(texts), doc: 'globs of dotted call names (`mlflow.log_*`, `*.fit`)' },
    keyword: { ...opt(text), doc: 'a keyword argument the call must pass' },
    value: { ...opt(regex), doc: 'a regex the keyword\'s value must match' },
    importing: { ...opt(texts), doc: 'modules the file must import' },
  },
  defaultStrength: 'configured',
  patterns: (rule) => (rule.value === undefined ? [] : [{ field: ['value'], pattern: rule.value }]),
  locality: () => 'file',
  match: (rule, facts, { engine }) => {
    const match = globMatcher(rule.names);
    const imports = importingFilter(rule.importing, facts);
    const passes = (c: PythonCall) => rule.keyword === undefined || c.keywords.some((k, i) =>
      k === rule.keyword && (rule.value === undefined || matchesLine(rule.value, c.values?.[i] ?? '', engine)));
    return callCandidates(rule.names, facts)
      // The file filter first: a set lookup, cheaper than the glob on every call of a large repository.
      .filter((c) => imports(c.path) && match(c.name) && passes(c))
      .map((c) => ({ path: c.path, line: c.line, detail: callDetail(c, rule.value === undefined ? undefined : rule.keyword) }));
  },
};

/**
 * The calls a rule's name globs can match: those under a literal first segment
 * (`mlflow.*`), or with a literal last segment (`*.fit`), else every call.
 */
function callCandidates(names: readonly string[], facts: Facts): readonly PythonCall[] {
  const { callsByRoot, callsByLast, allCalls } = indexFacts(facts);
  const roots = names.map(rootOf);
  if (!roots.some(isGlob)) return [...new Set(roots)].flatMap((r) => callsByRoot.get(r) ?? []);
  const lasts = names.map((n) => n.slice(n.lastIndexOf('.') + 1));
  if (!lasts.some(isGlob)) return [...new Set(lasts)].flatMap((l) => callsByLast.get(l) ?? []);
  return allCalls;
}

/** `name()` or `@name`; with a keyword whose value a rule checks, `name(keyword=value)`. */
function callDetail(call: PythonCall, keyword: string | undefined): string {
  if (call.decorator) return `@${call.name}`;
  const at = keyword === undefined ? -1 : call.keywords.indexOf(keyword);
  return at < 0 ? `${call.name}()` : `${call.name}(${keyword}=${call.values?.[at] ?? '…'})`;
}

function isGlob(segment: string): boolean {
  return /[*?[\]{}!]/.test(segment);
}
