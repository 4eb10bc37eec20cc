import { beforeAll, describe, expect, it } from 'vitest';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { foldText } from '../../../core/reco/embedding/text-features.ts';
import { searchableText } from '../../../core/reco/recommender/catalog-index.ts';
import { renderExplanation } from '../../../core/reco/recommender/explanations.ts';
import type { Recommendation } from '../../../core/reco/recommender/types.ts';
import { demoWorld, NOW } from './support/demo-world.ts';

const DAY = 86_400_000;
type World = Awaited<ReturnType<typeof demoWorld>>;
let world: World;
/** Per shopper: item key -> distinct order ids (or days) and their times, straight from the raw events. */
let ordersOf: Map<string, Map<string, Map<string, number>>>;

beforeAll(async () => {
  world = await demoWorld();
  ordersOf = new Map();
  for (const e of world.allEvents as ShopEvent[]) {
    if (e.type !== 'order' || !e.itemId) continue;
    const byItem = ordersOf.get(e.userId) ?? new Map<string, Map<string, number>>();
    const key = `${e.service}:${e.itemId}`;
    const orders = byItem.get(key) ?? new Map<string, number>();
    const orderKey = e.orderId ?? e.ts.slice(0, 10);
    orders.set(orderKey, Math.min(orders.get(orderKey) ?? Infinity, Date.parse(e.ts)));
    byItem.set(key, orders);
    ordersOf.set(e.userId, byItem);
  }
}, 120_000);

function shoppersWhoBought(key: string): Set<string> {
  const out = new Set<string>();
  for (const [shopper, items] of ordersOf) if (items.has(key)) out.add(shopper);
  return out;
}

/** Checks every fact of an explanation against the raw events and the catalog. */
function assertTrue(shopperId: string | undefined, rec: Recommendation): void {
  const key = `${rec.item.service}:${rec.item.id}`;
  const { reason, constraints } = rec.explanation;
  const mine = shopperId ? ordersOf.get(shopperId) ?? new Map() : new Map();
  switch (reason.kind) {
    case 'repurchase': {
      const times = [...(mine.get(key)?.values() ?? [])].sort((a, b) => a - b);
      expect(reason.facts.timesOrdered).toBe(times.length);
      expect(reason.facts.daysSinceLast).toBe(Math.round((NOW - times.at(-1)!) / DAY));
      if (reason.facts.everyDays !== undefined) {
        const gaps = times.slice(1).map((t, i) => (t - times[i]!) / DAY).sort((a, b) => a - b);
        expect(reason.facts.everyDays).toBe(Math.max(1, Math.round(gaps[gaps.length >> 1]!)));
        expect(rec.reason).toContain(String(reason.facts.everyDays));
      }
      break;
    }
    case 'bought_together': {
      const anchor = `${reason.facts.anchorService}:${reason.facts.anchorItemId}`;
      expect(mine.get(anchor)?.size ?? 0).toBeGreaterThanOrEqual(2); // "your usual"
      const both = [...shoppersWhoBought(anchor)].filter((s) => shoppersWhoBought(key).has(s));
      expect(both.length).toBeGreaterThanOrEqual(reason.facts.shoppers);
      expect(reason.facts.shoppers).toBeGreaterThanOrEqual(2);
      expect(rec.reason).toContain(reason.facts.anchorTitle);
      break;
    }
    case 'similar_shoppers':
      expect([...shoppersWhoBought(key)].filter((s) => s !== shopperId).length).toBeGreaterThanOrEqual(reason.facts.shoppers);
      expect(rec.reason).toContain(String(reason.facts.shoppers));
      break;
    case 'query_match': {
      const text = ` ${foldText(searchableText(rec.item))} `;
      for (const word of reason.facts.matchedWords) expect(text).toContain(` ${word} `);
      break;
    }
    case 'cross_service':
      expect(mine.has(`${reason.facts.fromService}:${reason.facts.anchorItemId}`)).toBe(true);
      expect(reason.facts.fromService).not.toBe(rec.item.service);
      break;
    case 'popular':
      expect(reason.facts.buyers).toBe(shoppersWhoBought(key).size);
      break;
    case 'catalog':
      expect(rec.item.category).toBe(reason.facts.category);
      break;
  }
  for (const tag of constraints.tags) expect(rec.item.tags).toContain(tag);
  if (constraints.underBudget !== undefined) expect(rec.item.price).toBeLessThanOrEqual(constraints.underBudget);
}

describe('explanations are true of the data they cite', () => {
  it('for every item recommended to many shoppers, in every mode', async () => {
    const kinds = new Set<string>();
    for (const shopper of world.data.shoppers.slice(0, 25)) {
      for (const request of [
        { shopperId: shopper.id, limit: 8 },
        { shopperId: shopper.id, service: 'samokat' as const, limit: 8 },
        { shopperId: shopper.id, service: 'kuper' as const, budget: 300, diet: 'vegetarian' as const, limit: 8 },
        { shopperId: shopper.id, query: 'что-нибудь на завтрак', limit: 5 },
      ]) {
        for (const rec of await world.recommender.recommend(request)) {
          assertTrue(shopper.id, rec);
          kinds.add(rec.explanation.reason.kind);
        }
      }
    }
    for (const rec of await world.recommender.recommend({ limit: 10 })) assertTrue(undefined, rec);
    expect([...kinds]).toEqual(expect.arrayContaining(['repurchase', 'query_match']));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
  });

  it('search explanations cite only words the item really has', async () => {
    for (const query of ['йогурт без сахара', 'vegan milk', 'наушники беспроводные', 'творох', 'корм для кошки']) {
      for (const rec of await world.recommender.search({ query, limit: 10 })) assertTrue(undefined, rec);
    }
  });
});

