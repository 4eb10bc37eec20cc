import { beforeAll, describe, expect, it } from 'vitest';
import { catalogItem, shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

describe('the conversations on the learned recommender (core/reco)', () => {
  it('recommends within every stated constraint, with its grounded explanations', async () => {
    const world = await shoppingWorld({ backend: 'recommender' });
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('что взять на ужин на двоих до 1000 рублей в Самокате?');
    const reply = c.expectCards({ min: 2, every: (card) => card.service === 'samokat' && Boolean(card.reason) });
    expect(reply.cards.reduce((s, card) => s + card.price, 0)).toBeLessThanOrEqual(1000);
    await c.send('я веган');
    await c.send('без орехов');
    await c.send('что взять на ужин?');
    c.expectCards({ min: 1, every: (card) => {
      const tags = catalogItem(card.itemId).tags ?? [];
      return !tags.includes('contains_nuts') && !tags.includes('meat') && !tags.includes('fish') && (tags.includes('vegan') || card.service === 'megamarket');
    } });
  });

  it('searches, follows up and explains', async () => {
    const world = await shoppingWorld({ backend: 'recommender' });
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('find lactose-free milk');
    c.expectCards({ min: 1, every: (card) => catalogItem(card.itemId).tags!.includes('lactose_free') });
    await c.send('what about Kuper?');
    c.expectCards({ min: 1, every: (card) => card.service === 'kuper' && catalogItem(card.itemId).tags!.includes('lactose_free') });
    await c.send('why this?');
    c.expectReply({ type: 'cards', cards: { count: 1 } });
    await c.send('take it');
    c.expectReply(/Added “.+” × 1/);
  });
});
