import { beforeAll, describe, expect, it } from 'vitest';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

describe('cart (ru)', () => {
  it('adds shown items by reference and quantity, accepts a correction, shows the cart as cards', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди молоко в Купере');
    const shown = c.expectCards({ min: 2 });
    const second = shown.cards[1]!;
    await c.send('возьми второе');
    c.expectReply(new RegExp(`Добавил «${second.title}» × 1`));
    await c.send('ещё две такие');
    c.expectReply(new RegExp(`Добавил «${second.title}» × 2 .*теперь там 3 шт`));
    await c.send('нет, не две, а три');
    c.expectReply(new RegExp(`Исправил: «${second.title}» × 4`));
    await c.send('что в корзине?');
    const cart = c.expectCards({ count: 1, titles: [second.title] });
    expect(cart.cards[0]!.quantity).toBe(4);
    expect(cart.text).toMatch(/товаров: 4/);
  });

  it('adds with a card button and asks which item when the reference is ambiguous', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди молоко');
    const shown = c.expectCards({ min: 3 });
    await c.press('В корзину');
    c.expectReply(new RegExp(`Добавил «${shown.cards[0]!.title}» × 1.*Всего товаров: 1`));
    await c.send('найди молоко');
    await c.send('добавь');
    c.expectReply({ key: 'assistant:ask.which_item' });
    await c.send('третье');
    c.expectReply(new RegExp(`Добавил «${shown.cards[2]!.title}».*Всего товаров: 2`));
  });

  it('removes an item, refuses an unknown reference politely, and links each service for checkout', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди гречку');
    await c.send('возьми первое');
    await c.send('найди спагетти в Самокате');
    await c.send('добавь 2 штуки первого');
    c.expectReply(/Спагетти Barilla» × 2/);
    await c.send('найди зарядку');
    await c.send('возьми первую');
    await c.send('оформи заказ');
    const checkout = c.expectReply(/не принимаю/);
    expect(checkout.type).toBe('text');
    const text = checkout.type === 'text' ? checkout.text : '';
    expect(text).toMatch(/Купер: товаров 1 .*https:\/\/kuper\.ru\/cart\?add=k-buckwheat:1/);
    expect(text).toMatch(/Самокат: товаров 2 .*samokat\.ru\/cart\?add=s-pasta:2/);
    expect(text).toMatch(/Мегамаркет: .*megamarket\.ru\/cart\?add=m-charger:1/);
    await c.send('убери гречку');
    c.expectReply(/Убрал «Гречка Увелка»/);
    await c.send('очисти корзину');
    c.expectReply({ key: 'assistant:cart_cleared' });
    await c.send('оформи заказ');
    c.expectReply({ key: 'assistant:cart_empty' });
  });

  it('lets the shopper interrupt a question about the item and resumes it', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди молоко');
    await c.send('добавь');
    c.expectReply({ key: 'assistant:ask.which_item' });
    await c.send('кстати, что в корзине?');
    c.expectReply({ key: 'assistant:cart_empty' });
    c.expectReply({ key: 'assistant:ask.which_item' });
    await c.send('первое');
    c.expectReply(/Добавил/);
  });

  it('says there is nothing to add before anything was shown, and does not fill from an unrelated answer', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('возьми второе');
    c.expectReply({ key: 'assistant:nothing_shown' });
    await c.send('найди молоко');
    await c.send('добавь');
    await c.send('синий трактор');
    c.expectReply({ key: 'assistant:ask.which_item_again' });
  });

  it('handles a coalesced burst of messages in one turn, in order', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди гречку\nвозьми первое\nчто в корзине?');
    c.expectCards({ titles: ['Гречка'] });
    c.expectReply(/Добавил «Гречка Увелка»/);
    c.expectReply({ text: /В корзине товаров: 1/, type: 'cards' });
  });

  it('takes the only item shown without asking, and looks up a product that was not shown', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди гречку');
    await c.send('добавь две');
    c.expectReply(/Добавил «Гречка Увелка» × 2/);
    await c.send('найди молоко');
    await c.send('добавь');
    c.expectReply({ key: 'assistant:ask.which_item' });
    await c.send('лучше чайник');
    c.expectCards({ count: 1, titles: ['Чайник'] });
    await c.send('беру');
    c.expectReply(/Добавил «Чайник электрический Polaris» × 1/);
  });
});
