import { beforeAll, describe, expect, it } from 'vitest';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

/** "какая дешевле?" with cards on screen: which of them costs least, never a search for "какая" or cheaper goods. */
beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

describe('which of the shown is the cheapest', () => {
  it('ru: "какая дешевле?" names the cheapest card with its price, and "возьми её" adds it', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди молоко');
    const cards = c.expectCards({ min: 3 }).cards;
    const cheapest = cards.reduce((a, b) => (b.price < a.price ? b : a));
    for (const ask of ['какая дешевле?', 'какое из них дешевле?', 'что дешевле всего?']) {
      await c.send(ask);
      c.expectNoCards();
      expect(c.lastText, ask).toMatch(new RegExp(`^Дешевле всего из показанного — «${cheapest.title.replace(/[().,%]/g, '.')}»: ${cheapest.price} ₽\\.$`));
    }
    await c.send('возьми её');
    c.expectReply(new RegExp(`Добавил «${cheapest.title.replace(/[().,%]/g, '.')}»`));
  });

  it('ru: after "сравни первые два", "а какой дешевле?" is about those two', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди молоко');
    const [a, b] = c.expectCards({ min: 3 }).cards;
    await c.send('сравни первые два');
    await c.send('а какой дешевле?');
    const cheaper = a!.price <= b!.price ? a! : b!;
    expect(c.lastText).toContain(`«${cheaper.title}»`);
  });

  it('en twin: "which one is the cheapest?"', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ locale: 'en' });
    await c.send('find milk');
    const cards = c.expectCards({ min: 3 }).cards;
    const cheapest = cards.reduce((x, y) => (y.price < x.price ? y : x));
    await c.send('which one is the cheapest?');
    expect(c.lastText).toContain(`The cheapest of these is “${cheapest.title}”`);
  });
});
