import type { Random } from '../random.ts';
import { createRandom } from '../random.ts';
import type { Basket, BasketHistories } from './basket-data.ts';

/** Shape of a synthetic next-basket data set. */
export interface SyntheticBasketOptions {
  seed?: number;
  users?: number;
  items?: number;
  /** Neighbourhoods of shoppers sharing tastes. */
  clusters?: number;
  /** Share of users (with at least 3 baskets) listed as dev users. */
  devShare?: number;
  /**
   * `repeat`: loyal shoppers with many staples (grocery-like, repurchase dominates);
   * `sparse`: short histories, few staples, mostly exploration (Ta-Feng-like, popularity matters).
   */
  profile?: 'repeat' | 'sparse';
}

interface Profile { staples: [number, number]; pBuy: [number, number]; extras: number; baskets: number; adopt: number }

const PROFILES: Record<'repeat' | 'sparse', Profile> = {
  repeat: { staples: [2, 9], pBuy: [0.55, 0.4], extras: 3, baskets: 10, adopt: 0.08 },
  sparse: { staples: [0, 4], pBuy: [0.25, 0.4], extras: 6, baskets: 5, adopt: 0.04 },
};

/** A generated data set: histories (with dates) and the dev users whose last basket is the target. */
export interface SyntheticBaskets {
  histories: BasketHistories;
  devUsers: string[];
}

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);

interface Staple { item: number; cycle: number; last: number; pBuy: number }

/** Picks an index from cumulative weights by binary search. */
function pick(cumulative: Float64Array, random: Random): number {
  const total = cumulative[cumulative.length - 1]!;
  const x = random.next() * total;
  let lo = 0; let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid; else lo = mid + 1;
  }
  return lo;
}

function cumulativeOf(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, index) => { sum += weight; out[index] = sum; });
  return out;
}

interface World {
  random: Random;
  global: Float64Array;
  clusterItems: number[][];
  clusterCumulative: Float64Array[];
  trending: { item: number; peak: number; width: number }[];
}

function buildWorld(random: Random, items: number, clusters: number): World {
  const global = cumulativeOf(Array.from({ length: items }, (_, rank) => 1 / (rank + 1) ** 0.9));
  const clusterItems: number[][] = [];
  const clusterCumulative: Float64Array[] = [];
  for (let c = 0; c < clusters; c += 1) {
    const chosen = Array.from({ length: 120 }, () => pick(global, random) % items);
    const spread = Array.from({ length: 60 }, () => random.int(items));
    const list = [...new Set([...chosen, ...spread])];
    clusterItems.push(list);
    clusterCumulative.push(cumulativeOf(list.map((_, rank) => 1 / (rank + 1) ** 0.7)));
  }
  const trending = Array.from({ length: 40 }, () => ({
    item: random.int(items), peak: START + random.int(200) * DAY, width: (7 + random.int(21)) * DAY,
  }));
  return { random, global, clusterItems, clusterCumulative, trending };
}

function trendingItem(world: World, now: number): number | undefined {
  const weights = world.trending.map((t) => Math.exp(-0.5 * ((now - t.peak) / t.width) ** 2));
  const cumulative = cumulativeOf(weights);
  if (cumulative[cumulative.length - 1]! < 1e-3) return undefined;
  return world.trending[pick(cumulative, world.random)]!.item;
}

function userBaskets(world: World, cluster: number, profile: Profile): Basket[] {
  const { random } = world;
  const clusterPick = (): number => world.clusterItems[cluster]![pick(world.clusterCumulative[cluster]!, random)]!;
  const staples: Staple[] = Array.from({ length: profile.staples[0] + random.int(profile.staples[1]) }, () => ({
    item: random.next() < 0.75 ? clusterPick() : pick(world.global, random),
    cycle: Math.exp(Math.log(10) + 0.6 * random.normal()) * DAY, last: -Infinity,
    pBuy: profile.pBuy[0] + profile.pBuy[1] * random.next(),
  }));
  const gap = (2 + random.next() * 14) * DAY;
  const count = 2 + Math.floor(-Math.log(Math.max(random.next(), 1e-9)) * profile.baskets);
  let now = START + random.next() * 60 * DAY;
  const baskets: Basket[] = [];
  for (let b = 0; b < Math.min(count, 60); b += 1) {
    const items = new Set<number>();
    for (const staple of staples) {
      const due = now - staple.last >= staple.cycle * (0.7 + 0.6 * random.next());
      if (due && random.next() < staple.pBuy) { items.add(staple.item); staple.last = now; }
    }
    const extras = 1 + Math.floor(-Math.log(Math.max(random.next(), 1e-9)) * profile.extras);
    for (let e = 0; e < extras; e += 1) {
      const r = random.next();
      const item = r < 0.5 ? clusterPick() : r < 0.8 ? pick(world.global, random) : trendingItem(world, now);
      if (item === undefined) continue;
      items.add(item);
      if (random.next() < profile.adopt && !staples.some((s) => s.item === item)) {
        staples.push({ item, cycle: (5 + random.next() * 25) * DAY, last: now, pBuy: 0.6 });
      }
    }
    if (items.size > 0) baskets.push({ items: [...items].map((i) => `i${i}`), ts: Math.round(now) });
    now += gap * (0.5 + random.next());
  }
  return baskets;
}

/**
 * Generates a seeded next-basket data set with repurchase cycles (staples bought when due), popular items
 * (Zipf), neighbourhoods of shoppers with shared tastes, seasonal trending items and staples adopted over time.
 * Used to develop and report the next-basket model where the real data sets are not at hand.
 */
export function generateSyntheticBaskets(options: SyntheticBasketOptions = {}): SyntheticBaskets {
  const random = createRandom(options.seed ?? 42);
  const world = buildWorld(random, options.items ?? 3000, options.clusters ?? 25);
  const histories: BasketHistories = new Map();
  const users = options.users ?? 4000;
  for (let u = 0; u < users; u += 1) {
    const baskets = userBaskets(world, random.int(world.clusterItems.length), PROFILES[options.profile ?? 'repeat']);
    if (baskets.length > 0) histories.set(`u${u}`, baskets);
  }
  const devUsers = [...histories.entries()]
    .filter(([, baskets]) => baskets.length >= 3 && random.next() < (options.devShare ?? 0.25))
    .map(([user]) => user);
  return { histories, devUsers };
}
