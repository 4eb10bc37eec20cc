import type { CatalogItem } from '../../catalog/catalog-item.ts';
import type { InteractionSnapshot } from './interaction-model.ts';
import type { ShopperHistory } from './shopper-history.ts';
import type { Suggestion } from './shopper-state.ts';
import type { Reason } from './types.ts';

/**
 * The two personal sources recomputed whenever a shopper's baskets change (every order): the items of their
 * nearest shoppers (TIFUKNN) and the items co-bought with their usual ones. Both run on every order event, so
 * they work in typed per-statistics-build buffers and share whatever does not depend on the shopper.
 */

/** A reason shared by cached lists: frozen so no caller can change what later answers say. */
export function frozen(reason: Reason): Reason {
  Object.freeze(reason.facts);
  return Object.freeze(reason);
}

/** Buffers and shared values of one statistics build (searches run to completion one at a time). */
interface BuildScratch {
  /** Per vocabulary item: the shopper's decayed basket weight, then the neighbours' summed score. */
  values: Float64Array;
  shoppers: Int32Array;
  touched: Int32Array;
  /** The interned items of each basket object (baskets are immutable once built, and shared by extensions). */
  basketItems: WeakMap<object, Int32Array>;
  /** Frozen `similar_shoppers` reasons by neighbour count (the reason says nothing else). */
  similarReasons: Reason[];
  /** Per catalog: each anchor's bought-together suggestions (they depend only on the anchor and the build). */
  together: WeakMap<object, Map<string, Suggestion[]>>;
}

const scratches = new WeakMap<InteractionSnapshot, BuildScratch>();

function scratchOf(model: InteractionSnapshot): BuildScratch {
  let scratch = scratches.get(model);
  if (!scratch) {
    const size = Math.max(1, model.vocabulary.size);
    scratch = { values: new Float64Array(size), shoppers: new Int32Array(size), touched: new Int32Array(size),
      basketItems: new WeakMap(), similarReasons: [], together: new WeakMap() };
    scratches.set(model, scratch);
  }
  return scratch;
}

function internedBasket(scratch: BuildScratch, model: InteractionSnapshot, basket: { keys: string[] }): Int32Array {
  let items = scratch.basketItems.get(basket);
  if (!items) {
    const found: number[] = [];
    for (const key of basket.keys) {
      const index = model.vocabulary.find(key);
      if (index !== undefined) found.push(index);
    }
    items = Int32Array.from(found);
    scratch.basketItems.set(basket, items);
  }
  return items;
}

/**
 * The items of the `k` nearest shoppers (by repeat vector), weighted by similarity; at most 80, best first. Sums
 * run in the same order as over maps keyed by first appearance, so scores and ties are what they always were.
 */
export function similarShopperItems(history: ShopperHistory, model: InteractionSnapshot, k: number): { key: string; score: number; shoppers: number }[] {
  const scratch = scratchOf(model);
  const { values, shoppers, touched } = scratch;
  const n = history.baskets.length;
  let count = 0;
  let total = 0;
  for (let b = 0; b < n; b += 1) {
    const weight = model.decay ** (n - 1 - b);
    total += weight;
    const items = internedBasket(scratch, model, history.baskets[b]!);
    for (let i = 0; i < items.length; i += 1) {
      const item = items[i]!;
      if (shoppers[item] === 0) { shoppers[item] = 1; touched[count] = item; count += 1; }
      values[item]! += weight;
    }
  }
  if (count === 0) return [];
  const idx = Int32Array.from(touched.subarray(0, count));
  const val = new Float64Array(count);
  let norm = 0;
  for (let j = 0; j < count; j += 1) {
    const item = idx[j]!;
    val[j] = values[item]! / total;
    norm += (values[item]! / total) ** 2;
    values[item] = 0; shoppers[item] = 0;
  }
  const self = model.shopperRow.get(history.shopperId) ?? -1;
  const nearest = model.neighbours.nearest({ idx, val, norm: Math.sqrt(norm) }, k, self);
  let weights = 0;
  count = 0;
  for (const [row, similarity] of nearest) {
    weights += similarity;
    const vector = model.vectors[row]!;
    for (let j = 0; j < vector.idx.length; j += 1) {
      const item = vector.idx[j]!;
      if (shoppers[item] === 0) { touched[count] = item; count += 1; }
      values[item]! += similarity * vector.val[j]!;
      shoppers[item]! += 1;
    }
  }
  const kept: number[] = [];
  for (let t = 0; t < count; t += 1) if (shoppers[touched[t]!]! >= 2) kept.push(touched[t]!);
  // Stable: equal scores keep first-touch order.
  kept.sort((a, b) => values[b]! - values[a]!);
  const out = weights === 0 ? [] : kept.slice(0, 80).map((item) => ({ key: model.vocabulary.ids[item]!,
    score: values[item]! / weights, shoppers: shoppers[item]! }));
  for (let t = 0; t < count; t += 1) { values[touched[t]!] = 0; shoppers[touched[t]!] = 0; }
  return out;
}

/** {@link similarShopperItems} as suggestions with shared frozen reasons. */
export function similarShopperSuggestions(history: ShopperHistory, model: InteractionSnapshot, k: number): Suggestion[] {
  const reasons = scratchOf(model).similarReasons;
  return similarShopperItems(history, model, k).map(({ key, score, shoppers }) => ({ key, score,
    reason: reasons[shoppers] ??= frozen({ kind: 'similar_shoppers', facts: { shoppers } }) }));
}

/** Items bought by the same shoppers as the shopper's ten most ordered items (ordered at least twice). */
export function boughtTogether(history: ShopperHistory, model: InteractionSnapshot,
  catalog: { item(key: string): CatalogItem | undefined }): Suggestion[] {
  const anchors = [...history.items.values()].filter((i) => i.orderTimes.length >= 2)
    .sort((a, b) => b.orderTimes.length - a.orderTimes.length || (a.key < b.key ? -1 : 1)).slice(0, 10);
  const scratch = scratchOf(model);
  let byAnchor = scratch.together.get(catalog);
  if (!byAnchor) { byAnchor = new Map(); scratch.together.set(catalog, byAnchor); }
  const out: Suggestion[] = [];
  for (const anchor of anchors) {
    let list = byAnchor.get(anchor.key);
    if (!list) {
      list = anchorSuggestions(anchor, model, catalog);
      byAnchor.set(anchor.key, list);
    }
    for (let i = 0; i < list.length; i += 1) out.push(list[i]!);
  }
  return out;
}

function anchorSuggestions(anchor: { key: string; itemId: string; service: CatalogItem['service'] }, model: InteractionSnapshot,
  catalog: { item(key: string): CatalogItem | undefined }): Suggestion[] {
  const anchorItem = catalog.item(anchor.key);
  if (!anchorItem) return [];
  return (model.coPurchases.get(anchor.key) ?? []).map((co) => ({ key: co.key, score: co.score, reason: frozen({
    kind: 'bought_together', facts: {
      anchorItemId: anchor.itemId, anchorService: anchor.service, anchorTitle: anchorItem.title.ru,
      ...(anchorItem.title.en ? { anchorTitleEn: anchorItem.title.en } : {}), shoppers: co.shoppers,
    } }) }));
}
