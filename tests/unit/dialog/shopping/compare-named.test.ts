import { beforeAll, describe, expect, it } from 'vitest';
import { item, shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

/** Two phones and a Samsung watch, so "Samsung" next to "iPhone" has to mean the phone. */
const PHONES = [
  item('m-watch', 'megamarket', 'Умные часы Samsung Galaxy Watch7', 'Samsung Galaxy Watch7 smartwatch', 'Электроника/Умные часы и браслеты', 22990),
  item('m-iphone', 'megamarket', 'Смартфон Apple iPhone 15, 128 ГБ', 'Apple iPhone 15 smartphone, 128 GB', 'Электроника/Смартфоны', 79990),
  item('m-galaxy', 'megamarket', 'Смартфон Samsung Galaxy S24, 256 ГБ', 'Samsung Galaxy S24 smartphone, 256 GB', 'Электроника/Смартфоны', 69990),
];

describe('comparing two products named in the message', () => {
  for (const [locale, ask, better, addSecond, added] of [
    ['en', 'compare iphone and samsung', 'which one is better?', 'add the second one', /Added “Samsung Galaxy S24 smartphone, 256 GB” × 1/],
    ['ru', 'сравни айфон и самсунг', 'какой лучше?', 'добавь второй', /Добавил.*Samsung Galaxy S24/],
  ] as const) {
    it(`${locale}: "${ask}" finds both, shows them side by side (phones, not the watch), and they become the list`, async () => {
      const world = await shoppingWorld({ items: PHONES });
      const c = world.chat({ locale });
      await c.send(ask);
      const cards = c.expectCards({ count: 2 });
      expect(cards.cards.map((card) => card.itemId).sort()).toEqual(['m-galaxy', 'm-iphone']);
      c.expectReply(locale === 'en' ? /costs 10,000 ₽ less than/ : /дешевле, чем .* на 10\s000 ₽/);
      await c.send(better);
      expect(c.lastText).toMatch(/iPhone|Galaxy/);
      await c.send(addSecond);
      c.expectReply(added);
    });
  }

  for (const [locale, ask] of [['en', 'iphone vs galaxy s24'], ['en', 'compare iPhone 15 and Galaxy S24'], ['ru', 'айфон или галакси s24 что лучше?']] as const) {
    it(`${locale}: "${ask}" compares the two named phones with nothing on screen`, async () => {
      const world = await shoppingWorld({ items: PHONES });
      const c = world.chat({ locale });
      await c.send(ask);
      const cards = c.expectCards({ count: 2 });
      expect(cards.cards.map((card) => card.itemId).sort()).toEqual(['m-galaxy', 'm-iphone']);
    });
  }

  it('says plainly when one of the two is not in the catalog (en, ru)', async () => {
    const world = await shoppingWorld({ items: PHONES });
    const c = world.chat();
    await c.send('compare iphone and nokia');
    c.expectReply({ key: 'assistant:compare_not_found', locale: 'en', vars: { name: 'nokia' } });
    const ru = world.chat({ locale: 'ru' });
    await ru.send('сравни айфон и нокиа');
    ru.expectReply({ key: 'assistant:compare_not_found', locale: 'ru', vars: { name: 'нокиа' } });
  });

  it('"compare the first two" still compares the cards on screen', async () => {
    const world = await shoppingWorld({ items: PHONES });
    const c = world.chat();
    await c.send('find smartphones');
    const shown = c.expectCards({ min: 2 });
    await c.send('compare the first two');
    const compared = c.expectCards({ count: 2 });
    expect(compared.cards.map((card) => card.itemId)).toEqual(shown.cards.slice(0, 2).map((card) => card.itemId));
  });
});
