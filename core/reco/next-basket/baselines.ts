import type { Basket } from './basket-data.ts';

/** Items ranked by how many baskets of all histories contain them (ties: item id order for determinism). */
export function globalTopFrequent(histories: Iterable<readonly Basket[]>, k: number): string[] {
  const counts = new Map<string, number>();
  for (const baskets of histories) {
    for (const basket of baskets) for (const item of basket.items) counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  return topByCount(counts, k);
}

/** The shopper's own items ranked by the number of their baskets containing them (P-TopFreq). */
export function personalTopFrequent(baskets: readonly Basket[], k: number): string[] {
  const counts = new Map<string, number>();
  // Later baskets win ties so that among equally frequent items the recent ones come first.
  baskets.forEach((basket, index) => {
    for (const item of basket.items) counts.set(item, (counts.get(item) ?? 0) + 1 + index * 1e-9);
  });
  return topByCount(counts, k);
}

/** P-TopFreq filled up to K with G-TopFreq items the shopper has not bought (GP-TopFreq). */
export function personalThenGlobal(baskets: readonly Basket[], globalTop: readonly string[], k: number): string[] {
  const list = personalTopFrequent(baskets, k);
  const seen = new Set(list);
  for (const item of globalTop) {
    if (list.length >= k) break;
    if (!seen.has(item)) { list.push(item); seen.add(item); }
  }
  return list;
}

function topByCount(counts: Map<string, number>, k: number): string[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, k)
    .map(([item]) => item);
}
