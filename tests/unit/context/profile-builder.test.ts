import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../../../core/context/profile-builder.ts';
import { buildProfileSummary } from '../../../core/context/profile-summary.ts';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { MemoryCatalogStore } from '../../../core/stores/memory-catalog-store.ts';
import { MemoryProfileStore } from '../../../core/stores/memory-profile-store.ts';
import { CATALOG, event } from './fixtures.ts';

async function setup() {
  const catalog = new MemoryCatalogStore();
  await catalog.upsertMany(CATALOG);
  const profiles = new MemoryProfileStore();
  const builder = new ProfileBuilder({ profiles, catalog, now: () => new Date('2026-03-10T00:00:00Z') });
  return { catalog, profiles, builder };
}

describe('ProfileBuilder', () => {
  it('weights orders above carts, ratings, views and searches', async () => {
    const { builder } = await setup();
    const ts = '2026-03-01T10:00:00Z';
    await builder.applyEvents([
      event({ type: 'order', itemId: 'milk-oat', ts }),
      event({ type: 'add_to_cart', itemId: 'milk-cow', ts }),
      event({ type: 'rating', itemId: 'tofu', rating: 5, ts }),
      event({ type: 'view', itemId: 'beer', ts }),
      event({ type: 'search', itemId: 'milk-premium', query: 'молоко', ts }),
    ]);
    const profile = await builder.getProfile('u1');
    const keys = profile!.services.samokat!.shortTerm.items.map((a) => a.key);
    expect(keys).toEqual(['milk-oat', 'milk-cow', 'tofu', 'beer', 'milk-premium']);
    expect(profile!.services.samokat!.recentSearches).toEqual(['молоко']);
  });

  it('decays: an old order weighs less than a recent one, and category and brand scores add up', async () => {
    const { builder } = await setup();
    await builder.applyEvents([
      event({ type: 'order', itemId: 'milk-cow', ts: '2026-01-01T10:00:00Z' }),
      event({ type: 'order', itemId: 'milk-oat', ts: '2026-03-01T10:00:00Z' }),
    ]);
    const samokat = (await builder.getProfile('u1'))!.services.samokat!;
    expect(samokat.shortTerm.items.map((a) => a.key)).toEqual(['milk-oat']);
    const [oat, cow] = samokat.longTerm.items;
    expect(oat!.key).toBe('milk-oat');
    expect(cow!.score).toBeLessThan(oat!.score);
    const milk = samokat.longTerm.categories.find((c) => c.key === 'Молочные продукты/Молоко')!;
    expect(milk.score).toBeCloseTo(oat!.score + cow!.score, 5);
    expect(samokat.longTerm.categories.find((c) => c.key === 'Молочные продукты')!.score).toBeCloseTo(milk.score, 6);
    expect(samokat.longTerm.brands.map((b) => b.key)).toEqual(['Nemoloko', 'Простоквашино']);
  });

  it('counts orders, not order lines: one per distinct orderId, one per line without an id', async () => {
    const { builder, catalog } = await setup();
    const lines = (orderId: string, ts: string, service: ShopEvent['service'], items: string[]) =>
      items.map((itemId) => event({ type: 'order', service, itemId, orderId, ts }));
    await builder.applyEvents([
      ...lines('o1', '2026-03-01T10:00:00Z', 'samokat', ['milk-oat', 'tofu', 'milk-cow']),
      ...lines('o2', '2026-03-03T10:00:00Z', 'samokat', ['milk-oat', 'tofu']),
      ...lines('o3', '2026-03-02T10:00:00Z', 'kuper', ['apples', 'protein']),
      event({ type: 'order', service: 'kuper', itemId: 'apples', ts: '2026-03-04T10:00:00Z' }),
    ]);
    // A late line of an order already counted changes nothing.
    await builder.applyEvents(lines('o1', '2026-03-01T10:00:00Z', 'samokat', ['milk-premium']));
    const profile = (await builder.getProfile('u1'))!;
    expect(profile.services.samokat!.orders).toBe(2);
    expect(profile.services.kuper!.orders).toBe(2);
    const snapshot = await catalog.snapshot();
    const summary = buildProfileSummary(profile, { lookup: (service, id) => snapshot.get(service, id) });
    expect(summary.services.map((s) => [s.service, s.orders]).sort()).toEqual([['kuper', 2], ['samokat', 2]]);
  });

  it('a low rating is a dislike: negative score', async () => {
    const { builder } = await setup();
    await builder.applyEvents([event({ type: 'rating', itemId: 'beer', rating: 1 })]);
    const item = (await builder.getProfile('u1'))!.services.samokat!.longTerm.items[0]!;
    expect(item).toEqual({ key: 'beer', score: -4 });
  });

  it('finds repurchase cycles from the median interval between orders', async () => {
    const { builder } = await setup();
    const days = [1, 5, 9, 12, 17];
    await builder.applyEvents(days.map((d) => event({ type: 'order', itemId: 'milk-cow', ts: `2026-02-${String(d).padStart(2, '0')}T08:00:00Z` })));
    const [cycle] = (await builder.getProfile('u1'))!.services.samokat!.repurchase;
    expect(cycle).toMatchObject({ itemId: 'milk-cow', orders: 5, medianIntervalDays: 4, lastOrderAt: '2026-02-17T08:00:00.000Z', nextDueAt: '2026-02-21T08:00:00.000Z' });
  });

  it('compares the price paid with the category median', async () => {
    const { builder } = await setup();
    await builder.applyEvents([event({ type: 'order', itemId: 'milk-premium', price: 210 })]);
    const [level] = (await builder.getProfile('u1'))!.services.samokat!.priceLevels;
    expect(level).toMatchObject({ category: 'Молочные продукты/Молоко', typicalPrice: 210, categoryMedian: 120, level: 'premium' });
  });

  it('derives diet and safety signals from the tags of ordered groceries', async () => {
    const { builder } = await setup();
    const orders: ShopEvent[] = [];
    for (let i = 0; i < 6; i += 1) orders.push(event({ type: 'order', itemId: i % 2 ? 'tofu' : 'milk-oat', ts: `2026-02-0${i + 1}T08:00:00Z` }));
    for (let i = 0; i < 6; i += 1) orders.push(event({ type: 'order', service: 'kuper', itemId: 'apples', ts: `2026-02-1${i}T08:00:00Z` }));
    orders.push(event({ type: 'order', service: 'megamarket', itemId: 'headphones' }));
    await builder.applyEvents(orders);
    const { diet } = (await builder.getProfile('u1'))!;
    expect(diet.orders).toBe(12);
    expect(diet.mostly).toEqual(['vegan']);
    expect(diet.never).toEqual(['alcohol', 'meat', 'fish', 'contains_nuts', '18+']);
    expect(diet.tagShares.find((s) => s.tag === 'lactose_free')).toEqual({ tag: 'lactose_free', orders: 3, share: 0.25 });
  });

  it('carries Kuper sport and health activity over as a cross-service signal', async () => {
    const { builder } = await setup();
    await builder.applyEvents([
      event({ type: 'order', service: 'kuper', itemId: 'protein' }),
      event({ type: 'order', service: 'kuper', itemId: 'vitamins' }),
      event({ type: 'order', service: 'kuper', itemId: 'apples' }),
      event({ type: 'order', service: 'megamarket', itemId: 'cat-food' }),
    ]);
    const { crossService } = (await builder.getProfile('u1'))!;
    expect(crossService).toEqual([
      { kind: 'sport_health', from: ['kuper'], strength: 0.666667 },
      { kind: 'pets', from: ['megamarket'], strength: 1 },
    ]);
  });

  it('keeps stated preferences and turns them into constraints', async () => {
    const { builder } = await setup();
    await builder.addPreference('u2', { kind: 'diet', value: 'Vegan' });
    await builder.addPreference('u2', { kind: 'exclude_tag', value: 'contains_nuts' });
    await builder.addPreference('u2', { kind: 'dislike', value: 'кинза' });
    await builder.addPreference('u2', { kind: 'dislike', value: 'кинза' });
    let profile = (await builder.getProfile('u2'))!;
    expect(profile.preferences.map((p) => `${p.kind}:${p.value}`)).toEqual(['diet:vegan', 'exclude_tag:contains_nuts', 'dislike:кинза']);
    expect(profile.constraints).toEqual({ diets: ['vegan'], excludeTags: ['contains_nuts', 'fish', 'meat'], preferTags: ['vegan'], dislikes: ['кинза'], likes: [] });
    profile = (await builder.removePreference('u2', { kind: 'diet', value: 'vegan' }))!;
    expect(profile.constraints.excludeTags).toEqual(['contains_nuts']);
    await expect(builder.addPreference('u2', { kind: 'diet', value: '  ' })).rejects.toThrow(/preference value/);
  });

  it('defers the view to the next read through builder.profiles, which derives it once and stores it', async () => {
    const { builder, profiles } = await setup();
    await builder.applyEvents([event({ type: 'order', userId: 'lazy' })]);
    expect(await profiles.getProfile('lazy')).toMatchObject({ events: 0 });
    expect((await profiles.get('lazy'))!.stale).toBe(true);
    expect(await builder.profiles.getProfile('lazy')).toMatchObject({ events: 1 });
    expect(await profiles.getProfile('lazy')).toMatchObject({ events: 1 });
    expect((await profiles.get('lazy'))!.stale).toBeUndefined();
    expect(await builder.profiles.get('lazy')).toMatchObject({ profile: { events: 1 } });
    expect(await builder.profiles.getProfile('nobody')).toBeUndefined();
    expect(await profiles.get('nobody')).toBeUndefined();
    const eager = new ProfileBuilder({ profiles, catalog: (await setup()).catalog, eagerViews: true });
    await eager.applyEvents([event({ type: 'order', userId: 'eager' })]);
    expect(await profiles.getProfile('eager')).toMatchObject({ events: 1 });
  });

  it('skips events it has already applied (redelivery) and touches only their shopper', async () => {
    const { builder, profiles } = await setup();
    const first = event({ type: 'order', userId: 'a' });
    await builder.applyEvents([first, event({ type: 'view', userId: 'b' })]);
    const bBefore = await profiles.get('b');
    const result = await builder.applyEvents([first, event({ type: 'view', userId: 'a' })]);
    expect(result).toEqual({ applied: 1, skipped: 1, shoppers: 1 });
    expect((await builder.getProfile('a'))!.events).toBe(2);
    expect((await profiles.get('b'))!.version).toBe(bBefore!.version);
  });
});

