import type { InternedUser } from './interned.ts';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Global statistics of a set of histories: popularity (overall and over time), repurchase propensity, co-occurrence. */
export interface WorldStats {
  items: number;
  baskets: number;
  /** Baskets containing each item. */
  frequency: Float64Array;
  maxFrequency: number;
  /** Items by decreasing frequency. */
  popular: Int32Array;
  /** Smoothed share of an item's buyers who bought it in two or more baskets. */
  repeatRate: Float64Array;
  /** Median days between a shopper's consecutive baskets (NaN without dates). */
  medianGapMs: number;
  /** First week (epoch ms) of the weekly buckets; NaN without dates. */
  weekStart: number;
  /** Per-week basket totals and per-item weekly counts (sparse: item -> Map week -> count). */
  weekTotals: Float64Array;
  weekCounts: Map<number, Float64Array>;
  /** Memo of recentPopular by (end week, weeks, limit). */
  recentCache: Map<string, number[]>;
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function weeklyCounts(users: readonly InternedUser[], items: number, stats: WorldStats): void {
  let first = Infinity; let last = -Infinity;
  for (const user of users) for (const ts of user.ts) if (!Number.isNaN(ts)) { first = Math.min(first, ts); last = Math.max(last, ts); }
  if (!Number.isFinite(first)) return;
  const weeks = Math.floor((last - first) / WEEK) + 2;
  stats.weekStart = first;
  stats.weekTotals = new Float64Array(weeks);
  const counts = new Map<number, Float64Array>();
  for (const user of users) {
    user.baskets.forEach((basket, b) => {
      const ts = user.ts[b]!;
      if (Number.isNaN(ts)) return;
      const week = Math.floor((ts - first) / WEEK);
      stats.weekTotals[week]! += 1;
      for (const item of basket) {
        let row = counts.get(item);
        if (!row) { row = new Float64Array(weeks); counts.set(item, row); }
        row[week]! += 1;
      }
    });
  }
  void items;
  stats.weekCounts = counts;
}

/** Computes the statistics of `users`' histories over `items` interned items. */
export function computeWorldStats(users: readonly InternedUser[], items: number): WorldStats {
  const frequency = new Float64Array(items);
  const buyers = new Float64Array(items);
  const repeaters = new Float64Array(items);
  const gaps: number[] = [];
  let baskets = 0;
  const perUser = new Map<number, number>();
  for (const user of users) {
    perUser.clear();
    for (const basket of user.baskets) {
      baskets += 1;
      for (const item of basket) { frequency[item]! += 1; perUser.set(item, (perUser.get(item) ?? 0) + 1); }
    }
    for (const [item, count] of perUser) { buyers[item]! += 1; if (count >= 2) repeaters[item]! += 1; }
    for (let b = 1; b < user.ts.length; b += 1) {
      const gap = user.ts[b]! - user.ts[b - 1]!;
      if (Number.isFinite(gap) && gap > 0 && gaps.length < 200_000) gaps.push(gap);
    }
  }
  let totalRepeaters = 0; let totalBuyers = 0;
  for (let i = 0; i < items; i += 1) { totalRepeaters += repeaters[i]!; totalBuyers += buyers[i]!; }
  const prior = totalBuyers ? totalRepeaters / totalBuyers : 0;
  const repeatRate = new Float64Array(items);
  for (let i = 0; i < items; i += 1) repeatRate[i] = (repeaters[i]! + 5 * prior) / (buyers[i]! + 5);
  const popular = Int32Array.from(Array.from({ length: items }, (_, i) => i)
    .sort((a, b) => frequency[b]! - frequency[a]! || a - b));
  const stats: WorldStats = {
    items, baskets, frequency, maxFrequency: Math.max(1, frequency[popular[0] ?? 0] ?? 1),
    popular, repeatRate, medianGapMs: median(gaps), weekStart: Number.NaN,
    weekTotals: new Float64Array(0), weekCounts: new Map(), recentCache: new Map(),
  };
  weeklyCounts(users, items, stats);
  return stats;
}

/** Items' shares of the baskets in the `weeks` whole weeks before `now` (the recent popularity). */
export function recentShare(stats: WorldStats, item: number, now: number, weeks: number): number {
  if (Number.isNaN(stats.weekStart) || Number.isNaN(now)) return 0;
  const end = Math.min(stats.weekTotals.length, Math.floor((now - stats.weekStart) / WEEK) + 1);
  const start = Math.max(0, end - weeks);
  const row = stats.weekCounts.get(item);
  if (!row || end <= start) return 0;
  let count = 0; let total = 0;
  for (let w = start; w < end; w += 1) { count += row[w]!; total += stats.weekTotals[w]!; }
  return total ? count / total : 0;
}

/** The items most popular in the `weeks` weeks before `now`. */
export function recentPopular(stats: WorldStats, now: number, weeks: number, limit: number): number[] {
  if (Number.isNaN(stats.weekStart) || Number.isNaN(now)) return Array.from(stats.popular.subarray(0, limit));
  const key = `${Math.floor((now - stats.weekStart) / WEEK)}/${weeks}/${limit}`;
  const cached = stats.recentCache.get(key);
  if (cached) return cached;
  const scored: [number, number][] = [];
  for (const item of stats.weekCounts.keys()) {
    const share = recentShare(stats, item, now, weeks);
    if (share > 0) scored.push([item, share]);
  }
  scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const top = scored.slice(0, limit).map(([item]) => item);
  stats.recentCache.set(key, top);
  return top;
}
