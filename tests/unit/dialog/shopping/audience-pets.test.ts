import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../../core/catalog/catalog-item.ts';
import type { ShopEvent } from '../../../../core/events/shop-event.ts';
import type { ProductCard } from '../../../../core/reply.ts';
import { dailyOrders, item, shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

/** Kids' and pets' shelves, and a pizza whose title names cheese: on top of the shared fixture catalog. */
const ITEMS: CatalogItem[] = [
  item('k-puree', 'kuper', 'Пюре фруктовое детское ФрутоНяня', 'FrutoNyanya baby fruit purée', 'Детские товары/Детское питание', 59, ['vegan', 'kids']),
  item('k-porridge', 'kuper', 'Каша молочная детская Nestlé', 'Nestlé milk baby porridge', 'Детские товары/Детское питание', 209, ['vegetarian', 'kids']),
  item('m-nappies', 'megamarket', 'Подгузники Pampers', 'Pampers nappies', 'Детские товары/Подгузники', 1500, ['kids']),
  item('s-pizza4', 'samokat', 'Пицца «Фуд Лаб», Четыре сыра', 'Food Lab pizza, four cheeses', 'Готовая еда/Пицца', 449, ['vegetarian']),
  item('m-catfood', 'megamarket', 'Корм влажный для кошек Whiskas', 'Whiskas wet cat food', 'Зоотовары/Корм для кошек', 39),
  item('m-cattreat', 'megamarket', 'Лакомство для кошек Dreamies', 'Dreamies cat treats', 'Зоотовары/Лакомства и игрушки', 139),
  item('m-dogfood', 'megamarket', 'Корм сухой для собак Pedigree', 'Pedigree dry dog food', 'Зоотовары/Корм для собак', 899),
  item('m-dogtreat', 'megamarket', 'Лакомство для собак Pedigree', 'Pedigree dog treats', 'Зоотовары/Лакомства и игрушки', 149),
  item('m-doglead', 'megamarket', 'Поводок для собак', 'Dog lead', 'Зоотовары/Лакомства и игрушки', 590),
];

const order = dailyOrders(ITEMS, 'x', 100);

/** A family with a baby (purée and milk often, one pizza once) and a cat owner (cat food and treats, often). */
const EVENTS: ShopEvent[] = [
  ...[1, 5, 9, 13, 17].flatMap((d, i) => [order(i * 3, 'u-family', 'kuper', 'k-puree', d), order(i * 3 + 1, 'u-family', 'kuper', 'k-milk', d)]),
  order(99, 'u-family', 'samokat', 's-pizza4', 20),
  ...[2, 9, 16, 23].flatMap((d, i) => [order(i * 2, 'u-cat', 'megamarket', 'm-catfood', d), order(i * 2 + 1, 'u-cat', 'megamarket', 'm-cattreat', d)]),
  order(50, 'u-cat', 'samokat', 's-milk', 20),
];

const byId = new Map(ITEMS.map((i) => [i.id, i]));
const isKids = (card: ProductCard) => byId.get(card.itemId)?.tags?.includes('kids') === true;
const forCats = (card: ProductCard) => /^m-cat/.test(card.itemId);
const forDogs = (card: ProductCard) => /^m-dog/.test(card.itemId);
const CYRILLIC = /\p{Script=Cyrillic}/u;

describe('who the goods are for: a child', () => {
  it('"а что-нибудь для ребёнка на завтрак?" suggests baby food, and a one-off pizza is no breakfast', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-family' });
    await c.send('а что-нибудь для ребёнка на завтрак?');
    const cards = c.expectCards({ min: 1, every: (card) => isKids(card) && card.itemId !== 'm-nappies' });
    expect(cards.cards.map((card) => card.itemId)).toContain('k-porridge');
    await c.send('что взять на завтрак?');
    c.expectCards({ min: 1, every: (card) => card.itemId !== 's-pizza4' && !/Пицца/.test(card.title) });
  });

  it('"something for my kid for breakfast" and "what for the baby?" in English', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-family' });
    await c.send('something for my kid for breakfast');
    c.expectCards({ min: 1, every: (card) => isKids(card) && card.itemId !== 'm-nappies' && !CYRILLIC.test(card.reason ?? '') });
    await c.send('what should I buy for the baby?');
    c.expectCards({ min: 1, every: (card) => isKids(card) && !CYRILLIC.test(card.reason ?? '') });
  });

  it('where no kids\' food is sold, "breakfast for the kids" is the usual breakfast, never nappies', async () => {
    const nappies = ITEMS.filter((i) => i.id === 'm-nappies');
    const world = await shoppingWorld({ items: nappies });
    for (const text of ['recommend breakfast for the kids', 'что взять на завтрак для детей']) {
      const c = world.chat();
      await c.send(text);
      c.expectCards({ min: 1, every: (card) => card.itemId !== 'm-nappies' });
    }
  });

  it('a pizza is still a party food, and a gift for a child is still a toy request', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS, backend: 'recommender' });
    const c = world.chat({ shopperId: 'u-family' });
    await c.send('что-нибудь для ребёнка на завтрак в Купере');
    c.expectCards({ min: 1, every: (card) => isKids(card) && card.service === 'kuper' });
    await c.send('что взять на вечеринку в Самокате?');
    c.expectCards({ min: 1, every: (card) => card.service === 'samokat' });
  });
});

