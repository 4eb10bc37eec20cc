import { beforeAll, describe, expect, it } from 'vitest';
import { catalogItem, shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

describe('recommendations (ru)', () => {
  it('answers a request with several constraints with fitting cards within the budget', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('что взять на ужин на двоих до 1000 рублей в Самокате?');
    const reply = c.expectCards({ min: 2, every: (card) => card.service === 'samokat' && card.currency === 'RUB' && Boolean(card.reason) });
    expect(reply.cards.reduce((s, card) => s + card.price, 0)).toBeLessThanOrEqual(1000);
    expect(reply.text).toMatch(/Самокате/);
    for (const card of reply.cards) expect(catalogItem(card.itemId).tags).not.toContain('alcohol');
  });
});
