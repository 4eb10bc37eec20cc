import { categoryPath, type CatalogItem } from '../catalog/catalog-item.ts';
import type { Service } from '../reply.ts';
import type { CatalogSnapshot } from '../stores/catalog-store.ts';
import { categoryMedians, categoryPriceKey, median, type CategoryMedians } from './category-prices.ts';
import { dayOf, weekOf } from './profile-accumulator.ts';
import type { Buckets, ProfileState, ServiceState } from './profile-state.ts';
import { constraintsFrom } from './preference-constraints.ts';
import { deriveCrossService, deriveDiet, type SignalOptions } from './profile-signals.ts';
import type {
  Affinity,
  AffinityView,
  CategoryPriceLevel,
  ExplicitPreference,
  RepurchaseCycle,
  ServiceProfile,
  ShopperProfile,
} from './shopper-profile.ts';

const DAY_MS = 86_400_000;

/** How the read view is derived. */
export interface ProfileViewOptions extends SignalOptions {
  shortTermHalfLifeDays: number;
  longTermHalfLifeDays: number;
  /** Longest lists in a view (items, categories, brands). */
  maxItems: number;
  maxCategories: number;
  maxBrands: number;
}

/** The defaults: short-term half-life 3 days, long-term 90 days. */
export const DEFAULT_VIEW_OPTIONS: ProfileViewOptions = {
  shortTermHalfLifeDays: 3,
  longTermHalfLifeDays: 90,
  maxItems: 100,
  maxCategories: 50,
  maxBrands: 30,
  groceryServices: ['samokat', 'kuper'],
};

/** Rounds to 6 decimals so the view is stable text and identical sums print identically. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts strongest first, ties by key, and keeps the top `limit`; fixed-point scores become floats here. */
function topAffinities(scores: Map<string, number>, limit: number): Affinity[] {
  const list: Affinity[] = [];
  for (const [key, score] of scores) {
    const rounded = round6(score / SCALE);
    if (rounded !== 0) list.push({ key, score: rounded });
  }
  list.sort((a, b) => b.score - a.score || byKey(a.key, b.key));
  return list.slice(0, limit);
}

/**
 * Scores are fixed-point integers (units of 2^-24) while they are summed: integer sums do not depend on the
 * order of addition, so no key needs sorting and the result is exact for any realistic weight (sums stay far
 * below 2^53). They become floats only in the output.
 */
const SCALE = 2 ** 24;
const decayTables = new Map<string, number[]>();

/** The fixed-point decay factor per distance (in buckets) from the anchor, cached per horizon. */
function decayTable(daysPerBucket: number, halfLifeDays: number, size: number): number[] {
  const key = `${daysPerBucket}:${halfLifeDays}:${size}`;
  let table = decayTables.get(key);
  if (!table) {
    table = Array.from({ length: size }, (_, d) => Math.round(SCALE * 2 ** (-(d * daysPerBucket) / halfLifeDays)));
    decayTables.set(key, table);
  }
  return table;
}

/** Fixed-point item scores of one horizon. */
export function itemScores(items: Map<string, Buckets>, anchor: number, daysPerBucket: number, halfLifeDays: number): Map<string, number> {
  const table = decayTable(daysPerBucket, halfLifeDays, 128);
  const scores = new Map<string, number>();
  for (const [itemId, buckets] of items) {
    let score = 0;
    for (const [bucket, weight] of buckets) {
      const distance = anchor - bucket;
      const factor = table[distance] ?? Math.round(SCALE * 2 ** (-(distance * daysPerBucket) / halfLifeDays));
      score += weight * factor;
    }
    scores.set(itemId, score);
  }
  return scores;
}

const prefixCache = new WeakMap<CatalogItem, string[]>();

/** Every level of an item's category path ("A", "A/B", "A/B/C"), computed once per (frozen) item. */
export function categoryPrefixes(item: CatalogItem): string[] {
  let prefixes = prefixCache.get(item);
  if (!prefixes) {
    prefixes = [];
    let path = '';
    for (const level of categoryPath(item)) {
      path = path ? `${path}/${level}` : level;
      prefixes.push(path);
    }
    prefixCache.set(item, prefixes);
  }
  return prefixes;
}

function affinityView(
  service: Service,
  scores: Map<string, number>,
  catalog: CatalogSnapshot,
  options: ProfileViewOptions,
): AffinityView {
  const categories = new Map<string, number>();
  const brands = new Map<string, number>();
  for (const [itemId, score] of scores) {
    const item = catalog.get(service, itemId);
    if (!item) continue;
    for (const path of categoryPrefixes(item)) categories.set(path, (categories.get(path) ?? 0) + score);
    if (item.brand) brands.set(item.brand, (brands.get(item.brand) ?? 0) + score);
  }
  return {
    items: topAffinities(scores, options.maxItems),
    categories: topAffinities(categories, options.maxCategories),
    brands: topAffinities(brands, options.maxBrands),
  };
}

