import { beforeAll, describe, expect, it } from 'vitest';
import type { ProductCard } from '../../../../core/reply.ts';
import { catalogItem, expectCheaper, shoppingRecognizer, shoppingWorld } from './fixture.ts';

/** The fixture's dinner shelves (ready food, meat, fish, vegetables, pasta, cheese, bread, grains). */
const DINNER = /Готовая еда|Мясо|Рыба|Овощи|Макароны|Сыр|Хлеб|Крупы/;

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

const total = (cards: readonly ProductCard[]) => cards.reduce((s, c) => s + c.price, 0);

describe('recommendations and search (ru)', () => {
  it('answers a request with several constraints with fitting cards within the budget', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('что взять на ужин на двоих до 1000 рублей в Самокате?');
    const reply = c.expectCards({ min: 2, every: (card) => card.service === 'samokat' && card.currency === 'RUB' && Boolean(card.reason) });
    expect(total(reply.cards)).toBeLessThanOrEqual(1000);
    expect(reply.text).toMatch(/в Самокате/);
    for (const card of reply.cards) expect(catalogItem(card.itemId).tags).not.toContain('alcohol');
    expect(reply.quickReplies?.map((q) => q.title)).toContain('Подешевле');
  });

  it('resolves follow-ups against what was shown: cheaper, another service', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди молоко в Самокате');
    const first = c.expectCards({ min: 2, every: (card) => card.service === 'samokat' });
    const cheapest = Math.min(...first.cards.map((card) => card.price));
    await c.send('а подешевле?');
    c.expectReply({ key: 'assistant:no_cheaper' });
    await c.send('а в Купере?');
    c.expectCards({ min: 1, every: (card) => card.service === 'kuper' && /Молоко/.test(card.title) });
    expect(cheapest).toBe(89);
  });

  it('cheaper means every new card costs less than anything shown before', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('посоветуй что-нибудь на ужин в Самокате');
    const before = c.expectCards({ min: 2 });
    const min = Math.min(...before.cards.map((card) => card.price));
    expect(min).toBeGreaterThan(0);
    await c.send('а есть подешевле?');
    // A dinner at Samokat: food of a dinner shelf (the first answer may already hold the cheapest such item).
    expectCheaper(c, before.cards, (item) => item.service === 'samokat' && !(item.tags ?? []).includes('alcohol') && DINNER.test(item.category));
  });

  it('finds a product with a diet fact and never shows one without it', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди безлактозное молоко');
    const reply = c.expectCards({ min: 2 });
    for (const card of reply.cards) expect(catalogItem(card.itemId).tags).toContain('lactose_free');
    expect(reply.text).toMatch(/молоко/);
  });

  it('asks what to search for, lets the shopper look at the cart meanwhile, then resumes', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди');
    c.expectReply({ key: 'assistant:ask.search' });
    await c.send('кстати, что в корзине?');
    c.expectReply({ key: 'assistant:cart_empty' });
    c.expectReply({ key: 'assistant:ask.search' });
    await c.send('гречку');
    c.expectCards({ count: 1, titles: ['Гречка'] });
  });

  it('cancels a form cleanly', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди');
    await c.send('отмена');
    c.expectReply({ key: 'dialog:cancelled' });
    c.expectNoCards();
  });

  it('gives a new shopper popular suggestions and asks one useful question at a time', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-new' });
    await c.send('что взять?');
    const first = c.expectCards({ min: 3 });
    expect(first.text).toMatch(/Для какого случая/);
    expect(first.quickReplies?.length).toBeGreaterThan(1);
    await c.press('На ужин');
    const second = c.expectCards({ min: 1 });
    expect(second.text).toMatch(/на ужин/);
    expect(second.text).toMatch(/Какой бюджет/);
    await c.press('до 500 ₽');
    const third = c.expectCards({ min: 1 });
    expect(total(third.cards)).toBeLessThanOrEqual(500);
    expect(third.text).not.toMatch(/Какой бюджет|Для какого случая/);
  });

  it('refines the last request with a bare constraint ("до 300")', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('что взять на ужин в Самокате?');
    await c.send('до 300 рублей');
    const reply = c.expectCards({ min: 1, every: (card) => card.service === 'samokat' });
    expect(total(reply.cards)).toBeLessThanOrEqual(300);
  });

  it('reorders the usual order and the last one, with cards and an offer to add them all', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('повтори мой обычный заказ в Купере');
    const usual = c.expectCards({ count: 2, every: (card) => card.service === 'kuper' });
    expect(usual.cards.map((card) => card.itemId).sort()).toEqual(['k-bread', 'k-milk']);
    expect(usual.cards.find((card) => card.itemId === 'k-milk')?.reason).toMatch(/2 раза, обычно 2 шт/);
    await c.send('да');
    c.expectReply(/Добавил в корзину все товары \(2\)/);
    await c.send('как в прошлый раз');
    c.expectCards({ count: 1, titles: ['Спагетти'] });
  });

  it('tells a shopper without orders that there is nothing to repeat', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-nobody' });
    await c.send('повтори мой заказ');
    c.expectReply({ key: 'assistant:reorder_none', vars: { service: '' } });
    c.expectNoCards();
  });

  it('never suggests adult goods unasked, and a short product name is a search', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('что взять для вечеринки?');
    c.expectCards({ min: 1, every: (card) => !catalogItem(card.itemId).tags?.includes('alcohol') });
    await c.send('пиво');
    c.expectCards({ count: 1, titles: ['Пиво'] });
  });

  it('treats "покажи веганские продукты" as a new recommendation and "хочу молоко до 150" as a search', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('посоветуй что-нибудь на завтрак');
    await c.send('покажи веганские продукты в Самокате');
    const vegan = c.expectCards({ min: 2, every: (card) => card.service === 'samokat' && catalogItem(card.itemId).tags!.includes('vegan') });
    expect(vegan.text).not.toMatch(/завтрак/);
    await c.send('хочу молоко без лактозы до 150 рублей');
    c.expectCards({ min: 1, every: (card) => card.price <= 150 && catalogItem(card.itemId).tags!.includes('lactose_free') });
  });
});
