import type { Token } from '../text.ts';
import type { BuiltinMatch } from './builtin-entity.ts';
import { entityOver } from './builtin-entity.ts';
import { findDateTimes } from './datetime.ts';
import type { Clock } from './datetime.ts';
import { findMoney } from './money.ts';
import { findNumbers } from './numbers.ts';
import { findOrdinals } from './ordinals.ts';
import { findQuantities } from './quantity.ts';

const PRIORITY: Record<string, number> = { money: 5, quantity: 4, datetime: 3, ordinal: 2, number: 1 };

/** Runs every built-in extractor and keeps the non-overlapping matches, richer types and longer spans first. */
export function findBuiltins(text: string, tokens: readonly Token[], clock: Clock): BuiltinMatch[] {
  const numbers = findNumbers(tokens);
  const all = [
    ...findMoney(text, tokens, numbers),
    ...findQuantities(text, tokens, numbers),
    ...findDateTimes(text, tokens, clock),
    ...findOrdinals(text, tokens),
    ...numbers.map((n) => entityOver(text, tokens, n.from, n.to, 'number', n.value)),
  ];
  all.sort((a, b) => (PRIORITY[b.type] ?? 0) - (PRIORITY[a.type] ?? 0) || (b.to - b.from) - (a.to - a.from) || a.from - b.from);
  const kept: BuiltinMatch[] = [];
  for (const m of all) if (!kept.some((k) => k.from <= m.to && m.from <= k.to)) kept.push(m);
  return kept.sort((a, b) => a.from - b.from);
}
