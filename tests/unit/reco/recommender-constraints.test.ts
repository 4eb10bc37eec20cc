import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import type { Recommendation } from '../../../core/reco/recommender/types.ts';
import { demoWorld, orders } from './support/demo-world.ts';

type World = Awaited<ReturnType<typeof demoWorld>>;
let world: World;
let meat: CatalogItem[];
let wine: CatalogItem[];
let pricey: CatalogItem[];

beforeAll(async () => {
  const { generateDemoData } = await import('../../../bots/demo-data/index.ts');
  const items = generateDemoData({ seed: 1, shoppers: 0 }).items;
  meat = items.filter((i) => i.service === 'samokat' && i.tags?.includes('meat')).slice(0, 8);
  wine = items.filter((i) => i.service === 'samokat' && i.tags?.includes('alcohol')).slice(0, 4);
  pricey = items.filter((i) => i.service === 'megamarket' && i.price > 20_000).slice(0, 5);
  const history = (id: string, list: CatalogItem[], service: CatalogItem['service']) =>
    orders(id, service, [40, 30, 20, 10, 5].map((daysAgo) => ({ daysAgo, items: list.map((i) => i.id) })));
  world = await demoWorld({ extraEvents: [
    ...history('meat-lover', meat, 'samokat'), ...history('wine-lover', wine, 'samokat'),
    ...history('big-spender', pricey, 'megamarket'),
  ] });
}, 120_000);

const ids = (recs: Recommendation[]) => recs.map((r) => `${r.item.service}:${r.item.id}`);

