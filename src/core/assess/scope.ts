/**
 * Signals that are not the team's practice are set aside before statuses are decided: in
 * a published library's package source and tests for the practices scope.yaml lists (the
 * code implements them for users), and those of general-purpose workflow tools and of
 * tool-less rules scope.yaml lists when the repository holds no ML code at all (an ETL flow
 * is not an ML pipeline, nor is its run configuration ML configuration).
 */
import type { Facts, ScopeNote } from '../model/facts';
import type { ScopeRules } from '../model/knowledge';
import type { Signal } from '../model/report';
import { importsOfModule } from '../engine/factIndex';

export interface SignalScope {
  /** The signals of a practice that count. */
  counted(practiceId: string, signals: Signal[]): Signal[];
  /** What was left out and why: the scan's notes, plus one when workflow tools ran no ML code. */
  notes(): ScopeNote[];
}

/** `withoutMl`: the repository holds no ML code, and the configuration asks for it. */
export function signalScope(rules: ScopeRules, facts: Facts, withoutMl: boolean): SignalScope {
  const librarySource = facts.scope.librarySource;
  const notFromSource = new Set(facts.scope.notes.filter((n) => n.kind === 'library').flatMap((n) => n.practices));
  const needsMl = new Set(withoutMl ? rules.mlCode.generalTools : []);
  const rulesNeedingMl = new Set(withoutMl ? rules.mlCode.generalRules ?? [] : []);
  const setAside = new Map<string, Set<string>>();
  return {
    counted(practiceId, signals) {
      return signals.filter((s) => {
        // What was set aside: the tool, or for a rule that recognises no tool, the rule.
        const general = s.tool !== undefined && needsMl.has(s.tool) ? s.tool : rulesNeedingMl.has(s.rule) ? s.rule : undefined;
        if (general !== undefined) {
          setAside.set(practiceId, (setAside.get(practiceId) ?? new Set()).add(general));
          return false;
        }
        return !(notFromSource.has(practiceId) && librarySource.some((dir) => s.path.startsWith(`${dir}/`)));
      });
    },
    notes() {
      if (setAside.size === 0) return facts.scope.notes;
      const practices = [...setAside.keys()].sort();
      const tools = [...new Set([...setAside.values()].flatMap((t) => [...t]))].sort();
      return [...facts.scope.notes, {
        kind: 'no-ml-code',
        message: `no ML code (no import of an ML library): ${tools.join(', ')} signals are not counted as ML practice (${practices.join(', ')})`,
        paths: [],
        excluded: [],
        excludedFiles: 0,
        practices,
      }];
    },
  };
}

/** How often the repository's code (not its own packages) imports an ML library. */
export function mlImportCount(modules: readonly string[], facts: Facts): number {
  return modules.reduce((sum, m) => sum + importsOfModule(facts, m).length, 0);
}
