import { beforeAll, describe, expect, it } from 'vitest';
import type { ShopEvent } from '../../../../core/events/shop-event.ts';
import { CATALOG, item, REGULAR_EVENTS, shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

/** Electronics and a pasta sauce on top of the fixture catalog. */
const ITEMS = [
  item('m-earbuds', 'megamarket', 'Наушники беспроводные Xiaomi Redmi Buds 5', 'Xiaomi Redmi Buds 5 wireless earbuds', 'Электроника/Наушники', 2999),
  item('m-cable', 'megamarket', 'Кабель USB-C — USB-C 1 м', 'USB-C to USB-C cable 1 m', 'Электроника/Аксессуары', 600),
  item('m-case', 'megamarket', 'Чехол для смартфона Redmi Note', 'Redmi Note phone case', 'Электроника/Аксессуары', 790),
  item('m-case-iphone', 'megamarket', 'Чехол для смартфона iPhone 15', 'iPhone 15 phone case', 'Электроника/Аксессуары', 1290),
  item('m-gamepad', 'megamarket', 'Геймпад беспроводной', 'Wireless gamepad', 'Электроника/Игровые консоли', 4990),
  item('s-sauce', 'samokat', 'Соус томатный с базиликом Barilla', 'Barilla tomato and basil sauce', 'Бакалея/Масло и соусы', 229, ['vegan']),
];
const ALL = [...CATALOG, ...ITEMS];

const order = (id: string, userId: string, itemId: string, orderId: string, ts: string): ShopEvent => {
  const found = ALL.find((i) => i.id === itemId)!;
  return { id, userId, service: found.service, type: 'order', itemId, orderId, ts, quantity: 1, price: found.price };
};

/**
 * Three shoppers buy earbuds with a cable (and one of them a gamepad); a gadget fan bought a phone with its case in
 * March, and the gamepad alone later.
 */
const EVENTS: ShopEvent[] = [
  ...REGULAR_EVENTS,
  ...['a', 'b', 'c'].flatMap((who) => [
    order(`${who}1`, `u-${who}`, 'm-earbuds', `o-${who}`, '2026-10-02T10:00:00Z'),
    order(`${who}2`, `u-${who}`, 'm-cable', `o-${who}`, '2026-10-02T10:00:00Z'),
  ]),
  order('a3', 'u-a', 'm-gamepad', 'o-a2', '2026-10-05T10:00:00Z'),
  order('g1', 'u-gadget', 'm-phone', 'o-g1', '2026-03-14T10:00:00Z'),
  order('g2', 'u-gadget', 'm-case', 'o-g1', '2026-03-14T10:00:00Z'),
  order('g3', 'u-gadget', 'm-gamepad', 'o-g2', '2026-04-01T10:00:00Z'),
];

const world = () => shoppingWorld({ backend: 'recommender', items: ITEMS, events: EVENTS });

describe('"what goes with it?" answers with things that go with that item, each saying why', () => {
  it('ru: after earbuds are added, what others buy with them and a charging accessory, never a gamepad or a salad', async () => {
    const c = (await world()).chat({ shopperId: 'u-regular' });
    await c.send('найди наушники Xiaomi');
    await c.send('добавь первый');
    await c.send('что к нему подойдёт?');
    const reply = c.expectCards({ min: 1, every: (card) => /Redmi Buds 5/.test(card.reason ?? '') });
    expect(reply.text).toMatch(/К «Наушники беспроводные Xiaomi Redmi Buds 5» подойдёт/);
    const cable = reply.cards.find((card) => card.itemId === 'm-cable');
    expect(cable?.reason).toMatch(/часто берут вместе с «Наушники беспроводные Xiaomi Redmi Buds 5»: 3 покупателя/);
    expect(reply.cards.find((card) => card.itemId === 'm-charger')?.reason).toBe('чтобы заряжать «Наушники беспроводные Xiaomi Redmi Buds 5»');
    expect(reply.cards.map((card) => card.itemId)).not.toContain('m-gamepad');
    expect(reply.cards.map((card) => card.itemId)).not.toContain('s-salad');
    // The earbuds themselves (in the cart) are no answer.
    expect(reply.cards.map((card) => card.itemId)).not.toContain('m-earbuds');
  });

  it('ru: the shopper\'s own order comes first ("вы брали это вместе … в марте"), then the shelves: a case for the phone, a charger', async () => {
    const c = (await world()).chat({ shopperId: 'u-gadget' });
    await c.send('найди смартфон Xiaomi');
    c.expectCards({ count: 1 });
    await c.send('что взять к этому?');
    const reply = c.expectCards({ min: 2 });
    expect(reply.cards[0]!.itemId).toBe('m-case');
    expect(reply.cards[0]!.reason).toMatch(/^вы брали это вместе с «Смартфон Xiaomi Redmi Note» в марте(?: 2026)?$/);
    expect(reply.cards.find((card) => card.itemId === 'm-charger')?.reason).toBe('чтобы заряжать «Смартфон Xiaomi Redmi Note»');
    // Bought by this shopper, but never with the phone: not a companion of it.
    expect(reply.cards.map((card) => card.itemId)).not.toContain('m-gamepad');
  });

  it('ru: a stated budget binds what goes with it', async () => {
    const c = (await world()).chat({ shopperId: 'u-gadget' });
    await c.send('найди смартфон Xiaomi');
    await c.send('что к нему подойдёт до 700 рублей?');
    c.expectCards({ min: 1, every: (card) => card.price <= 700 });
  });

  it('ru: a vegan gets the sauce for pasta, not the cheese', async () => {
    const c = (await world()).chat({ shopperId: 'u-regular' });
    await c.send('я веган');
    await c.send('найди спагетти Barilla');
    await c.send('с чем это едят?');
    const reply = c.expectCards({ min: 1 });
    expect(reply.cards.find((card) => card.itemId === 's-sauce')?.reason).toBe('соус к «Спагетти Barilla»');
    expect(reply.cards.map((card) => card.itemId)).not.toContain('s-cheese');
    // Still about the pasta, not about the sauce now on screen; nothing else fits a vegan, which it says.
    await c.send('что ещё к нему взять?');
    c.expectReply({ text: { key: 'assistant:goes_with.no_more', vars: { item: 'Спагетти Barilla' } } });
  });

  it('ru: nothing goes with a kettle, and it says so plainly with alternatives', async () => {
    const c = (await world()).chat({ shopperId: 'u-regular' });
    await c.send('найди чайник');
    await c.send('что к нему подойдёт?');
    c.expectReply({ text: { key: 'assistant:goes_with.none', vars: { item: 'Чайник электрический Polaris' } },
      quickReplies: [{ key: 'assistant:buttons.similar' }, { key: 'assistant:buttons.popular' }] });
    c.expectNoCards();
    await c.press('Показать похожие');
    c.expectCards({ min: 1, every: (card) => /Чайник/.test(card.title) });
  });

  it('ru: "к ним" after several cards of one kind is about the first; of several kinds it asks which, with a button per card', async () => {
    const c = (await world()).chat({ shopperId: 'u-regular' });
    await c.send('найди макароны');
    c.expectCards({ min: 2 });
    await c.send('что к ним подойдёт?');
    c.expectCards({ min: 1, every: (card) => /«(?:Спагетти Barilla|Макароны Макфа)»/.test(card.reason ?? '') });
    await c.send('найди молоко');
    const milk = c.expectCards({ min: 2 });
    await c.send('а что к ним подойдёт?');
    c.expectReply({ text: { key: 'assistant:goes_with.which' }, quickReplies: [milk.cards[0]!.title] });
  });

  it('ru: with nothing talked about, it asks which item', async () => {
    const c = (await world()).chat({ shopperId: 'u-regular' });
    await c.send('что к нему подойдёт?');
    c.expectReply({ text: { key: 'assistant:goes_with.which' } });
  });

  it('en: what goes with the earbuds, in English', async () => {
    const c = (await world()).chat({ shopperId: 'u-regular', locale: 'en' });
    await c.send('find Xiaomi earbuds');
    await c.send('add the first one');
    await c.send('what goes with it?');
    const reply = c.expectCards({ min: 1, every: (card) => /Redmi Buds 5/.test(card.reason ?? '') });
    expect(reply.text).toMatch(/Goes with “Xiaomi Redmi Buds 5 wireless earbuds”/);
    expect(reply.cards.find((card) => card.itemId === 'm-cable')?.reason)
      .toBe('often bought with “Xiaomi Redmi Buds 5 wireless earbuds”: 3 shoppers took both');
    // Everything that goes with them is on screen already, and it says so.
    await c.send('what else goes with it?');
    c.expectReply({ text: { key: 'assistant:goes_with.no_more', vars: { item: 'Xiaomi Redmi Buds 5 wireless earbuds' } } });
  });

  it('en: the own order in March, for the phone', async () => {
    const c = (await world()).chat({ shopperId: 'u-gadget', locale: 'en' });
    await c.send('find a Xiaomi smartphone');
    await c.send('what should I get with this?');
    const reply = c.expectCards({ min: 1 });
    // The year is said only when it is not the current one.
    expect(reply.cards[0]!.reason).toMatch(/^you bought this together with “Xiaomi Redmi Note smartphone” in March(?: 2026)?$/);
  });
});
