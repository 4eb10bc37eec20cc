import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTag, itemOf } from './support/catalog.ts';
import type { Chat } from './support/client.ts';
import { regularShopper, veganShopper } from './support/shoppers.ts';
import { cardsOf, expectEveryCard, expectText, startWorld, type World } from './support/world.ts';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.stop();
});

const ids = (chat: Chat): string[] => chat.cards().map((c) => c.itemId);
/** Links in the last answer. */
const links = (chat: Chat): string[] => chat.text().match(/https?:\/\/\S+/g) ?? [];
const PAID = /оплачен|списал|charged|paid for|payment (?:is )?complete/i;

describe('search', () => {
  it('ru: "найди безлактозное молоко" finds lactose-free milk first, never a sold-out one', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('найди безлактозное молоко');
    const cards = expectEveryCard(chat, 'lactose-free', (c) => hasTag(c.itemId, 'lactose_free'), 2);
    expect(hasTag(cards[0]!.itemId, 'lactose_free')).toBe(true);
    expect(ids(chat)).toEqual(expect.arrayContaining(['s-milk-lf', 'k-milk-lf']));
    expect(ids(chat)).not.toContain('s-milk-lf-out');
  });

  it('en: "find lactose-free milk" finds lactose-free milk first', async () => {
    const chat = await world.shopper({ locale: 'en' });
    await chat.send('find lactose-free milk');
    expectEveryCard(chat, 'lactose-free', (c) => hasTag(c.itemId, 'lactose_free'), 2);
    expect(ids(chat)).toEqual(expect.arrayContaining(['s-milk-lf', 'k-milk-lf']));
    expect(chat.cards().map((c) => c.title)).toContain('Valio lactose-free milk 1.5%');
  });

  it('ru and en: a search in one service stays in that service', async () => {
    const ru = await world.shopper({ locale: 'ru' });
    await ru.send('найди молоко в Купере');
    expectEveryCard(ru, 'from Kuper', (c) => c.service === 'kuper', 2);
    await ru.send('а в Самокате?');
    expectEveryCard(ru, 'from Samokat', (c) => c.service === 'samokat', 2);
    const en = await world.shopper({ locale: 'en' });
    await en.send('find a charger at Megamarket');
    expect(ids(en)).toContain('m-charger');
    expectEveryCard(en, 'from Megamarket', (c) => c.service === 'megamarket');
  });
});

describe('reorder', () => {
  it('ru: "повтори мой обычный заказ в Купере" and "как в прошлый раз" show those orders', async () => {
    const chat = await world.shopper({ locale: 'ru', history: regularShopper, name: 'reorder' });
    await chat.send('повтори мой обычный заказ в Купере');
    expect(ids(chat).sort()).toEqual(['k-bread', 'k-eggs', 'k-milk']);
    await chat.send('как в прошлый раз');
    expect(ids(chat).sort()).toEqual(['k-bread', 'k-buckwheat', 'k-milk']);
  });

  it('en: "repeat my usual order at Kuper", add it all, check out in Kuper\'s app', async () => {
    const chat = await world.shopper({ locale: 'en', history: regularShopper, name: 'reorder-en' });
    await chat.send('same as last time');
    expect(ids(chat).sort()).toEqual(['k-bread', 'k-buckwheat', 'k-milk']);
    await chat.send('repeat my usual order at Kuper');
    expect(ids(chat).sort()).toEqual(['k-bread', 'k-eggs', 'k-milk']);
    await chat.press(/add all/i);
    await chat.send("what's in my cart?");
    expect(ids(chat).sort()).toEqual(['k-bread', 'k-eggs', 'k-milk']);
    expectText(chat, /2 × 95/);
    await chat.send('checkout');
    const found = links(chat);
    expect(found.length, chat.transcript()).toBe(1);
    expect(found[0]).toMatch(/kuper/i);
    for (const id of ['k-milk', 'k-bread', 'k-eggs']) expect(found[0]).toContain(id);
    expect(chat.text()).not.toMatch(PAID);
  });

  it('ru: the usual order of a Samokat shopper, without naming the service', async () => {
    const chat = await world.shopper({ locale: 'ru', history: veganShopper, name: 'reorder-samokat' });
    await chat.send('повтори мой обычный заказ');
    expect(ids(chat)).toEqual(expect.arrayContaining(['s-oat-milk', 's-bananas', 's-tofu-bowl']));
    expectEveryCard(chat, 'from Samokat', (c) => c.service === 'samokat');
  });
});

