import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../../core/catalog/catalog-item.ts';
import type { ShopEvent } from '../../../../core/events/shop-event.ts';
import type { CardsReply, SerializableReply } from '../../../../core/reply.ts';
import { dailyOrders, item, shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

/** Scratching posts whose titles say "post", snacks of every diet and a cat's shelves, on top of the shared catalog. */
const ITEMS: CatalogItem[] = [
  item('m-post', 'megamarket', 'Когтеточка-столбик для кошек', 'Cat scratching post', 'Зоотовары/Когтеточки', 990),
  item('m-post2', 'megamarket', 'Когтеточка угловая', 'Corner scratching post', 'Зоотовары/Когтеточки', 690),
  item('s-bar', 'samokat', 'Батончик фруктовый', 'Fruit bar', 'Снеки/Батончики', 79, ['vegan']),
  item('s-jerky', 'samokat', 'Вяленое мясо', 'Beef jerky snack', 'Снеки/Мясные снеки', 199, ['meat']),
  item('s-banana', 'samokat', 'Бананы', 'Bananas', 'Овощи и фрукты/Фрукты', 99, ['vegan']),
  item('m-catfood', 'megamarket', 'Корм влажный для кошек Whiskas', 'Whiskas wet cat food', 'Зоотовары/Корм для кошек', 39),
  item('m-litter', 'megamarket', 'Наполнитель для кошачьего туалета', 'Cat litter', 'Зоотовары/Наполнители', 399),
  item('m-cattoy', 'megamarket', 'Игрушка для кошек мышка', 'Cat toy mouse', 'Зоотовары/Лакомства и игрушки', 199),
];

const order = dailyOrders(ITEMS, 'y', 159);

/** A vegan runner (fruit bars, oat milk, tofu, never meat) and a cat owner (cat food and litter every week). */
const EVENTS: ShopEvent[] = [
  ...[1, 5, 9, 13, 17].flatMap((d, i) => [
    order(i * 3, 'u-runner', 'samokat', 's-bar', d), order(i * 3 + 1, 'u-runner', 'samokat', 's-oat', d), order(i * 3 + 2, 'u-runner', 'kuper', 'k-tofu', d),
  ]),
  ...[2, 9, 16, 23].flatMap((d, i) => [order(i * 2, 'u-cat', 'megamarket', 'm-catfood', d), order(i * 2 + 1, 'u-cat', 'megamarket', 'm-litter', d)]),
];

const cardsOf = (replies: SerializableReply[]): CardsReply => {
  const found = replies.find((r): r is CardsReply => r.type === 'cards');
  if (!found) throw new Error(`no cards in ${JSON.stringify(replies)}`);
  return found;
};
const byId = new Map(ITEMS.map((i) => [i.id, i]));

describe('"post-run" is when the snack is for, never a product word', () => {
  for (const backend of ['catalog', 'recommender'] as const) {
    for (const [locale, text] of [
      ['en', 'I need something for a post-run snack'], ['en', 'what can I eat after my run?'],
      ['ru', 'что-нибудь перекусить после пробежки'], ['ru', 'что взять после тренировки?'],
    ] as const) {
      it(`${backend}: "${text}" suggests her snacks first, in her diet, and no scratching posts`, async () => {
        const world = await shoppingWorld({ items: ITEMS, events: EVENTS, backend });
        const c = world.chat({ shopperId: 'u-runner', locale });
        const reply = cardsOf(await c.send(text));
        expect(reply.cards.map((card) => card.itemId)).not.toContain('m-post');
        expect(reply.cards.map((card) => card.itemId)).not.toContain('m-post2');
        expect(reply.cards[0]!.itemId).toBe('s-bar');
        expect(reply.cards.some((card) => byId.get(card.itemId)?.tags?.includes('meat'))).toBe(false);
        for (const card of reply.cards) expect(card.reason ?? '').not.toMatch(/post|пробеж|тренир/iu);
      });
    }
  }
});

describe('"what should I buy for my cat?" from a cat owner', () => {
  for (const backend of ['catalog', 'recommender'] as const) {
    for (const [locale, text, personal] of [
      ['en', 'what should I buy for my cat?', /you order(?:ed)? (?:this|it)/u], ['ru', 'что купить для кошки?', /вы (?:берёте|заказывали) это/u],
    ] as const) {
      it(`${backend}: "${text}" shows her usual cat items first, with personal reasons and no "popular" header`, async () => {
        const world = await shoppingWorld({ items: ITEMS, events: EVENTS, backend });
        const c = world.chat({ shopperId: 'u-cat', locale });
        const reply = cardsOf(await c.send(text));
        expect(reply.cards.slice(0, 2).map((card) => card.itemId).sort()).toEqual(['m-catfood', 'm-litter']);
        for (const card of reply.cards.slice(0, 2)) expect(card.reason).toMatch(personal);
        expect(reply.cards.every((card) => /^m-(?:cat|litter|post)/u.test(card.itemId))).toBe(true);
        expect(reply.text).not.toMatch(/popular|популярн/iu);
      });
    }
  }
});

describe('a nut-free shopper asking for a snack', () => {
  for (const [locale, fact, ask] of [['en', 'nut-free please', 'something for a snack'], ['ru', 'без орехов, пожалуйста', 'что взять перекусить?']] as const) {
    it(`"${fact}" is kept, so "${ask}" shows no nuts`, async () => {
      const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
      const c = world.chat({ shopperId: 'u-new', locale });
      const stated = await c.send(fact);
      expect(stated.map((r) => ('text' in r ? r.text : '')).join(' ')).not.toMatch(/didn't quite get|не совсем понял/iu);
      const reply = cardsOf(await c.send(ask));
      expect(reply.cards.length).toBeGreaterThan(0);
      expect(reply.cards.map((card) => card.itemId)).not.toContain('s-nuts');
    });
  }
});
