import { beforeAll, describe, expect, it } from 'vitest';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { ShopperStateCache } from '../../../core/reco/recommender/shopper-state.ts';
import type { Recommendation } from '../../../core/reco/recommender/types.ts';
import { demoWorld, orders } from './support/demo-world.ts';

type World = Awaited<ReturnType<typeof demoWorld>>;
let world: World;
const yoghurt = 'yoghurt-lover';

beforeAll(async () => {
  world = await demoWorld({ shoppers: 30 });
}, 120_000);

const repurchaseOf = (recs: Recommendation[], itemId: string) =>
  recs.find((r) => r.item.id === itemId && r.explanation.reason.kind === 'repurchase')?.explanation.reason;

describe('per-shopper state cache', () => {
  it('reuses the state only for exactly the same events', () => {
    const cache = new ShopperStateCache();
    const events = orders('s1', 'samokat', [{ daysAgo: 10, items: ['a', 'b'] }, { daysAgo: 3, items: ['a'] }]);
    const first = cache.get('s1', events);
    expect(cache.get('s1', [...events])).toBe(first);
    const appended = [...events, ...orders('s1', 'samokat', [{ daysAgo: 1, items: ['c'] }]).map((e) => ({ ...e, id: `${e.id}-new` }))];
    const grown = cache.get('s1', appended);
    expect(grown).not.toBe(first);
    expect(grown.owned.has('samokat:c')).toBe(true);
    const shrunk = cache.get('s1', events.slice(1));
    expect(shrunk.history.items.get('samokat:a')!.orderTimes).toHaveLength(1);
    const replaced = cache.get('s1', events.map((e, i) => (i === 0 ? { ...e, id: 'other' } : e)));
    expect(replaced).not.toBe(shrunk);
  });

  it('a new order shows in the next answer at once (the event store stays the source of truth)', async () => {
    const item = world.data.items.find((i) => i.service === 'samokat' && !i.tags?.includes('alcohol') && i.available !== false)!;
    const history: ShopEvent[] = orders(yoghurt, 'samokat', [20, 15, 10, 5].map((daysAgo) => ({ daysAgo, items: [item.id] })));
    await world.events.appendMany(history);
    const before = repurchaseOf(await world.recommender.recommend({ shopperId: yoghurt, limit: 10 }), item.id);
    expect(before).toMatchObject({ facts: { timesOrdered: 4, daysSinceLast: 5 } });
    await world.events.appendMany(orders(yoghurt, 'samokat', [{ daysAgo: 1, items: [item.id] }]).map((e) => ({ ...e, id: `${e.id}-late`, orderId: 'late-order' })));
    const after = repurchaseOf(await world.recommender.recommend({ shopperId: yoghurt, limit: 10 }), item.id);
    expect(after).toMatchObject({ facts: { timesOrdered: 5, daysSinceLast: 1 } });
  });

  it('cached reasons are frozen: a caller changing an answer cannot change the next one', async () => {
    const shopperId = world.data.shoppers[2]!.id;
    const first = await world.recommender.recommend({ shopperId, limit: 10 });
    const shared = first.find((r) => r.explanation.reason.kind === 'similar_shoppers' || r.explanation.reason.kind === 'bought_together');
    if (shared) expect(Object.isFrozen(shared.explanation.reason.facts)).toBe(true);
    const again = await world.recommender.recommend({ shopperId, limit: 10 });
    expect(again.map((r) => r.reason)).toEqual(first.map((r) => r.reason));
  });
});
