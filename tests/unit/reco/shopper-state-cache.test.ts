import { beforeAll, describe, expect, it } from 'vitest';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { createRandom } from '../../../core/reco/random.ts';
import type { ShopperState } from '../../../core/reco/recommender/shopper-state.ts';
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

  it('appended events extend the cached state to exactly what a rebuild from all events derives', () => {
    const random = createRandom(3);
    const types = ['order', 'order', 'view', 'add_to_cart', 'rating', 'search'] as const;
    const start = Date.parse('2026-10-01T08:00:00.000Z');
    const events: ShopEvent[] = [];
    const cache = new ShopperStateCache();
    let previous: ShopperState | undefined;
    let clock = start;
    for (let i = 0; i < 160; i += 1) {
      const type = types[random.int(types.length)]!;
      // Mostly appended in time order (some sharing a time, some a day), now and then one older than the latest
      // (a rebuild); orders with and without an order id; a few items bought again and again.
      clock += random.int(3) * 3_600_000 * (1 + random.int(12));
      const ts = new Date(random.int(10) === 0 ? clock - 86_400_000 * random.int(5) : clock).toISOString();
      const base = { id: `e${i}`, userId: 's', service: random.int(3) === 0 ? 'kuper' as const : 'samokat' as const, type, ts };
      events.push(type === 'search' ? { ...base, query: 'молоко' }
        : { ...base, itemId: `i${random.int(12)}`, ...(type === 'rating' ? { rating: 1 + random.int(5) } : {}),
          ...(type === 'order' && random.int(2) === 0 ? { orderId: `o${Math.floor(i / 4)}` } : {}) });
      events.sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
      const batch = events.slice();
      const extended = cache.get('s', batch);
      const rebuilt = new ShopperStateCache().get('s', batch);
      expect(extended.history).toEqual(rebuilt.history);
      expect([...extended.history.items.keys()]).toEqual([...rebuilt.history.items.keys()]);
      expect(extended.owned).toEqual(rebuilt.owned);
      expect(extended.ratedLow).toEqual(rebuilt.ratedLow);
      expect([...extended.basketShare]).toEqual([...rebuilt.basketShare]);
      if (previous) expect(previous.history.items.size).toBeLessThanOrEqual(extended.history.items.size);
      previous = extended;
    }
  });

  it('the previous state is left as it was when events are appended', () => {
    const cache = new ShopperStateCache();
    const events = orders('s2', 'samokat', [{ daysAgo: 10, items: ['a', 'b'] }, { daysAgo: 3, items: ['a'] }]);
    const first = cache.get('s2', events);
    const snapshot = structuredClone({ history: first.history, owned: first.owned, share: first.basketShare });
    const later = [...events, { id: 'late', userId: 's2', service: 'samokat' as const, type: 'order' as const, itemId: 'a',
      orderId: 's2-order-1', ts: new Date().toISOString() }, { id: 'low', userId: 's2', service: 'samokat' as const,
      type: 'rating' as const, itemId: 'b', rating: 1, ts: new Date().toISOString() }];
    const second = cache.get('s2', later);
    expect(second.history.items.get('samokat:b')!.rating).toBe(1);
    expect(second.ratedLow.has('samokat:b')).toBe(true);
    expect(first.ratedLow.has('samokat:b')).toBe(false);
    expect({ history: first.history, owned: first.owned, share: first.basketShare }).toEqual(snapshot);
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
