// Recommendation and semantic-search latency over a 50,000-item catalog on the embedded default
// (in-process inverted-file index, catalog-trained embedder), with the hnswlib index as a peer.
//   npm run bench -- reco-latency        (or --quick for a shorter run)
import { loadavg } from 'node:os';
import { HnswVectorIndex } from '../adapters/stores/hnsw/hnsw-vector-index.ts';
import { generateDemoData } from '../bots/demo-data/index.ts';
import type { CatalogItem } from '../core/catalog/catalog-item.ts';
import { createRandom } from '../core/reco/random.ts';
import type { Recommender } from '../core/reco/recommender/recommender.ts';
import { createRecommender } from '../core/reco/recommender/recommender.ts';
import type { RecommendRequest } from '../core/reco/recommender/types.ts';
import { MemoryVectorIndex } from '../core/reco/vector/memory-vector-index.ts';
import type { VectorIndex } from '../core/reco/vector/vector-index.ts';
import { MemoryCatalogStore } from '../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../core/stores/memory-event-store.ts';
import type { Benchmark } from './harness/benchmark.ts';
import { changingEvent, freshQueries, scaledCatalog } from './reco-latency-workload.ts';
import { SEARCH_QUERIES } from './search-quality-queries.ts';

const NOW = Date.parse('2026-11-01T09:00:00.000Z');
const round = (value: number) => Math.round(value * 1000) / 1000;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
  return { n: samples.length, p50: at(0.5), p99: at(0.99), mean: round(samples.reduce((a, b) => a + b, 0) / samples.length) };
}

/**
 * Wall time and process CPU time of one call. On a shared machine (2 cores, several busy processes) wall time
 * includes time spent waiting for a core; CPU time is the work itself.
 */
async function timed<T>(samples: number[], run: () => Promise<T>, cpu?: number[]): Promise<T> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  samples.push(performance.now() - start);
  const used = process.cpuUsage(cpuStart);
  cpu?.push((used.user + used.system) / 1000);
  return result;
}

async function world(items: CatalogItem[], vectorIndex: VectorIndex, events: MemoryEventStore, all: Parameters<Recommender['observe']>[0]) {
  const catalog = new MemoryCatalogStore();
  await catalog.upsertMany(items);
  const recommender = createRecommender({ catalog, events, vectorIndex, now: () => NOW, rebuildIntervalMs: 3_600_000 });
  recommender.observe(all);
  const start = performance.now();
  await recommender.refresh();
  return { recommender, buildSeconds: round((performance.now() - start) / 1000) };
}

/** Wall and CPU samples of one measured case, after `warmup` unmeasured calls (the JIT's first tiers). */
class Series {
  readonly wall: number[] = [];
  readonly cpu: number[] = [];
  constructor(private readonly warmup: number) {}

  async measure<T>(i: number, run: () => Promise<T>): Promise<T> {
    const wall: number[] = [];
    const cpu: number[] = [];
    const result = await timed(wall, run, cpu);
    if (i >= this.warmup) { this.wall.push(wall[0]!); this.cpu.push(cpu[0]!); }
    return result;
  }

  figures() {
    return { ...percentiles(this.wall), cpu: percentiles(this.cpu) };
  }
}

const WARMUP = 100;