const TYPES = ['order', 'view', 'rating', 'search', 'add_to_cart'] as const;
const ITEMS: Record<string, string[]> = {
  samokat: ['milk-oat', 'milk-cow', 'milk-premium', 'tofu', 'beer'],
  kuper: ['protein', 'vitamins', 'apples'],
  megamarket: ['headphones', 'cat-food'],
};

const eventArbitrary = fc
  .record({
    type: fc.constantFrom(...TYPES),
    service: fc.constantFrom('samokat', 'kuper', 'megamarket'),
    item: fc.nat(4),
    // Two years of event times, so windows move and prune while events arrive.
    minutes: fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }),
    rating: fc.integer({ min: 1, max: 5 }),
    price: fc.option(fc.integer({ min: 1, max: 100_000 }).map((k) => k / 100), { nil: undefined }),
    query: fc.constantFrom('Молоко', 'молоко ', 'protein', 'кошачий корм'),
    // A few shared order ids (and lines without one), so distinct-order counting meets every arrival order.
    orderId: fc.option(fc.constantFrom('o1', 'o2', 'o3'), { nil: undefined }),
  });

describe('ProfileBuilder properties', () => {
  it('replaying the same events in any order, batching and with duplicates gives the same profile', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArbitrary, { minLength: 1, maxLength: 60 }),
        fc.infiniteStream(fc.nat(1_000)),
        fc.integer({ min: 1, max: 7 }),
        async (raw, randomness, batchSize) => {
          const events: ShopEvent[] = raw.map((r, index) => {
            const items = ITEMS[r.service]!;
            const ts = new Date(Date.UTC(2024, 0, 1) + r.minutes * 60_000).toISOString();
            const base = { id: `p${index}`, userId: 'prop', service: r.service, ts } as ShopEvent;
            if (r.type === 'search') return { ...base, type: 'search', query: r.query };
            const withItem = { ...base, type: r.type, itemId: items[r.item % items.length]! };
            if (r.type === 'rating') return { ...withItem, rating: r.rating };
            if (r.type !== 'order') return withItem;
            const order = r.orderId !== undefined ? { ...withItem, orderId: r.orderId } : withItem;
            return r.price !== undefined ? { ...order, price: r.price } : order;
          });
          const first = await setup();
          await first.builder.applyEvents(events);
          const expected = await first.builder.getProfile('prop');

          const it = randomness[Symbol.iterator]();
          const shuffled = [...events, ...events.filter(() => it.next().value % 3 === 0)];
          for (let i = shuffled.length - 1; i > 0; i -= 1) {
            const j = it.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const second = await setup();
          for (let i = 0; i < shuffled.length; i += batchSize) await second.builder.applyEvents(shuffled.slice(i, i + batchSize));
          expect(await second.builder.getProfile('prop')).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
