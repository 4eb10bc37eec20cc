import type { CatalogSnapshot } from '../stores/catalog-store.ts';

/** Median catalog price per (service, leaf category). */
export type CategoryMedians = ReadonlyMap<string, number>;

const cache = new WeakMap<CatalogSnapshot, CategoryMedians>();

/** The key of a (service, category) pair in {@link CategoryMedians}. */
export function categoryPriceKey(service: string, category: string): string {
  return `${service}\u0000${category}`;
}

/** The median of numbers (mean of the middle two for even counts); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Category medians of a catalog snapshot, computed once per snapshot. */
export function categoryMedians(snapshot: CatalogSnapshot): CategoryMedians {
  const cached = cache.get(snapshot);
  if (cached) return cached;
  const prices = new Map<string, number[]>();
  for (const item of snapshot.items) {
    const key = categoryPriceKey(item.service, item.category);
    let list = prices.get(key);
    if (!list) prices.set(key, (list = []));
    list.push(item.price);
  }
  const medians = new Map<string, number>();
  for (const [key, list] of prices) medians.set(key, median(list));
  cache.set(snapshot, medians);
  return medians;
}