function repurchaseCycles(state: ServiceState): RepurchaseCycle[] {
  const cycles: RepurchaseCycle[] = [];
  for (const [itemId, times] of state.orderTimes) {
    if (times.length < 2) continue;
    const intervals = times.slice(1).map((ts, i) => (ts - times[i]!) / DAY_MS);
    const medianDays = round6(median(intervals));
    const last = times[times.length - 1]!;
    cycles.push({
      itemId,
      orders: times.length,
      medianIntervalDays: medianDays,
      lastOrderAt: new Date(last).toISOString(),
      nextDueAt: new Date(last + Math.round(medianDays * DAY_MS)).toISOString(),
    });
  }
  return cycles.sort((a, b) => byKey(a.nextDueAt, b.nextDueAt) || byKey(a.itemId, b.itemId));
}

function priceLevels(service: Service, state: ServiceState, catalog: CatalogSnapshot, medians: CategoryMedians): CategoryPriceLevel[] {
  const perCategory = new Map<string, number[]>();
  for (const itemId of [...state.paid.keys()].sort(byKey)) {
    const item = catalog.get(service, itemId);
    const [kopecks, count] = state.paid.get(itemId)!;
    if (!item || count === 0) continue;
    let list = perCategory.get(item.category);
    if (!list) perCategory.set(item.category, (list = []));
    list.push(kopecks / count / 100);
  }
  const levels: CategoryPriceLevel[] = [];
  for (const [category, prices] of perCategory) {
    const categoryMedian = medians.get(categoryPriceKey(service, category));
    if (!categoryMedian) continue;
    const typicalPrice = round6(median(prices));
    const ratio = round6(typicalPrice / categoryMedian);
    const level = ratio < 0.8 ? 'budget' : ratio > 1.25 ? 'premium' : 'mid';
    levels.push({ category, typicalPrice, categoryMedian, ratio, level, items: prices.length });
  }
  return levels.sort((a, b) => b.items - a.items || byKey(a.category, b.category)).slice(0, 30);
}

function recentSearches(state: ServiceState, anchorDay: number, options: ProfileViewOptions): string[] {
  const scores = itemScores(state.searches, anchorDay, 1, options.shortTermHalfLifeDays);
  return topAffinities(scores, 10).map((a) => a.key);
}

function serviceProfile(
  service: Service,
  state: ServiceState,
  maxTs: number,
  catalog: CatalogSnapshot,
  options: ProfileViewOptions,
): ServiceProfile {
  const shortScores = itemScores(state.shortItems, dayOf(maxTs), 1, options.shortTermHalfLifeDays);
  const longScores = itemScores(state.longItems, weekOf(maxTs), 7, options.longTermHalfLifeDays);
  return {
    service,
    events: state.events,
    orders: state.orders,
    firstEventAt: new Date(state.firstTs).toISOString(),
    lastEventAt: new Date(state.lastTs).toISOString(),
    shortTerm: affinityView(service, shortScores, catalog, options),
    longTerm: affinityView(service, longScores, catalog, options),
    repurchase: repurchaseCycles(state),
    priceLevels: priceLevels(service, state, catalog, categoryMedians(catalog)),
    recentSearches: recentSearches(state, dayOf(maxTs), options),
  };
}

/**
 * Derives the read view from the accumulators, the stated preferences and the catalog. Pure and
 * deterministic: every float sum runs over sorted keys, and every list is sorted with a tie-break.
 */
export function deriveProfile(
  shopperId: string,
  state: ProfileState,
  preferences: readonly ExplicitPreference[],
  catalog: CatalogSnapshot,
  options: ProfileViewOptions = DEFAULT_VIEW_OPTIONS,
): ShopperProfile {
  const services: Partial<Record<Service, ServiceProfile>> = {};
  for (const service of [...state.services.keys()].sort(byKey)) {
    services[service] = serviceProfile(service, state.services.get(service)!, state.maxTs, catalog, options);
  }
  const lookup = (service: Service, itemId: string): CatalogItem | undefined => catalog.get(service, itemId);
  return {
    shopperId,
    asOf: Number.isFinite(state.maxTs) ? new Date(state.maxTs).toISOString() : null,
    events: state.events,
    decay: { shortTermHalfLifeDays: options.shortTermHalfLifeDays, longTermHalfLifeDays: options.longTermHalfLifeDays },
    services,
    diet: deriveDiet(state, lookup, options),
    preferences: preferences.map((p) => ({ ...p })),
    crossService: deriveCrossService(state, lookup, options),
    constraints: constraintsFrom(preferences),
  };
}
