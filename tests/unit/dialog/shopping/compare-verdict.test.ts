import { beforeAll, describe, expect, it } from 'vitest';
import type { SerializableReply } from '../../../../core/reply.ts';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

const cardsOf = (replies: SerializableReply[]) => replies.flatMap((r) => (r.type === 'cards' ? r.cards : []));
const textOf = (replies: SerializableReply[]): string => replies.map((r) => ('text' in r ? r.text : '')).join('\n');

/**
 * "какой лучше?" right after a side-by-side weighs the two on what is known (the conditions set, the shopper's orders,
 * the price) and says which and why, never repeating one card's reason or the comparison.
 */
describe('"which one is better?" after a comparison', () => {
  for (const backend of ['catalog', 'recommender'] as const) {
    it(`${backend}: the regular takes the milk she buys, and hears the other is cheaper (en)`, async () => {
      const world = await shoppingWorld({ backend });
      const c = world.chat({ shopperId: 'u-regular', locale: 'en' });
      await c.send('find milk');
      const compared = textOf(await c.send('compare the first and the second'));
      expect(compared).toContain('Domik v derevne milk 2.5%');
      expect(compared).toContain('Prostokvashino milk 3.2%');
      const verdict = await c.send('which one is better?');
      expect(verdict).toHaveLength(1);
      expect(verdict[0]!.type).toBe('text');
      expect(textOf(verdict)).toBe('I\'d take “Domik v derevne milk 2.5%”: you have bought it before. “Prostokvashino milk 3.2%” is 6 ₽ cheaper, though.');
    });

    it(`${backend}: a new shopper gets the cheaper of the two compared, with the difference (ru)`, async () => {
      const world = await shoppingWorld({ backend });
      const c = world.chat({ shopperId: 'u-new', locale: 'ru' });
      await c.send('найди молоко');
      const [a, b] = cardsOf(await c.send('сравни второй и третий'));
      const [cheap, dear] = a!.price <= b!.price ? [a!, b!] : [b!, a!];
      expect(dear.price).toBeGreaterThan(cheap.price);
      const expected = `Я бы взял «${cheap.title}»: дешевле на ${dear.price - cheap.price} ₽.`;
      const verdict = await c.send('какой лучше?');
      expect(textOf(verdict)).toBe(expected);
      expect(verdict[0]!.type).toBe('text');
      // The buttons add either of the two compared, by their places in the list.
      const first = verdict[0]!;
      expect('quickReplies' in first ? first.quickReplies?.map((q) => q.title) : []).toEqual(['В корзину: 2', 'В корзину: 3']);
      expect(textOf(await c.send('а какой из них лучше взять?'))).toBe(expected);
      expect(textOf(await c.send('which would you take?', { locale: 'en' }))).toMatch(/^I'd take “[^”]+”: it is \d+ ₽ cheaper\.$/u);
    });
  }
});
