import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../../core/catalog/catalog-item.ts';
import type { ShopEvent } from '../../../../core/events/shop-event.ts';
import type { CardsReply, SerializableReply } from '../../../../core/reply.ts';
import { dailyOrders, item, shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

/** Ready meals that say "гречка", and the groats whose title says "гречневая" (the shared catalog has "Гречка Увелка"). */
const ITEMS: CatalogItem[] = [
  item('s-meal-1', 'samokat', 'Гречка с грибами Самокат, 300 г', 'Samokat buckwheat with mushrooms', 'Готовая еда/Горячие блюда', 179, ['vegan']),
  item('s-meal-2', 'samokat', 'Гречка с грибами Вкусвилл, 300 г', 'VkusVill buckwheat with mushrooms', 'Готовая еда/Горячие блюда', 179, ['vegan']),
  item('s-meal-3', 'samokat', 'Гречка с грибами Готово!, 300 г', 'Gotovo! buckwheat with mushrooms', 'Готовая еда/Горячие блюда', 239, ['vegan']),
  item('k-groats', 'kuper', 'Крупа гречневая ядрица Националь, 900 г', 'Natsional buckwheat groats, 900 g', 'Бакалея/Крупы', 119, ['vegan']),
  item('s-soup', 'samokat', 'Суп куриный с лапшой, 350 г', 'Chicken noodle soup, 350 g', 'Готовая еда/Супы', 259, ['meat']),
  item('s-yoghurt', 'samokat', 'Йогурт греческий Teos, 2%', 'Teos Greek yoghurt, 2%', 'Молочные продукты/Йогурты', 99, ['vegetarian']),
];

const order = dailyOrders(ITEMS, 'g', 119);

/** A runner who buys the same groats every few days. */
const EVENTS: ShopEvent[] = [2, 6, 10, 14, 18, 22].map((day, i) => order(i, 'u-groats', 'kuper', 'k-groats', day));

const cardsOf = (replies: SerializableReply[]): CardsReply => {
  const found = replies.find((r): r is CardsReply => r.type === 'cards');
  if (!found) throw new Error(`no cards in ${JSON.stringify(replies)}`);
  return found;
};
const ids = (reply: CardsReply) => reply.cards.map((card) => card.itemId);

describe('"гречка" finds what the title calls "гречневая"', () => {
  it('a shopper who buys the groats every time gets them before the ready meals', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-groats', locale: 'ru' });
    const shown = ids(cardsOf(await c.send('гречка')));
    expect(shown).toContain('k-groats');
    for (const meal of ['s-meal-1', 's-meal-2', 's-meal-3']) {
      if (shown.includes(meal)) expect(shown.indexOf('k-groats')).toBeLessThan(shown.indexOf(meal));
    }
    expect(shown).not.toContain('s-yoghurt');
  });

  it('a shopper without that habit gets the products that say "гречка" first, the groats after them', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-new', locale: 'ru' });
    const shown = ids(cardsOf(await c.send('гречка')));
    expect(shown).toContain('k-groats');
    const exact = ['k-buckwheat', 's-meal-1', 's-meal-2', 's-meal-3'].filter((id) => shown.includes(id));
    expect(exact.length).toBeGreaterThan(0);
    for (const id of exact) expect(shown.indexOf(id)).toBeLessThan(shown.indexOf('k-groats'));
    expect(shown).not.toContain('s-yoghurt');
  });

  it('"суп с курицей" answers with the chicken soup', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-new', locale: 'ru' });
    expect(ids(cardsOf(await c.send('суп с курицей')))[0]).toBe('s-soup');
  });
});
