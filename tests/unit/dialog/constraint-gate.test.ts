import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import { select } from '../../../dialogs/shopping-assistant/flows/present.ts';
import type { ShoppingQuery, Suggestion } from '../../../dialogs/shopping-assistant/ports.ts';
import type { LastRequest } from '../../../dialogs/shopping-assistant/shop-memory.ts';

const SERVICES = ['samokat', 'megamarket', 'kuper'] as const;
const TAGS = ['vegan', 'vegetarian', 'lactose_free', 'gluten_free', 'contains_nuts', 'meat', 'fish', 'alcohol', '18+'] as const;
const WORDS = ['молоко', 'сыр', 'кинза', 'хлеб', 'орехи', 'курица', 'paste', 'rice', 'tofu'] as const;

const itemArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  service: fc.constantFrom(...SERVICES),
  words: fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
  price: fc.integer({ min: 1, max: 3000 }),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 4 }),
  food: fc.boolean(),
  available: fc.option(fc.boolean(), { nil: undefined }),
}).map((r): CatalogItem => ({
  id: r.id, service: r.service, title: { ru: r.words.join(' ') }, category: r.food ? 'Продукты/Разное' : 'Электроника/Разное',
  price: r.price, currency: 'RUB', tags: r.tags, ...(r.available === undefined ? {} : { available: r.available }),
}));

const queryArb = fc.record({
  service: fc.option(fc.constantFrom(...SERVICES), { nil: undefined }),
  budget: fc.option(fc.integer({ min: 50, max: 5000 }), { nil: undefined }),
  requireTags: fc.uniqueArray(fc.constantFrom('vegan', 'vegetarian', 'lactose_free', 'gluten_free'), { maxLength: 2 }),
  excludeTags: fc.uniqueArray(fc.constantFrom('contains_nuts', 'meat', 'fish', 'alcohol'), { maxLength: 2 }),
  dislikes: fc.uniqueArray(fc.constantFrom('кинз', 'сыр', 'rice'), { maxLength: 2 }),
  kind: fc.constantFrom('recommend' as const, 'search' as const),
});

const IMPLIED: Record<string, string[]> = { vegetarian: ['vegan'], lactose_free: ['vegan'] };

describe('the constraint gate before anything is shown', () => {
  it('never lets through an item that breaks a stated constraint, and keeps a recommendation within the budget', () => {
    fc.assert(fc.property(fc.array(itemArb, { maxLength: 40 }), queryArb, (items, q) => {
      const query: ShoppingQuery = {
        locale: 'ru', requireTags: q.requireTags, excludeTags: q.excludeTags, dislikes: q.dislikes, excludeItems: [],
        personalize: false, limit: 5, ...(q.service ? { service: q.service } : {}), ...(q.budget ? { budget: q.budget } : {}),
        ...(q.kind === 'search' ? { text: 'x' } : {}),
      };
      const request: LastRequest = { kind: q.kind, requireTags: q.requireTags, excludeTags: q.excludeTags,
        ...(q.budget ? { budget: q.budget } : {}), ...(q.kind === 'search' ? { text: 'x' } : {}) };
      const found: Suggestion[] = items.map((item) => ({ item, reasons: [] }));
      const shown = select(found, query, request, 5);
      expect(shown.length).toBeLessThanOrEqual(5);
      for (const { item } of shown) {
        const tags = item.tags ?? [];
        expect(item.available).not.toBe(false);
        if (q.service) expect(item.service).toBe(q.service);
        if (q.budget) expect(item.price).toBeLessThanOrEqual(q.budget);
        for (const tag of q.excludeTags) expect(tags).not.toContain(tag);
        for (const tag of q.requireTags) {
          if ((tag === 'vegan' || tag === 'vegetarian')) expect(tags.some((t) => t === 'meat' || t === 'fish')).toBe(false);
          const food = item.category.startsWith('Продукты') || tags.some((t) => !['alcohol', '18+'].includes(t));
          if (food) expect(tags.includes(tag) || (IMPLIED[tag] ?? []).some((t) => tags.includes(t))).toBe(true);
        }
        for (const word of q.dislikes) expect(item.title.ru).not.toContain(word);
      }
      if (q.kind === 'recommend' && q.budget) {
        expect(shown.reduce((sum, s) => sum + s.item.price, 0)).toBeLessThanOrEqual(q.budget);
      }
      if (q.kind === 'recommend') for (const { item } of shown) expect(item.tags ?? []).not.toContain('alcohol');
    }), { numRuns: 400 });
  });
});