describe('cart and checkout', () => {
  it('ru: "возьми второе", "ещё две такие", "что в корзине?", remove, checkout with a link per service', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('найди молоко в Самокате');
    const second = cardsOf(chat, 2)[1]!;
    await chat.send('возьми второе');
    expectText(chat, new RegExp(second.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await chat.send('ещё две такие');
    await chat.send('что в корзине?');
    expect(ids(chat)).toEqual([second.itemId]);
    expectText(chat, new RegExp(`3 × ${second.price}`));

    await chat.send('найди молоко в Купере');
    const kuperMilk = cardsOf(chat)[0]!;
    await chat.send('возьми первое');
    await chat.send('что в корзине?');
    expect(ids(chat).sort()).toEqual([kuperMilk.itemId, second.itemId].sort());

    await chat.send(`убери ${second.title} из корзины`);
    await chat.send('что в корзине?');
    expect(ids(chat)).toEqual([kuperMilk.itemId]);

    await chat.send('найди бананы');
    await chat.send('возьми первое');
    await chat.send('оформи заказ');
    const found = links(chat);
    expect(found.length, chat.transcript()).toBe(2);
    expect(found.find((l) => /samokat/i.test(l))).toContain('s-bananas');
    expect(found.find((l) => /kuper/i.test(l))).toContain(kuperMilk.itemId);
    expect(found.join(' ')).not.toContain(second.itemId);
    expect(chat.text()).not.toMatch(PAID);
  });

  it('en: "add the first one", "two more of those", "what\'s in my cart?", remove, checkout', async () => {
    const chat = await world.shopper({ locale: 'en' });
    await chat.send('find milk at Kuper');
    const first = cardsOf(chat)[0]!;
    await chat.send('add the first one');
    expectText(chat, new RegExp(first.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await chat.send('two more of those');
    await chat.send("what's in my cart?");
    expect(ids(chat)).toEqual([first.itemId]);
    expectText(chat, new RegExp(`3 × ${first.price}`));
    await chat.send('remove the milk');
    await chat.send("what's in my cart?");
    expect(chat.cards()).toEqual([]);
    await chat.send('find bananas');
    await chat.send('add the first one');
    await chat.send('checkout');
    const found = links(chat);
    expect(found.length, chat.transcript()).toBe(1);
    expect(found[0]).toMatch(/samokat/i);
    expect(found[0]).toContain('s-bananas');
  });

  it('a card\'s quick reply puts it in the cart', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('найди бананы');
    await chat.press('Взять первое');
    await chat.send('что в корзине?');
    expect(ids(chat)).toEqual(['s-bananas']);
  });
});

describe('why', () => {
  it('ru: "почему ты это посоветовал?" gives the grounded reason of the first card', async () => {
    const chat = await world.shopper({ locale: 'ru', history: regularShopper, name: 'why' });
    await chat.send('что посоветуешь?');
    const first = cardsOf(chat)[0]!;
    expect(first.reason).toMatch(/\S/);
    await chat.send('почему ты это посоветовал?');
    expect(ids(chat)).toEqual([first.itemId]);
    expectText(chat, new RegExp(first.reason!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('en: "why this?" after a reorder cites the order it came from', async () => {
    const chat = await world.shopper({ locale: 'en', history: regularShopper, name: 'why-en' });
    await chat.send('same as last time');
    cardsOf(chat);
    await chat.send('why this?');
    const card = cardsOf(chat)[0]!;
    expectText(chat, /last order/i);
    expectText(chat, new RegExp(itemOf(card.itemId).title.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('ru: "почему второе?" explains the second card', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('что взять на ужин на двоих до 1000 рублей в Самокате?');
    const second = cardsOf(chat, 2)[1]!;
    await chat.send('почему второе?');
    expect(ids(chat)).toEqual([second.itemId]);
    expectText(chat, /1000|1 000/);
  });
});

describe('feedback and preferences', () => {
  it('ru: "не люблю кинзу" — no cilantro in any later answer', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('не люблю кинзу');
    expectText(chat, /кинз/i);
    chat.always('no cilantro', (c) => !/кинз|cilantro/i.test(`${itemOf(c.itemId).title.ru} ${itemOf(c.itemId).title.en}`));
    await chat.send('что взять на ужин в Самокате?');
    cardsOf(chat);
    await chat.send('я веган');
    await chat.send('что взять на ужин в Самокате?');
    cardsOf(chat);
    await chat.send('найди салат');
    await chat.send('посоветуй готовую еду');
  });

  it('en: "I don\'t like cilantro" — no cilantro afterwards', async () => {
    const chat = await world.shopper({ locale: 'en' });
    await chat.send("I don't like cilantro");
    chat.always('no cilantro', (c) => !/кинз|cilantro/i.test(`${itemOf(c.itemId).title.ru} ${itemOf(c.itemId).title.en}`));
    await chat.send("I'm vegan");
    await chat.send('what should I get for dinner at Samokat?');
    cardsOf(chat);
    await chat.send('find salad');
  });

  it('ru: "это мне не подходит" drops that item now, later and in a new conversation', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('найди молоко в Самокате');
    const rejected = cardsOf(chat, 2)[0]!;
    await chat.send('это мне не подходит');
    chat.always(`not the rejected ${rejected.itemId}`, (c) => c.itemId !== rejected.itemId);
    cardsOf(chat);
    await chat.send('найди молоко в Самокате');
    cardsOf(chat);
    await chat.send('найди молоко');
    const later = await world.api.chat(chat.shopperId, 'ru');
    later.always(`not the rejected ${rejected.itemId}`, (c) => c.itemId !== rejected.itemId);
    await later.send('найди молоко в Самокате');
    cardsOf(later);
  });

  it('en: "the second one doesn\'t suit me" drops the second item', async () => {
    const chat = await world.shopper({ locale: 'en' });
    await chat.send('find milk at Samokat');
    const rejected = cardsOf(chat, 2)[1]!;
    await chat.send("the second one doesn't suit me");
    chat.always(`not the rejected ${rejected.itemId}`, (c) => c.itemId !== rejected.itemId);
    await chat.send('find milk at Samokat');
    cardsOf(chat);
  });
});
