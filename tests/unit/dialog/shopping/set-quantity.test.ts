import { beforeAll, describe, expect, it } from 'vitest';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

/** "сделай три первого", "поменяй количество на 1", "make it 3": a cart line gets that quantity, nothing more is added. */
beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

describe('changing a quantity in the cart', () => {
  it('ru: "сделай три первого" sets the first line to three (not 1 + 3), "поменяй количество на 1" the line just changed', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди молоко');
    const [first, second] = c.expectCards({ min: 2 }).cards;
    await c.send('возьми первое');
    await c.send('и второе тоже, две штуки');
    await c.send('что в корзине?');
    await c.send('сделай три первого');
    c.expectReply(new RegExp(`«${first!.title.replace(/[()]/g, '.')}» × 3\\. Всего товаров: 5`));
    await c.send('нет, две');
    c.expectReply(new RegExp(`«${first!.title.replace(/[()]/g, '.')}» × 2`));
    await c.send('поменяй количество второго на 1');
    c.expectReply(new RegExp(`«${second!.title.replace(/[()]/g, '.')}» × 1`));
    await c.send('что в корзине?');
    expect(c.shownCards.slice(-2).map((card) => card.quantity)).toEqual([2, 1]);
  });

  it('ru: "пусть будет две", "оставь одну" after an add change that line; with two lines and no pointer the shopper picks', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди гречку');
    await c.send('добавь 3 штуки');
    await c.send('пусть будет две');
    c.expectReply(/Гречка Увелка» × 2\. Всего товаров: 2/);
    await c.send('оставь одну');
    c.expectReply(/Гречка Увелка» × 1\. Всего товаров: 1/);
    await c.send('найди тофу');
    await c.send('возьми');
    await c.send('найди хлеб');
    await c.send('возьми');
    await c.send('убери хлеб');
    await c.send('сделай три');
    c.expectReply({ key: 'assistant:ask.which_quantity' });
    await c.press('Тофу классический');
    c.expectReply(/Тофу классический» × 3\. Всего товаров: 4/);
    const fresh = world.chat({ conversationId: 'other' });
    await fresh.send('сделай три');
    fresh.expectReply({ key: 'assistant:cart_empty' });
  });

  it('en twin: "make it 3" after an add, "change the quantity to 1"', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ locale: 'en' });
    await c.send('find buckwheat');
    await c.send('add it');
    await c.send('make it 3');
    c.expectReply(/buckwheat” × 3/i);
    await c.send('change the quantity to 1');
    c.expectReply(/buckwheat” × 1/i);
  });
});
