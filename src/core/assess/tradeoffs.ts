/** Trade-off warnings: each knowledge-base rule whose condition holds for this project. */
import type { TradeoffDef } from '../model/knowledge';
import type { Signal, TradeoffResult } from '../model/report';
import { evidenceOf, explainInWords, holds, type ConditionContext } from './conditions';

const MAX_TRADEOFF_SIGNALS = 10;

export function evaluateTradeoffs(
  tradeoffs: readonly TradeoffDef[],
  ctx: ConditionContext,
  suppressions: ReadonlyMap<string, string>,
): TradeoffResult[] {
  return tradeoffs.filter((t) => holds(t.when, ctx)).map((t) => {
    const reason = suppressions.get(t.id);
    return {
      id: t.id,
      title: t.title,
      severity: t.severity,
      // `{because}` names what made the rule fire, e.g. the overlapping tools.
      message: t.message.replace('{because}', explainInWords(t.when, ctx).join(', ')),
      action: t.action,
      evidence: t.evidence,
      signals: uniqueSignals(evidenceOf(t.when, ctx)).slice(0, MAX_TRADEOFF_SIGNALS),
      ...(reason !== undefined ? { suppressedReason: reason } : {}),
    };
  });
}

function uniqueSignals(signals: readonly Signal[]): Signal[] {
  const seen = new Set<string>();
  return signals.filter((s) => {
    const key = `${s.path}:${s.line ?? ''}:${s.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
