import { beforeAll, describe, expect, it } from 'vitest';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

// The usual order of u-regular: Kuper milk (usually 2 × 95 ₽), Kuper bread (65 ₽), Samokat spaghetti (119 ₽) = 374 ₽.

describe('the list on screen, before it is in the cart (ru)', () => {
  it('"убери второе" edits the usual order shown, its total follows, and "добавь всё" adds the edited list', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('повтори мой обычный заказ');
    c.expectCards({ count: 3, titles: ['Молоко Домик', 'Хлеб Бородинский', 'Спагетти Barilla'] });
    c.expectReply(/примерно на 374 ₽/);
    await c.send('убери второе');
    const edited = c.expectCards({ count: 2, titles: ['Молоко Домик', 'Спагетти Barilla'] });
    expect(edited.text).toMatch(/^Убрал из списка «Хлеб Бородинский»\. В списке осталось позиций: 2, на 309 ₽\. Добавить всё в корзину\?$/);
    c.expectReply({ quickReplies: ['Добавить всё'] });
    await c.send('сколько это стоит всего?');
    c.expectReply(/в обычных количествах вместе — 309 ₽/);
    c.expectReply(/1\. Молоко Домик в деревне 2,5% — 2 × 95 ₽ = 190 ₽\n2\. Спагетти Barilla — 119 ₽\nДобавить всё в корзину\?/);
    c.expectNoCards();
    await c.send('добавь всё');
    c.expectReply(/Добавил в корзину все товары \(2\)\. Всего товаров: 3, на 309 ₽/);
    await c.send('что в корзине?');
    const cart = c.expectCards({ count: 2, titles: ['Молоко Домик', 'Спагетти Barilla'] });
    expect(cart.text).toMatch(/товаров: 3, на 309 ₽/);
  });

  it('"без молока" leaves the milk out of the proposal (no diet is noted), and "да" adds the rest', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('повтори мой обычный заказ');
    await c.send('без молока');
    c.expectCards({ count: 2, titles: ['Хлеб Бородинский', 'Спагетти Barilla'] });
    c.expectReply(/Убрал из списка «Молоко Домик в деревне 2,5%»\. В списке осталось позиций: 2, на 184 ₽\. Добавить всё в корзину\?/);
    expect(c.lastText).not.toMatch(/Запомнил/);
    await c.send('да');
    c.expectReply(/Добавил в корзину все товары \(2\)\. Всего товаров: 2, на 184 ₽/);
  });

  it('"добавь всё кроме второго" adds the rest of the list with its usual quantities', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('повтори мой обычный заказ');
    await c.send('добавь всё кроме второго');
    c.expectReply(/^Добавил в корзину всё, кроме «Хлеб Бородинский» \(позиций: 2\)\. Всего товаров: 3, на 309 ₽\.$/);
    await c.send('что в корзине?');
    c.expectCards({ count: 2, titles: ['Молоко Домик', 'Спагетти Barilla'] });
  });

  it('with a cart: "убери второе" edits the list shown last and says the cart is untouched; after the cart is shown, it edits the cart', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('найди гречку');
    await c.send('возьми первое');
    c.expectReply(/Добавил «Гречка Увелка»/);
    await c.send('повтори мой обычный заказ');
    await c.send('убери второе');
    c.expectCards({ count: 2, titles: ['Молоко Домик', 'Спагетти Barilla'] });
    c.expectReply(/Убрал из списка «Хлеб Бородинский»\. .*Корзину не трогал: в ней по-прежнему товаров 1, на 89 ₽\. Добавить всё в корзину\?/);
    await c.send('что в корзине?');
    c.expectCards({ count: 1, titles: ['Гречка Увелка'] });
    await c.send('убери первое');
    c.expectReply(/^Убрал «Гречка Увелка» из корзины/);
  });

  it('"сколько всё вместе" after search results: their sum and the offer to add them all', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди молоко в Купере');
    const shown = c.expectCards({ min: 2 });
    const total = shown.cards.reduce((sum, card) => sum + card.price, 0);
    await c.send('сколько всё вместе');
    c.expectReply(new RegExp(`^Всё из списка \\(позиций: ${shown.cards.length}\\) вместе — ${total} ₽:\\n1\\. ${shown.cards[0]!.title}`));
    c.expectReply({ quickReplies: ['Добавить всё'] });
    await c.send('да');
    c.expectReply(new RegExp(`Всего товаров: ${shown.cards.length}, на ${total} ₽`));
    await c.send('сколько это стоит всего?');
    c.expectReply(new RegExp(`^В корзине товаров: ${shown.cards.length}, на ${total} ₽`));
  });

  it('states the budget of an explanation as prices are written everywhere else: "до 1 000 ₽"', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('что взять на ужин на двоих до 1000 рублей в Самокате?');
    const amount = /до (1\s000 ₽)/u.exec(c.lastText)?.[1];
    expect(amount, c.lastText).toBeDefined();
    await c.send('почему первое?');
    c.expectReply(new RegExp(`Подходит под ваши условия: до ${amount}`, 'u'));
  });
});

describe('the list on screen, before it is in the cart (en)', () => {
  it('"remove the second one" and "how much for all of them?" are about the usual order shown; "add everything" adds what is left', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular', locale: 'en' });
    await c.send('repeat my usual order');
    c.expectCards({ count: 3 });
    await c.send('remove the second one');
    const edited = c.expectCards({ count: 2, titles: ['Domik v derevne milk', 'Barilla spaghetti'] });
    expect(edited.text).toBe('Removed “Borodinsky bread” from the list. Left in it: 2, 309 ₽. Add it all to the cart?');
    await c.send('how much for all of them?');
    c.expectReply(/^Everything in the list, in your usual quantities, comes to 309 ₽:\n1\. Domik v derevne milk 2\.5% — 2 × 95 ₽ = 190 ₽\n2\. Barilla spaghetti — 119 ₽\nAdd it all to the cart\?/);
    await c.send('add everything');
    c.expectReply(/Added all 2 items to the cart\. Items in the cart: 3, 309 ₽/);
  });

  it('"without the milk" edits the proposal; "add everything except the second" adds the rest', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular', locale: 'en' });
    await c.send('repeat my usual order');
    await c.send('without the milk');
    c.expectCards({ count: 2, titles: ['Borodinsky bread', 'Barilla spaghetti'] });
    c.expectReply(/Removed “Domik v derevne milk 2\.5%” from the list\. Left in it: 2, 184 ₽\. Add it all to the cart\?/);
    await c.send('add everything except the second');
    c.expectReply(/^Added everything except “Barilla spaghetti”\. Items in the cart: 1, 65 ₽\.$/);
  });

  it('with a cart: the list shown last is edited and the cart is said to be untouched', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular', locale: 'en' });
    await c.send('find buckwheat');
    await c.send('add the first one');
    await c.send('repeat my usual order');
    await c.send('remove the second one');
    c.expectReply(/Removed “Borodinsky bread” from the list\. .*I didn't touch the cart \(items in it: 1, 89 ₽\)\./);
    await c.send("what's in my cart?");
    await c.send('remove the first one');
    c.expectReply(/^Removed “Uvelka buckwheat” from the cart/);
  });

  it('states the budget of an explanation in ₽, never "rub"', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ locale: 'en' });
    await c.send('what should I get for dinner for two under 800 rub at Samokat?');
    await c.send('why the first one?');
    c.expectReply(/It fits your conditions: under 800 ₽/);
    expect(c.lastText).not.toMatch(/\brub\b/);
  });
});
