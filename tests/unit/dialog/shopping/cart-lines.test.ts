import { beforeAll, describe, expect, it } from 'vitest';
import type { CardsReply, ProductCard } from '../../../../core/reply.ts';
import type { Transcript } from '../../../support/transcript.ts';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

/** The cart is shown as cart lines: quantity and sum, −1 / +1 / remove on each line, the total and check out once. */
beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

const line = (cart: CardsReply, itemId: string): ProductCard => {
  const found = cart.cards.find((card) => card.itemId === itemId);
  if (!found) throw new Error(`no cart line ${itemId} in ${cart.cards.map((card) => card.itemId).join(', ')}`);
  return found;
};

/** Presses one line's button by its title (every line has the same titles, so the payload says which line). */
async function pressOn(c: Transcript, card: ProductCard, title: string): Promise<void> {
  const action = card.actions?.find((a) => a.title === title);
  if (!action) throw new Error(`no "${title}" on ${card.title}: ${JSON.stringify(card.actions)}`);
  await c.press(action.payload);
}

const allButtons = (reply: CardsReply) => [...(reply.quickReplies ?? []), ...reply.cards.flatMap((card) => card.actions ?? [])];

describe('the cart as cart lines', () => {
  it('ru: each line says its quantity, offers −1 / +1 / Убрать; the total and "Оформить" once; the buttons work', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ locale: 'ru' });
    await c.send('найди гречку');
    await c.send('добавь 2 штуки');
    await c.send('найди тофу');
    await c.send('возьми');
    await c.send('что в корзине?');
    let cart = c.expectCards({ count: 2 });
    expect(cart.text).toBe('В корзине товаров: 3, на 367 ₽.');
    const buckwheat = line(cart, 'k-buckwheat');
    const tofu = line(cart, 'k-tofu');
    expect([buckwheat.quantity, buckwheat.price, tofu.quantity]).toEqual([2, 89, 1]);
    for (const card of cart.cards) {
      // A line is not a suggestion: no "why", no "В корзину".
      expect(card.reason).toBeUndefined();
      expect(card.actions?.map((a) => a.title)).toEqual(['−1', '+1', 'Убрать']);
    }
    expect(allButtons(cart).filter((b) => b.title === 'Оформить')).toHaveLength(1);

    await pressOn(c, buckwheat, '+1');
    c.expectReply(/Добавил «Гречка Увелка» × 1 в корзину \(теперь там 3 шт\. этого товара\)\. Всего товаров: 4, на 456 ₽/);
    // The same (now older) card's "+1" again counts again: it adds one, it does not set a stale number.
    await pressOn(c, buckwheat, '+1');
    c.expectReply(/теперь там 4 шт\..*Всего товаров: 5, на 545 ₽/);
    await pressOn(c, buckwheat, '−1');
    c.expectReply('Уменьшил: «Гречка Увелка» × 3. Всего товаров: 4, на 456 ₽.');
    await pressOn(c, tofu, '−1');
    c.expectReply('Убрал «Тофу классический» из корзины. Осталось товаров: 3, на 267 ₽.');
    await c.send('что в корзине?');
    cart = c.expectCards({ count: 1 });
    expect(line(cart, 'k-buckwheat').quantity).toBe(3);
    // A line already removed is said to be gone; no other line is touched.
    await pressOn(c, tofu, 'Убрать');
    c.expectReply('«Тофу классический» в корзине уже нет.');
    await c.send('что в корзине?');
    expect(line(c.expectCards({ count: 1 }), 'k-buckwheat').quantity).toBe(3);
    await c.press('Оформить');
    c.expectReply(/Купер/);
    await c.send('что в корзине?');
    await pressOn(c, line(c.expectCards({ count: 1 }), 'k-buckwheat'), 'Убрать');
    c.expectReply(/^Убрал «Гречка Увелка» из корзины — теперь она пуста/);
  });

  it('en twin: quantity and sum on each line, "−1" / "+1" / "Remove", "Check out" once', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ locale: 'en' });
    await c.send('find buckwheat');
    await c.send('add 2');
    await c.send('find tofu');
    await c.send('add it');
    await c.send("what's in my cart?");
    const cart = c.expectCards({ count: 2 });
    expect(cart.text).toBe('Items in your cart: 3, 367 ₽.');
    const buckwheat = line(cart, 'k-buckwheat');
    const tofu = line(cart, 'k-tofu');
    expect([buckwheat.quantity, tofu.quantity]).toEqual([2, 1]);
    for (const card of cart.cards) {
      expect(card.reason).toBeUndefined();
      expect(card.actions?.map((a) => a.title)).toEqual(['−1', '+1', 'Remove']);
    }
    expect(allButtons(cart).filter((b) => b.title === 'Check out')).toHaveLength(1);
    await pressOn(c, buckwheat, '+1');
    c.expectReply(/Added “Uvelka buckwheat” × 1 to the cart \(3 of it now\)/);
    await pressOn(c, buckwheat, '−1');
    c.expectReply(/“Uvelka buckwheat” × 2/);
    await pressOn(c, tofu, 'Remove');
    c.expectReply(/Removed “Classic tofu”/);
    await pressOn(c, tofu, '−1');
    c.expectReply('“Classic tofu” is no longer in the cart.');
    await c.send("what's in my cart?");
    expect(c.expectCards({ count: 1 }).cards[0]!.quantity).toBe(2);
  });
});
