import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { createRecommender } from '../../../core/reco/recommender/recommender.ts';
import { MemoryCatalogStore } from '../../../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../../../core/stores/memory-event-store.ts';

const item = (id: string, ru: string, category: string, price: number, tags: string[] = []): CatalogItem =>
  ({ id, service: 'samokat', title: { ru, en: ru }, category, price, currency: 'RUB', tags });

const ITEMS = [
  item('pasta', 'Спагетти', 'Бакалея/Макароны', 119, ['vegan']),
  item('sauce', 'Соус томатный', 'Бакалея/Соусы', 229, ['vegan']),
  item('cheese', 'Пармезан', 'Сыры/Твёрдые сыры', 899, ['vegetarian']),
  item('bread', 'Хлеб', 'Хлеб и выпечка/Хлеб', 65, ['vegan']),
];

/** Four shoppers buy pasta with sauce, two of them parmesan too; one buys bread alone. */
function events(): ShopEvent[] {
  const out: ShopEvent[] = [];
  const add = (userId: string, itemId: string) => out.push({ id: `${userId}-${itemId}`, userId, service: 'samokat', type: 'order', itemId,
    orderId: `o-${userId}`, ts: '2026-10-01T10:00:00Z', quantity: 1, price: 100 });
  for (const u of ['a', 'b', 'c', 'd']) { add(u, 'pasta'); add(u, 'sauce'); }
  for (const u of ['a', 'b']) add(u, 'cheese');
  add('e', 'bread');
  return out;
}

async function recommender() {
  const catalog = new MemoryCatalogStore();
  await catalog.upsertMany(ITEMS);
  const store = new MemoryEventStore();
  const list = events();
  await store.appendMany(list);
  const reco = createRecommender({ catalog, events: store, now: () => Date.parse('2026-11-01T00:00:00Z') });
  reco.observe(list);
  return reco;
}

describe('Recommender.boughtWith: what other shoppers buy together with one item', () => {
  it('answers the co-purchased items with how many shoppers bought both, best first, never the item itself', async () => {
    const found = await (await recommender()).boughtWith({ service: 'samokat', itemId: 'pasta' });
    expect(found.map((b) => [b.item.id, b.shoppers])).toEqual([['sauce', 4], ['cheese', 2]]);
  });

  it('keeps the hard constraints: a vegan gets no parmesan, a budget of 500 none either', async () => {
    const reco = await recommender();
    expect((await reco.boughtWith({ service: 'samokat', itemId: 'pasta', filters: { diet: 'vegan' } })).map((b) => b.item.id)).toEqual(['sauce']);
    expect((await reco.boughtWith({ service: 'samokat', itemId: 'pasta', filters: { budget: 500 } })).map((b) => b.item.id)).toEqual(['sauce']);
  });

  it('answers nothing for an item bought with nothing (or unknown)', async () => {
    const reco = await recommender();
    expect(await reco.boughtWith({ service: 'samokat', itemId: 'bread' })).toEqual([]);
    expect(await reco.boughtWith({ service: 'kuper', itemId: 'nothing' })).toEqual([]);
  });
});
