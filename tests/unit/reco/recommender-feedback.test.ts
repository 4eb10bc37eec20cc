import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryVectorIndex } from '../../../core/reco/vector/memory-vector-index.ts';
import { demoWorld, NOW } from './support/demo-world.ts';

type World = Awaited<ReturnType<typeof demoWorld>>;
let world: World;
const index = new MemoryVectorIndex({ dimensions: 256 });

beforeAll(async () => { world = await demoWorld({ shoppers: 40, vectorIndex: index }); }, 120_000);

const keyOf = (r: { item: { service: string; id: string } }) => `${r.item.service}:${r.item.id}`;

describe('feedback changes the next answer', () => {
  it('a rejected item is not suggested again', async () => {
    const shopperId = world.data.shoppers[3]!.id;
    const first = await world.recommender.recommend({ shopperId, limit: 5 });
    const rejected = first[0]!;
    await world.recommender.recordFeedback({ shopperId, service: rejected.item.service, itemId: rejected.item.id, outcome: 'rejected' });
    const next = await world.recommender.recommend({ shopperId, limit: 20 });
    expect(next.map(keyOf)).not.toContain(keyOf(rejected));
    expect((await world.recommender.search({ query: rejected.item.title.ru, shopperId, limit: 20 })).map(keyOf)).not.toContain(keyOf(rejected));
  });

  it('an ignored item sinks, an accepted one keeps its place', async () => {
    const shopperId = world.data.shoppers[5]!.id;
    const first = await world.recommender.recommend({ shopperId, limit: 10 });
    const ignored = first[0]!;
    for (let i = 0; i < 3; i += 1) {
      await world.recommender.recordFeedback({ shopperId, service: ignored.item.service, itemId: ignored.item.id, outcome: 'ignored' });
    }
    const accepted = first[1]!;
    await world.recommender.recordFeedback({ shopperId, service: accepted.item.service, itemId: accepted.item.id, outcome: 'accepted' });
    const next = await world.recommender.recommend({ shopperId, limit: 10 });
    const position = next.map(keyOf).indexOf(keyOf(ignored));
    expect(position === -1 || position > 0).toBe(true);
    expect(next.map(keyOf)[0]).toBe(keyOf(accepted));
  });

  it('old feedback expires: an item ignored long ago is back to normal', async () => {
    const shopperId = world.data.shoppers[7]!.id;
    const first = await world.recommender.recommend({ shopperId, limit: 5 });
    const item = first[0]!;
    const longAgo = new Date(NOW - 200 * 86_400_000).toISOString();
    await world.recommender.recordFeedback({ shopperId, service: item.item.service, itemId: item.item.id, outcome: 'rejected', at: longAgo });
    await world.recommender.recordFeedback({ shopperId, service: item.item.service, itemId: item.item.id, outcome: 'ignored', at: longAgo });
    expect((await world.recommender.recommend({ shopperId, limit: 5 })).map(keyOf)[0]).toBe(keyOf(item));
  });

  it('rejects malformed feedback', async () => {
    await expect(world.recommender.recordFeedback({ shopperId: '', service: 'samokat', itemId: 'x', outcome: 'accepted' }))
      .rejects.toThrow(/feedback needs/);
    await expect(world.recommender.recordFeedback({ shopperId: 's', service: 'samokat', itemId: 'x', outcome: 'loved' as 'accepted' }))
      .rejects.toThrow(/accepted\|rejected\|ignored/);
  });
});

describe('erasure', () => {
  it('an erased shopper is gone from the index, the statistics and the feedback', async () => {
    const shopperId = world.data.shoppers[9]!.id;
    expect(await index.fetch([`shopper:${shopperId}`])).toHaveLength(1);
    await world.recommender.recordFeedback({ shopperId, service: 'samokat', itemId: 'samokat-000001', outcome: 'rejected' });
    const removed = await world.recommender.erase(shopperId);
    expect(removed).toBeGreaterThan(0);
    expect(await index.fetch([`shopper:${shopperId}`])).toEqual([]);
    const shopperVectors = await index.query(new Array(index.dimensions).fill(1), { topK: 1000, filter: { kind: 'shopper' } });
    expect(shopperVectors.map((m) => m.metadata.shopperId)).not.toContain(shopperId);
    expect(shopperVectors.length).toBeGreaterThan(0);
    await world.events.deleteByUser(shopperId);
    await world.recommender.refresh();
    const after = await world.recommender.recommend({ shopperId, limit: 10 });
    for (const r of after) expect(['repurchase', 'bought_together', 'cross_service']).not.toContain(r.explanation.reason.kind);
    // Statistics no longer count the shopper, and a rebuild does not write their vector back.
    expect(await index.fetch([`shopper:${shopperId}`])).toEqual([]);
  });
});
