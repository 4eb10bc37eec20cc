import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../bots/demo-data/index.ts';
import { TfidfEmbedder } from '../../../core/reco/embedding/tfidf-embedder.ts';
import { searchableText } from '../../../core/reco/recommender/catalog-index.ts';
import { InteractionModel } from '../../../core/reco/recommender/interaction-model.ts';
import { createRecommender } from '../../../core/reco/recommender/recommender.ts';
import { createRandom } from '../../../core/reco/random.ts';
import { SemanticIds } from '../../../core/reco/semantic-ids.ts';
import { MemoryCatalogStore } from '../../../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../../../core/stores/memory-event-store.ts';
import { createTimeSlicer } from '../../../core/time-slicer.ts';

const NOW = Date.parse('2026-11-01T09:00:00.000Z');
const data = generateDemoData({ seed: 3, shoppers: 40 });

async function world() {
  const catalog = new MemoryCatalogStore();
  await catalog.upsertMany(data.items);
  const events = new MemoryEventStore();
  await events.appendMany(data.events);
  const recommender = createRecommender({ catalog, events, now: () => NOW });
  recommender.observe(data.events);
  return { catalog, events, recommender };
}

/** Counts the turns a 1 ms interval timer gets while `work` runs. */
async function heartbeatsDuring<T>(work: () => Promise<T>): Promise<{ ticks: number; result: T }> {
  let ticks = 0;
  const heartbeat = setInterval(() => { ticks += 1; }, 1);
  try {
    const result = await work();
    return { ticks, result };
  } finally {
    clearInterval(heartbeat);
  }
}

const ids = (list: { item: { service: string; id: string } }[]) => list.map((r) => `${r.item.service}:${r.item.id}`);

describe('time-sliced builds', () => {
  it(`refresh() over ${data.items.length} items lets timers run while it builds`, async () => {
    const { recommender } = await world();
    const { ticks } = await heartbeatsDuring(() => recommender.refresh());
    expect(ticks).toBeGreaterThan(1);
  });

  it('a catalog change rebuilds the index in slices, and requests during the build get the new catalog', async () => {
    const { catalog, recommender } = await world();
    await recommender.refresh();
    const renamed = { ...data.items[0]!, id: 'slice-new-1', title: { ru: 'Зефир ванильный слайсовый', en: 'Sliced vanilla marshmallow' } };
    await catalog.upsertMany([renamed]);
    const during = recommender.search({ query: 'зефир слайсовый', limit: 3 });
    const { ticks, result } = await heartbeatsDuring(() => recommender.search({ query: 'зефир слайсовый', limit: 3 }));
    expect(ticks).toBeGreaterThan(1);
    expect(ids(result)[0]).toBe(`${renamed.service}:slice-new-1`);
    expect(ids(await during)).toEqual(ids(result));
  });

  it('a search made while refresh() is paused answers as after it', async () => {
    const { recommender } = await world();
    const refreshing = recommender.refresh();
    await new Promise((resolve) => setImmediate(resolve));
    const early = await recommender.search({ query: 'молоко', limit: 10 });
    const shopper = data.shoppers[0]!.id;
    const earlyRecommendation = await recommender.recommend({ shopperId: shopper, limit: 5 });
    await refreshing;
    expect(ids(await recommender.search({ query: 'молоко', limit: 10 }))).toEqual(ids(early));
    expect(ids(await recommender.recommend({ shopperId: shopper, limit: 5 }))).toEqual(ids(earlyRecommendation));
  });

  it('sliced statistics equal the synchronous ones, and an erasure during the build is not in them', async () => {
    const direct = new InteractionModel();
    direct.observe(data.events);
    const sliced = new InteractionModel();
    sliced.observe(data.events);
    const expected = direct.snapshot();
    const built = await sliced.snapshotSliced(createTimeSlicer({ budgetMs: 0 }));
    expect(built.shopperIds).toEqual(expected.shopperIds);
    expect([...built.coPurchases]).toEqual([...expected.coPurchases]);
    expect([...built.popularByService]).toEqual([...expected.popularByService]);
    expect(built.vectors).toEqual(expected.vectors);

    const erased = data.shoppers[1]!.id;
    const model = new InteractionModel();
    model.observe(data.events);
    const building = model.snapshotSliced(createTimeSlicer({ budgetMs: 0 }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(model.building).toBe(true);
    expect(model.forget(erased)).toBeGreaterThan(0);
    const after = await building;
    expect(after.shopperIds).not.toContain(erased);
    expect(after.shopperIds).toHaveLength(expected.shopperIds.length - 1);
  });

  it('sliced semantic ids and TF-IDF training equal the synchronous ones', async () => {
    const random = createRandom(11);
    const rows = 600; const d = 32;
    const embeddings = Float32Array.from({ length: rows * d }, () => random.next() - 0.5);
    const keys = Array.from({ length: rows }, (_, i) => `k${i}`);
    const direct = SemanticIds.build(keys, embeddings, d);
    const sliced = await SemanticIds.buildSliced(keys, embeddings, d, createTimeSlicer({ budgetMs: 0 }));
    expect(keys.map((key) => sliced.codeOf(key))).toEqual(keys.map((key) => direct.codeOf(key)));

    const texts = data.items.slice(0, 500).map(searchableText);
    const trained = new TfidfEmbedder(texts, { dimensions: 64 });
    const trainedSliced = await TfidfEmbedder.trainSliced(texts, createTimeSlicer({ budgetMs: 0 }), { dimensions: 64 });
    for (const text of [texts[0]!, texts[99]!, 'молоко овсяное', 'unknown words']) {
      expect(trainedSliced.sparse(text)).toEqual(trained.sparse(text));
      expect(trainedSliced.embedOne(text)).toEqual(trained.embedOne(text));
    }
  });
});