describe('a pet that changed', () => {
  it('"у меня теперь собака, а не кошка": noted, cat goods stop, dog food first', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-cat' });
    await c.send('что мне взять в Мегамаркете?');
    c.expectCards({ min: 1 });
    expect(c.shownCards.some(forCats)).toBe(true);
    await c.send('у меня теперь собака, а не кошка');
    c.expectReply(/собака[\s\S]*товары для кошек больше не предлагаю/);
    // What was on screen is shown again without the cat's goods.
    c.expectCards({ min: 1, every: (card) => !forCats(card) });
    await c.send('что мне взять в Мегамаркете?');
    c.expectCards({ min: 1, every: (card) => !forCats(card) });
    await c.send('а что-нибудь для собаки?');
    const dog = c.expectCards({ min: 2, every: forDogs });
    expect(dog.cards[0]!.itemId).toBe('m-dogfood');
    await c.send('что ты обо мне знаешь?');
    c.expectReply(/у вас собака[\s\S]*без товаров для кошек|без товаров для кошек[\s\S]*у вас собака/);
  });

  it('"I don\'t have a cat anymore, I have a dog now", then "what for my dog?"', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS, backend: 'recommender' });
    const c = world.chat({ shopperId: 'u-cat' });
    await c.send("I don't have a cat anymore, I have a dog now");
    c.expectReply(/you have a dog now[\s\S]*won't suggest cat products/);
    await c.send('what should I get at Megamarket?');
    const after = c.replies.flatMap((r) => (r.type === 'cards' ? r.cards : []));
    expect(after.some(forCats)).toBe(false);
    await c.send('what for my dog?');
    const dog = c.expectCards({ min: 2, every: forDogs });
    expect(dog.cards[0]!.itemId).toBe('m-dogfood');
  });

  it('the pet button and a dog that came back', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-cat' });
    await c.send('у меня больше нет кошки');
    c.expectReply(/товары для кошек больше не предлагаю/);
    await c.send('у меня теперь кошка');
    c.expectReply(/теперь у вас кошка/);
    await c.send('что-нибудь для кошки');
    c.expectCards({ min: 1, every: forCats });
  });
});

describe('catalog text in English replies', () => {
  it('names shelves in English, or not at all', async () => {
    for (const backend of ['catalog', 'recommender'] as const) {
      const world = await shoppingWorld({ items: ITEMS, events: EVENTS, backend });
      const c = world.chat({ shopperId: 'u-cat' });
      await c.send('what should I get at Megamarket?');
      c.expectCards({ min: 1, every: (card) => !CYRILLIC.test(card.reason ?? '') });
      await c.send('what should I get?');
      c.expectCards({ min: 1, every: (card) => !CYRILLIC.test(card.reason ?? '') });
    }
  });

  it('says "you often buy “Treats and toys”" for a shelf the shopper buys from', async () => {
    const world = await shoppingWorld({ items: ITEMS, events: EVENTS });
    const c = world.chat({ shopperId: 'u-cat' });
    await c.send('what should I get at Megamarket?');
    expect(c.lastText + c.shownCards.map((card) => card.reason).join(' ')).toMatch(/you often buy “(?:Treats and toys|Cat food)”/);
    const ru = world.chat({ shopperId: 'u-cat' });
    await ru.send('что мне взять в Мегамаркете?');
    expect(ru.shownCards.map((card) => card.reason).join(' ')).toMatch(/вы часто берёте «(?:Лакомства и игрушки|Корм для кошек)»/);
  });
});