describe('renderExplanation', () => {
  const repurchase = { reason: { kind: 'repurchase' as const, facts: { timesOrdered: 7, everyDays: 5, daysSinceLast: 6, due: true } },
    constraints: { tags: ['vegan'], underBudget: 300 } };

  it('a recommendation for a request never gives a "close in meaning" reason: a query match cites the item\'s words', async () => {
    for (const query of ['посоветуешь', 'do you', 'm over wine', 'что-то интересное', 'молоко']) {
      for (const locale of ['ru', 'en'] as const) {
        for (const rec of await world.recommender.recommend({ query, limit: 10, locale })) {
          assertTrue(undefined, rec);
          if (rec.explanation.reason.kind === 'query_match') expect(rec.explanation.reason.facts.matchedWords.length).toBeGreaterThan(0);
          expect(rec.reason).not.toMatch(/близко по смыслу|close in meaning/);
        }
      }
    }
  });

  it('a reason never cites a preposition, a particle, a unit or a bare number as the matched word', async () => {
    const notContent = new Set(['на', 'с', 'для', 'в', 'и', 'for', 'with', 'the', 'of', 'л', 'г', 'шт']);
    const isNotContent = (word: string) => notContent.has(word) || /^\d+$/.test(word);
    for (const query of ['подарок маме на 8 марта', 'gift for 2', 'сок для детей 1 л', 'шоколад с орехами', 'pasta with tomato',
      'батарейки AA 4 шт', 'чехол для iphone 15']) {
      for (const locale of ['ru', 'en'] as const) {
        const recs = [...await world.recommender.recommend({ query, limit: 10, locale }),
          ...await world.recommender.search({ query, limit: 10, locale })];
        for (const rec of recs) {
          assertTrue(undefined, rec);
          if (rec.explanation.reason.kind !== 'query_match') continue;
          for (const word of rec.explanation.reason.facts.matchedWords) expect(isNotContent(word), `${query}: ${rec.reason}`).toBe(false);
          // The rendered text too: «подходит под «на 8»», "matches “for”".
          const cited = /^(?:подходит под «|matches “)([^»”]*)/u.exec(rec.reason)?.[1];
          for (const word of cited?.split(' ') ?? []) expect(isNotContent(word), `${query}: ${rec.reason}`).toBe(false);
        }
      }
    }
  });

  it('a normal request still cites its content words', async () => {
    for (const [query, expected] of [['корм для кошки', ['корм']], ['шоколад с орехами', ['орехами', 'шоколад']],
      ['молоко 2 л', ['молоко']]] as const) {
      const recs = await world.recommender.recommend({ query, limit: 5 });
      expect(recs.length).toBeGreaterThan(0);
      for (const rec of recs) {
        expect(rec.explanation.reason.kind).toBe('query_match');
        if (rec.explanation.reason.kind !== 'query_match') continue;
        expect(rec.explanation.reason.facts.matchedWords.some((w) => (expected as readonly string[]).includes(w)), rec.reason).toBe(true);
        expect(rec.reason).toMatch(/^подходит под «/);
      }
    }
  });

  it('renders Russian and English with plural forms', () => {
    expect(renderExplanation(repurchase, 'ru')).toBe('вы берёте это примерно раз в 5 дней; последний раз — 6 дней назад; веганское, до 300 ₽');
    expect(renderExplanation(repurchase, 'en')).toBe('you order this about every 5 days; last time 6 days ago; vegan, under 300 ₽');
    const one = { ...repurchase, reason: { ...repurchase.reason, facts: { ...repurchase.reason.facts, everyDays: 21, daysSinceLast: 1 } },
      constraints: { tags: [] } };
    expect(renderExplanation(one, 'ru')).toBe('вы берёте это примерно раз в 21 день; последний раз — 1 день назад');
  });

  it('uses a translate function when it knows the key, and the built-in template otherwise', () => {
    const t = (key: string, vars?: Record<string, string | number>) =>
      key === 'reco.reason.repurchase' ? `every ${vars!.everyDays}d, last ${vars!.daysSinceLast}d (${vars!.constraints})` : key;
    expect(renderExplanation(repurchase, 'en', t)).toBe('every 5d, last 6d (vegan, under 300 ₽)');
    const popular = { reason: { kind: 'popular' as const, facts: { buyers: 3 } }, constraints: { tags: [] } };
    expect(renderExplanation(popular, 'ru', t)).toBe('популярно: купили 3 покупателя');
  });
});