export const benchmark: Benchmark = {
  name: 'reco-latency',
  description: 'recommend() for one shopper (warmed, and just after a new event) and search() top-10 (fresh and cached queries) over 50,000 catalog items (embedded default; hnswlib peer)',
  targets: [
    { figure: 'recommend.changed.p99', op: '<', value: 5, unit: 'ms' },
    { figure: 'search.fresh.p99', op: '<', value: 2, unit: 'ms' },
  ],
  async run({ quick, log }) {
    const data = generateDemoData({ seed: 1 });
    const items = scaledCatalog(data.items, 50_000);
    const events = new MemoryEventStore();
    await events.appendMany(data.events);
    log(`catalog ${items.length} items, ${data.shoppers.length} shoppers, ${data.events.length} events`);
    const memory = await world(items, new MemoryVectorIndex({ dimensions: 256 }), events, data.events);
    log(`embedded default built in ${memory.buildSeconds} s`);
    const searchRounds = (quick ? 300 : 1500) + WARMUP;
    const recommendRounds = (quick ? 150 : 600) + WARMUP;
    // Every fresh query is searched exactly once in this process: none can come from the prepared-query cache.
    const fresh = freshQueries(data.items, searchRounds + recommendRounds);
    const freshForRecommend = fresh.slice(searchRounds);
    const cachedQueries = SEARCH_QUERIES.map((q) => q.q);
    const requests: ((shopperId: string, query: string) => RecommendRequest)[] = [
      (shopperId) => ({ shopperId, limit: 5 }),
      (shopperId) => ({ shopperId, service: 'samokat', limit: 8 }),
      (shopperId) => ({ shopperId, budget: 300, diet: 'vegetarian', limit: 5 }),
      (shopperId, query) => ({ shopperId, query, limit: 5 }),
    ];
    const shopperAt = (i: number) => data.shoppers[i % data.shoppers.length]!.id;

    // (c) a returning shopper whose events did not change since the last request (cached labelled queries).
    const warmed = new Series(WARMUP);
    const warmedKinds = requests.map(() => new Series(0));
    for (let i = 0; i < recommendRounds; i += 1) {
      const kind = i % requests.length;
      const request = requests[kind]!(shopperAt(i), cachedQueries[i % cachedQueries.length]!);
      const wall = warmed.wall.length;
      await warmed.measure(i, () => memory.recommender.recommend(request));
      if (warmed.wall.length > wall) { warmedKinds[kind]!.wall.push(warmed.wall.at(-1)!); warmedKinds[kind]!.cpu.push(warmed.cpu.at(-1)!); }
    }
    // (d) a shopper whose history changed just before the request: an event appended (and observed, as the
    // events API does) right before it; the query kind uses fresh queries.
    const random = createRandom(9);
    const changed = new Series(WARMUP);
    const changedKinds = requests.map(() => new Series(0));
    for (let i = 0; i < recommendRounds; i += 1) {
      const kind = i % requests.length;
      const shopperId = shopperAt(i * 7 + 3);
      const event = changingEvent(shopperId, data.items, i, NOW, random);
      await events.appendMany([event]);
      memory.recommender.observe([event]);
      const request = requests[kind]!(shopperId, freshForRecommend[i]!);
      const wall = changed.wall.length;
      await changed.measure(i, () => memory.recommender.recommend(request));
      if (changed.wall.length > wall) { changedKinds[kind]!.wall.push(changed.wall.at(-1)!); changedKinds[kind]!.cpu.push(changed.cpu.at(-1)!); }
    }
    // (a) search with queries never seen before, then (b) the labelled queries over and over (cache hits).
    const searchFresh = new Series(WARMUP);
    for (let i = 0; i < searchRounds; i += 1) {
      await searchFresh.measure(i, () => memory.recommender.search({ query: fresh[i]!, limit: 10 }));
    }
    const searchCached = new Series(WARMUP);
    for (let i = 0; i < searchRounds; i += 1) {
      await searchCached.measure(i, () => memory.recommender.search({ query: cachedQueries[i % cachedQueries.length]!, limit: 10 }));
    }
    log('hnswlib peer');
    const hnsw = await world(items, new HnswVectorIndex({ dimensions: 256, initialCapacity: 60_000 }), events, data.events);
    const hnswFresh = new Series(WARMUP);
    for (let i = 0; i < searchRounds; i += 1) {
      await hnswFresh.measure(i, () => hnsw.recommender.search({ query: fresh[i]!, limit: 10 }));
    }
    const kinds = (series: Series[]) => ({ plain: series[0]!.figures(), service: series[1]!.figures(),
      budgetDiet: series[2]!.figures(), query: series[3]!.figures() });
    return {
      catalogItems: items.length, shoppers: data.shoppers.length, loadAverage1m: round(loadavg()[0]!),
      buildSeconds: { embedded: memory.buildSeconds, hnsw: hnsw.buildSeconds },
      recommend: {
        changed: changed.figures(), warmed: warmed.figures(),
        changedByKind: kinds(changedKinds), warmedByKind: kinds(warmedKinds),
      },
      search: { fresh: searchFresh.figures(), cached: searchCached.figures() },
      searchHnsw: { fresh: hnswFresh.figures() },
    };
  },
};
