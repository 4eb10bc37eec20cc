import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../../core/catalog/catalog-item.ts';
import type { ShopEvent } from '../../../../core/events/shop-event.ts';
import type { ProductCard } from '../../../../core/reply.ts';
import { extractRecommendText } from '../../../../dialogs/shopping-assistant/extract.ts';
import { namesOnlyPet } from '../../../../dialogs/shopping-assistant/pets.ts';
import { dailyOrders, item, shoppingRecognizer, shoppingWorld } from './fixture.ts';

/** A pet stated as a plain fact ("у меня кошка", "у нас собака") is remembered like a pet that changed. */
beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

const ITEMS: CatalogItem[] = [
  item('m-catfood', 'megamarket', 'Корм влажный для кошек Whiskas', 'Whiskas wet cat food', 'Зоотовары/Корм для кошек', 39),
  item('m-catlitter', 'megamarket', 'Наполнитель для кошачьего туалета', 'Cat litter', 'Зоотовары/Наполнители', 299),
  item('m-cattreat', 'megamarket', 'Лакомство для кошек Dreamies', 'Dreamies cat treats', 'Зоотовары/Лакомства и игрушки', 139),
  item('m-dogfood', 'megamarket', 'Корм сухой для собак Pedigree', 'Pedigree dry dog food', 'Зоотовары/Корм для собак', 899),
  item('m-dogtreat', 'megamarket', 'Лакомство для собак Pedigree', 'Pedigree dog treats', 'Зоотовары/Лакомства и игрушки', 149),
];

const order = dailyOrders(ITEMS, 'p', 100);

/** A cat owner who buys cat food and treats every week. */
const EVENTS: ShopEvent[] = [2, 9, 16, 23].flatMap((d, i) => [
  order(i * 2, 'u-cat', 'megamarket', 'm-catfood', d), order(i * 2 + 1, 'u-cat', 'megamarket', 'm-cattreat', d),
]);

const forCats = (card: ProductCard) => /^m-cat/.test(card.itemId);
const forDogs = (card: ProductCard) => /^m-dog/.test(card.itemId);

describe('a pet stated as a fact', () => {
  it('"У меня кошка, что ей взять?" remembers the cat and answers with cat goods, food first', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-cat' });
    await c.send('У меня кошка, что ей взять?');
    c.expectReply({ key: 'assistant:noted_pets', vars: { list: 'у вас кошка' } });
    const cards = c.expectCards({ min: 2, every: forCats });
    expect(cards.cards[0]!.itemId).toBe('m-catfood');
    // No search for the word "кошка", and no "popular picks" for a shopper whose cat food is in every order.
    expect(c.lastText).not.toMatch(/по запросу|популярн/);
    expect((await world.profiles.getProfile('u-cat'))?.preferences).toContainEqual(expect.objectContaining({ kind: 'like', value: 'pet_cat' }));
    await c.send('что ты обо мне знаешь?');
    c.expectReply(/ваши предпочтения: у вас кошка/);
  });

  it('with the recommender too: "У меня кошка, что ей взять?" is the cat\'s shelves, never a search for "кошка ей"', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS, backend: 'recommender' });
    const c = world.chat({ shopperId: 'u-cat' });
    await c.send('У меня кошка, что ей взять?');
    c.expectCards({ min: 2, every: (card) => forCats(card) && !/«кош/.test(card.reason ?? '') });
    expect(c.lastText).not.toMatch(/популярн/);
    // The demo catalog's text match answered "кошка ей" with "popular" cat food matched on the word; this fixture's
    // does not, so the words left after the pet's name are pinned here too.
    for (const text of ['У меня кошка, что ей взять?', 'у нас две кошки, что им купить?', 'у меня кот, что для него взять?']) {
      expect(namesOnlyPet(extractRecommendText(text)), text).toBe(true);
    }
  });

  it('"у нас собака" is remembered like a change ("у вас собака", not "теперь"), and the button shows dog goods', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-dog' });
    await c.send('у нас собака');
    c.expectReply({ key: 'assistant:noted_pets', vars: { list: 'у вас собака' } });
    c.expectNoCards();
    expect((await world.profiles.getProfile('u-dog'))?.preferences).toContainEqual(expect.objectContaining({ kind: 'like', value: 'pet_dog' }));
    await c.press('Что взять собаке?');
    const dog = c.expectCards({ min: 2, every: forDogs });
    expect(dog.cards[0]!.itemId).toBe('m-dogfood');
  });

  it('other plain wordings: "у меня есть кот", "у нас две кошки, посоветуй что-нибудь", and the budget said with them', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    for (const text of ['у меня есть кот', 'у нас две кошки']) {
      const c = world.chat({ shopperId: 'u-new' });
      await c.send(text);
      c.expectReply({ key: 'assistant:noted_pets', vars: { list: 'у вас кошка' } });
    }
    const c = world.chat({ shopperId: 'u-new' });
    await c.send('у нас две кошки, посоветуй что-нибудь до 200 рублей');
    c.expectReply({ key: 'assistant:noted_pets', vars: { list: 'у вас кошка' } });
    c.expectCards({ min: 1, every: (card) => forCats(card) && card.price <= 200 });
  });

  it('"у меня нет кошки", "у нас нет собаки" state no pet; a change still reads as news', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-new' });
    await c.send('у меня нет кошки');
    expect(c.lastText).not.toMatch(/у вас кошка/);
    await c.send('у нас теперь собака');
    c.expectReply({ key: 'assistant:noted_pets', vars: { list: 'теперь у вас собака' } });
  });

  it('in English the twin reply: "I have a cat, what should I get for her?" notes the cat and shows cat goods', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-cat', locale: 'en' });
    await c.send('I have a cat, what should I get for her?');
    c.expectReply(/cat/);
    c.expectCards({ min: 2, every: forCats });
  });
});
