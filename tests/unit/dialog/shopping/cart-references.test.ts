import { beforeAll, describe, expect, it } from 'vitest';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

const cartIds = (cards: ReadonlyArray<{ itemId: string }>) => cards.map((c) => c.itemId);

describe('cart references past the list, list numbers and the question\'s own buttons', () => {
  it('ru and en: an ordinal past a one-card list asks which item instead of adding the only one', async () => {
    const world = await shoppingWorld();
    for (const [locale, find, ordinal, cart] of [
      ['ru', 'найди гречку', 'возьми третье', 'что в корзине?'],
      ['en', 'find buckwheat', 'add the second one', "what's in my cart?"],
    ] as const) {
      const c = world.chat({ locale });
      await c.send(find);
      c.expectCards({ count: 1 });
      await c.send(ordinal);
      c.expectReply({ key: 'assistant:ask.which_item' });
      await c.send(cart);
      c.expectReply({ key: 'assistant:cart_empty' });
    }
  });

  it('a plain "добавь" with one card still adds it', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди гречку');
    await c.send('добавь');
    c.expectReply(/Добавил «Гречка Увелка» × 1/);
  });

  it('ru and en: a bare number answers "which item?" and adds that item, one of it', async () => {
    const world = await shoppingWorld();
    for (const [locale, find, ordinal, answer, cart] of [
      ['ru', 'найди молоко в Самокате', 'возьми пятое', '2', 'что в корзине?'],
      ['en', 'find milk at Samokat', 'add the fifth one', '2.', "what's in my cart?"],
    ] as const) {
      const c = world.chat({ locale });
      await c.send(find);
      const shown = c.expectCards({ min: 2 }).cards;
      await c.send(ordinal);
      c.expectReply({ key: 'assistant:ask.which_item' });
      await c.send(answer);
      await c.send(cart);
      const lines = c.expectCards().cards;
      expect(cartIds(lines)).toEqual([shown[1]!.itemId]);
      expect(lines[0]!.quantity).toBe(1);
    }
  });

  it('a number past the list is asked again, never guessed', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ locale: 'ru' });
    await c.send('найди молоко в Самокате');
    await c.send('возьми пятое');
    await c.send('7');
    c.expectReply({ key: 'assistant:ask.which_item_again' });
    await c.send('1');
    c.expectReply(/Добавил «Молоко Простоквашино 3,2%» × 1/);
  });

  it('the "which item?" buttons add exactly their item, one of it, even when the title holds numbers', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ locale: 'en' });
    await c.send('find milk at Samokat');
    const shown = c.expectCards({ min: 2 }).cards;
    await c.send('add the fifth one');
    await c.press(/^2\./);
    c.expectReply(new RegExp(`Added “${shown[1]!.title}” × 1`));
    await c.send("what's in my cart?");
    expect(cartIds(c.expectCards().cards)).toEqual([shown[1]!.itemId]);
  });

  it('an older card\'s button still adds its item after another list was shown', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди гречку');
    const buckwheat = c.replies.flatMap((r) => (r.type === 'cards' ? r.cards : []))[0]!;
    await c.send('найди спагетти в Самокате');
    await c.press(buckwheat.actions![0]!.payload);
    c.expectReply(/Добавил «Гречка Увелка» × 1/);
  });
});
