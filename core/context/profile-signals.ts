import type { CatalogItem } from '../catalog/catalog-item.ts';
import type { Service } from '../reply.ts';
import type { ProfileState } from './profile-state.ts';
import type { CrossServiceSignal, DietSignals, TagShare } from './shopper-profile.ts';

/** Looks up a catalog item. */
export type ItemLookup = (service: Service, itemId: string) => CatalogItem | undefined;

/** Which services' orders count for diet signals. */
export interface SignalOptions {
  /** Services selling food, whose orders say something about diet (default samokat and kuper). */
  groceryServices: Service[];
}

/** Diet tags that can be "mostly" bought. */
export const DIET_TAGS = ['vegan', 'vegetarian', 'lactose_free', 'gluten_free', 'sugar_free', 'halal', 'organic'];
/** Safety tags whose absence is worth noticing ("never alcohol"). */
export const WATCHED_TAGS = ['alcohol', 'meat', 'fish', 'contains_nuts', '18+'];
/** Orders needed before "mostly" is said. */
export const MOSTLY_MIN_ORDERS = 5;
/** Orders needed before "never" is said. */
export const NEVER_MIN_ORDERS = 10;
const MOSTLY_SHARE = 0.95;

/** Category or tag patterns behind each cross-service signal. */
export const CROSS_SERVICE_RULES: ReadonlyArray<{ kind: CrossServiceSignal['kind']; category: RegExp; tags: string[] }> = [
  { kind: 'sport_health', category: /спорт|фитнес|здоров|аптек|витамин|протеин|sport|fitness|health|pharm|vitamin|protein/i, tags: [] },
  { kind: 'kids', category: /детск|дет(и|ям)|малыш|подгузник|kids|baby|child|diaper/i, tags: ['kids'] },
  { kind: 'pets', category: /зоо|животн|кошк|кошач|собак|корм для|pets?\b|cat food|dog food/i, tags: [] },
];
/** Weakest share of a service's activity that still produces a signal. */
export const CROSS_SERVICE_MIN_STRENGTH = 0.1;

/** Shares of grocery orders per tag, and the "mostly" and "never" conclusions. */
export function deriveDiet(state: ProfileState, lookup: ItemLookup, options: SignalOptions): DietSignals {
  let orders = 0;
  const perTag = new Map<string, number>();
  for (const service of options.groceryServices) {
    const serviceState = state.services.get(service);
    if (!serviceState) continue;
    for (const [itemId, count] of serviceState.itemOrders) {
      const item = lookup(service, itemId);
      if (!item) continue;
      orders += count;
      for (const tag of new Set(item.tags ?? [])) perTag.set(tag, (perTag.get(tag) ?? 0) + count);
    }
  }
  const tagShares: TagShare[] = [...perTag]
    .map(([tag, count]) => ({ tag, orders: count, share: Math.round((count / orders) * 1e6) / 1e6 }))
    .sort((a, b) => b.share - a.share || (a.tag < b.tag ? -1 : 1));
  const mostly = orders >= MOSTLY_MIN_ORDERS
    ? DIET_TAGS.filter((tag) => (perTag.get(tag) ?? 0) / orders >= MOSTLY_SHARE)
    : [];
  const never = orders >= NEVER_MIN_ORDERS ? WATCHED_TAGS.filter((tag) => !perTag.has(tag)) : [];
  return { orders, tagShares, mostly, never };
}

const ruleMatches = new WeakMap<CatalogItem, boolean[]>();

/** Which cross-service rules an item matches, computed once per (frozen) item. */
function matchesRule(item: CatalogItem, ruleIndex: number): boolean {
  let matches = ruleMatches.get(item);
  if (!matches) {
    matches = CROSS_SERVICE_RULES.map((rule) => rule.category.test(item.category) || rule.tags.some((tag) => item.tags?.includes(tag)));
    ruleMatches.set(item, matches);
  }
  return matches[ruleIndex]!;
}

/**
 * Signals from long-term activity: the share of a service's positive item weight in matching categories.
 * Integer weights are summed undecayed over the long-term window, so the result is exact.
 */
export function deriveCrossService(state: ProfileState, lookup: ItemLookup, _options: SignalOptions): CrossServiceSignal[] {
  const from = CROSS_SERVICE_RULES.map((): Service[] => []);
  const strongest = CROSS_SERVICE_RULES.map(() => 0);
  for (const service of [...state.services.keys()].sort()) {
    let total = 0;
    const matched = CROSS_SERVICE_RULES.map(() => 0);
    for (const [itemId, buckets] of state.services.get(service)!.longItems) {
      let weight = 0;
      for (const w of buckets.values()) weight += w;
      if (weight <= 0) continue;
      total += weight;
      const item = lookup(service, itemId);
      if (!item) continue;
      for (let rule = 0; rule < matched.length; rule += 1) if (matchesRule(item, rule)) matched[rule]! += weight;
    }
    matched.forEach((weight, rule) => {
      const strength = total > 0 ? weight / total : 0;
      if (strength < CROSS_SERVICE_MIN_STRENGTH) return;
      from[rule]!.push(service);
      strongest[rule] = Math.max(strongest[rule]!, strength);
    });
  }
  return CROSS_SERVICE_RULES.flatMap((rule, index) =>
    from[index]!.length > 0 ? [{ kind: rule.kind, from: from[index]!, strength: Math.round(strongest[index]! * 1e6) / 1e6 }] : [],
  );
}
