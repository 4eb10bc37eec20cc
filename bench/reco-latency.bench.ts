// Recommendation and semantic-search latency over a 50,000-item catalog on the embedded default
// (in-process inverted-file index, catalog-trained embedder), with the hnswlib index as a peer.
//   npm run bench -- reco-latency        (or --quick for a shorter run)
import { loadavg } from 'node:os';
import { HnswVectorIndex } from '../adapters/stores/hnsw/hnsw-vector-index.ts';
import { generateDemoData } from '../bots/demo-data/index.ts';
import type { CatalogItem } from '../core/catalog/catalog-item.ts';
import type { Recommender } from '../core/reco/recommender/recommender.ts';
import { createRecommender } from '../core/reco/recommender/recommender.ts';
import type { RecommendRequest } from '../core/reco/recommender/types.ts';
import { MemoryVectorIndex } from '../core/reco/vector/memory-vector-index.ts';
import type { VectorIndex } from '../core/reco/vector/vector-index.ts';
import { MemoryCatalogStore } from '../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../core/stores/memory-event-store.ts';
import type { Benchmark } from './harness/benchmark.ts';
import { SEARCH_QUERIES } from './search-quality-queries.ts';

const NOW = Date.parse('2026-11-01T09:00:00.000Z');
const round = (value: number) => Math.round(value * 1000) / 1000;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
  return { n: samples.length, p50: at(0.5), p99: at(0.99), mean: round(samples.reduce((a, b) => a + b, 0) / samples.length) };
}

/** The demo catalogs repeated with variant titles and prices until `size` items. */
function scaledCatalog(base: CatalogItem[], size: number): CatalogItem[] {
  const out: CatalogItem[] = [...base];
  for (let copy = 1; out.length < size; copy += 1) {
    for (const item of base) {
      if (out.length >= size) break;
      out.push({ ...item, id: `${item.id}-v${copy}`, price: Math.round(item.price * (0.8 + ((copy * 7) % 5) / 10)),
        title: { ru: `${item.title.ru}, серия ${copy}`, en: item.title.en ? `${item.title.en}, series ${copy}` : undefined } });
    }
  }
  return out;
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

export const benchmark: Benchmark = {
  name: 'reco-latency',
  description: 'recommend() for one shopper and search() top-10 over 50,000 catalog items (embedded default; hnswlib peer)',
  targets: [
    { figure: 'recommend.all.p99', op: '<', value: 5, unit: 'ms' },
    { figure: 'search.p99', op: '<', value: 2, unit: 'ms' },
  ],
  async run({ quick, log }) {
    const data = generateDemoData({ seed: 1 });
    const items = scaledCatalog(data.items, 50_000);
    const events = new MemoryEventStore();
    await events.appendMany(data.events);
    log(`catalog ${items.length} items, ${data.shoppers.length} shoppers, ${data.events.length} events`);
    const memory = await world(items, new MemoryVectorIndex({ dimensions: 256 }), events, data.events);
    log(`embedded default built in ${memory.buildSeconds} s`);
    const requests: ((shopperId: string, i: number) => RecommendRequest)[] = [
      (shopperId) => ({ shopperId, limit: 5 }),
      (shopperId) => ({ shopperId, service: 'samokat', limit: 8 }),
      (shopperId) => ({ shopperId, budget: 300, diet: 'vegetarian', limit: 5 }),
      (shopperId, i) => ({ shopperId, query: SEARCH_QUERIES[i % SEARCH_QUERIES.length]!.q, limit: 5 }),
    ];
    const rounds = quick ? 150 : 600;
    const perKind: number[][] = requests.map(() => []);
    const all: number[] = [];
    const allCpu: number[] = [];
    for (let i = 0; i < rounds + 100; i += 1) {
      const shopperId = data.shoppers[i % data.shoppers.length]!.id;
      const kind = i % requests.length;
      const samples: number[] = [];
      const cpu: number[] = [];
      await timed(samples, () => memory.recommender.recommend(requests[kind]!(shopperId, i)), cpu);
      if (i >= 100) { perKind[kind]!.push(samples[0]!); all.push(samples[0]!); allCpu.push(cpu[0]!); } // the first 100 warm the JIT
    }
    const searchSamples: number[] = [];
    const searchCpu: number[] = [];
    const queries = SEARCH_QUERIES.map((q) => q.q);
    for (let i = 0; i < (quick ? 300 : 1500) + 100; i += 1) {
      const samples: number[] = [];
      const cpu: number[] = [];
      await timed(samples, () => memory.recommender.search({ query: queries[i % queries.length]!, limit: 10 }), cpu);
      if (i >= 100) { searchSamples.push(samples[0]!); searchCpu.push(cpu[0]!); }
    }
    log('hnswlib peer');
    const hnsw = await world(items, new HnswVectorIndex({ dimensions: 256, initialCapacity: 60_000 }), events, data.events);
    const hnswSearch: number[] = [];
    for (let i = 0; i < (quick ? 300 : 1500) + 100; i += 1) {
      const samples: number[] = [];
      await timed(samples, () => hnsw.recommender.search({ query: queries[i % queries.length]!, limit: 10 }));
      if (i >= 100) hnswSearch.push(samples[0]!);
    }
    return {
      catalogItems: items.length, shoppers: data.shoppers.length, loadAverage1m: round(loadavg()[0]!),
      buildSeconds: { embedded: memory.buildSeconds, hnsw: hnsw.buildSeconds },
      cpuMs: { recommend: percentiles(allCpu), search: percentiles(searchCpu) },
      recommend: { all: percentiles(all), plain: percentiles(perKind[0]!), service: percentiles(perKind[1]!),
        budgetDiet: percentiles(perKind[2]!), query: percentiles(perKind[3]!) },
      search: percentiles(searchSamples),
      searchHnsw: percentiles(hnswSearch),
    };
  },
};
