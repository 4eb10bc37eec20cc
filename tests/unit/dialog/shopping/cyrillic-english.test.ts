import { beforeAll, describe, expect, it } from 'vitest';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

/** English chat words typed in Cyrillic ("хелп", "плиз", "сенкс") are understood, and the chat stays Russian. */
describe('English chat words typed in Cyrillic', () => {
  it('greets, helps, searches, thanks and says goodbye in Russian', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ locale: 'ru' });
    await c.send('хеллоу');
    c.expectReply({ key: 'assistant:greet_new', locale: 'ru' });
    await c.send('хелп');
    c.expectReply({ key: 'assistant:help', locale: 'ru' });
    await c.send('найди молоко плиз');
    const cards = c.expectCards({ min: 1 }).cards;
    expect(cards.map((card) => card.itemId)).toContain('s-milk');
    await c.send('сенкс');
    c.expectReply({ key: 'assistant:thanks', locale: 'ru' });
    await c.send('гудбай');
    c.expectReply({ key: 'assistant:bye', locale: 'ru' });
  });
});