describe('hard constraints on adversarial shoppers', () => {
  it('a vegan request never gets meat or fish, even for a shopper who only ever bought meat', async () => {
    const baseline = await world.recommender.recommend({ shopperId: 'meat-lover', service: 'samokat', limit: 10 });
    expect(baseline.some((r) => r.item.tags?.includes('meat'))).toBe(true); // the history really pushes meat
    for (const query of [undefined, 'колбаса', 'курица', 'ветчина на ужин', 'sausage']) {
      const recs = await world.recommender.recommend({ shopperId: 'meat-lover', service: 'samokat', diet: 'vegan', query, limit: 10 });
      for (const r of recs) {
        expect(r.item.tags ?? []).not.toContain('meat');
        expect(r.item.tags ?? []).not.toContain('fish');
      }
      const found = await world.recommender.search({ query: query ?? 'мясо', filters: { diet: 'vegan' }, limit: 20 });
      for (const r of found) expect(r.item.tags ?? []).not.toEqual(expect.arrayContaining(['meat']));
    }
  });

  it('a vegan diet stated in the profile is enforced without being repeated in the request', async () => {
    await world.builder.applyEvents(world.allEvents.filter((e) => e.userId === 'meat-lover'));
    await world.builder.addPreference('meat-lover', { kind: 'diet', value: 'vegan' });
    const recs = await world.recommender.recommend({ shopperId: 'meat-lover', service: 'samokat', limit: 10 });
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) expect(r.item.tags ?? []).not.toContain('meat');
    // Cow's milk carries no meat tag; vegan still excludes it because its shelf uses the vegan tag.
    const milk = await world.recommender.search({ query: 'молоко', shopperId: 'meat-lover', limit: 20 });
    for (const r of milk) if (r.item.category.startsWith('Молочные продукты')) expect(r.item.tags).toContain('vegan');
  });

  it('a budget is never exceeded, and an impossible budget gives nothing rather than a violation', async () => {
    const recs = await world.recommender.recommend({ shopperId: 'big-spender', service: 'megamarket', budget: 3000, limit: 10 });
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) expect(r.item.price).toBeLessThanOrEqual(3000);
    expect(await world.recommender.recommend({ shopperId: 'big-spender', budget: 0.5, limit: 10 })).toEqual([]);
  });

  it('alcohol and 18+ only with explicit consent', async () => {
    const without = await world.recommender.recommend({ shopperId: 'wine-lover', service: 'samokat', limit: 10 });
    for (const r of without) expect(r.item.tags ?? []).not.toEqual(expect.arrayContaining(['alcohol']));
    for (const r of without) expect(r.item.tags ?? []).not.toContain('18+');
    const searched = await world.recommender.search({ query: 'вино', limit: 20 });
    for (const r of searched) expect(r.item.tags ?? []).not.toContain('18+');
    const withConsent = await world.recommender.recommend({ shopperId: 'wine-lover', service: 'samokat', allowAdult: true, limit: 10 });
    expect(withConsent.some((r) => r.item.tags?.includes('alcohol'))).toBe(true);
  });

  it('unavailable items disappear as soon as the catalog says so', async () => {
    const before = await world.recommender.recommend({ shopperId: 'meat-lover', service: 'samokat', limit: 10 });
    const target = before[0]!.item;
    await world.catalog.upsertMany([{ ...target, available: false }]);
    const after = await world.recommender.recommend({ shopperId: 'meat-lover', service: 'samokat', limit: 10 });
    expect(ids(after)).not.toContain(`${target.service}:${target.id}`);
    const found = await world.recommender.search({ query: target.title.ru, limit: 20 });
    expect(ids(found)).not.toContain(`${target.service}:${target.id}`);
    await world.catalog.upsertMany([target]);
  });

  it('disliked words are respected', async () => {
    const recs = await world.recommender.search({ query: 'банан', filters: { dislikes: ['банан'] }, limit: 20 });
    for (const r of recs) expect(r.item.title.ru.toLowerCase()).not.toMatch(/банан/);
  });

  it('never violates any combination of constraints (property over the demo catalog)', async () => {
    const shopperIds = ['meat-lover', 'wine-lover', 'big-spender', ...world.data.shoppers.slice(0, 10).map((s) => s.id)];
    const request = fc.record({
      shopperId: fc.option(fc.constantFrom(...shopperIds), { nil: undefined }),
      service: fc.option(fc.constantFrom('samokat', 'kuper', 'megamarket') as fc.Arbitrary<'samokat' | 'kuper' | 'megamarket'>, { nil: undefined }),
      budget: fc.option(fc.integer({ min: 30, max: 5000 }), { nil: undefined }),
      diet: fc.option(fc.constantFrom('vegan', 'vegetarian', 'gluten_free', 'lactose_free') as fc.Arbitrary<'vegan'>, { nil: undefined }),
      excludeTags: fc.option(fc.subarray(['contains_nuts', 'spicy', 'meat', 'kids']), { nil: undefined }),
      allowAdult: fc.option(fc.boolean(), { nil: undefined }),
      query: fc.option(fc.constantFrom('молоко', 'завтрак', 'vegan snack', 'вино', 'шоколад с орехами', 'колбаса'), { nil: undefined }),
      category: fc.option(fc.constantFrom('Молочные продукты', 'Снеки/Орехи и сухофрукты', 'Алкоголь'), { nil: undefined }),
      limit: fc.integer({ min: 1, max: 12 }),
    });
    await fc.assert(fc.asyncProperty(request, async (req) => {
      const recs = await world.recommender.recommend(req);
      expect(recs.length).toBeLessThanOrEqual(req.limit);
      expect(new Set(ids(recs)).size).toBe(recs.length);
      for (const { item } of recs) {
        const tags = item.tags ?? [];
        expect(item.available).not.toBe(false);
        if (req.service) expect(item.service).toBe(req.service);
        if (req.budget !== undefined) expect(item.price).toBeLessThanOrEqual(req.budget);
        if (req.diet === 'vegan' || req.diet === 'vegetarian') { expect(tags).not.toContain('meat'); expect(tags).not.toContain('fish'); }
        for (const tag of req.excludeTags ?? []) expect(tags).not.toContain(tag);
        if (req.allowAdult !== true) { expect(tags).not.toContain('alcohol'); expect(tags).not.toContain('18+'); }
        if (req.category) expect(`${item.category}/`.startsWith(`${req.category}/`)).toBe(true);
      }
    }), { numRuns: 80 });
  });
});

describe('diversity', () => {
  it('never fills a general list with one shelf', async () => {
    for (const shopper of world.data.shoppers.slice(0, 15)) {
      const recs = await world.recommender.recommend({ shopperId: shopper.id, limit: 6 });
      const perShelf = new Map<string, number>();
      for (const r of recs) perShelf.set(r.item.category, (perShelf.get(r.item.category) ?? 0) + 1);
      expect(Math.max(0, ...perShelf.values())).toBeLessThanOrEqual(2);
    }
  });
});
