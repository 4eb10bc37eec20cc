import { beforeAll, describe, expect, it } from 'vitest';
import type { ShopEvent } from '../../../../core/events/shop-event.ts';
import { REGULAR_EVENTS, shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

/** The regular shopper also looked at a phone at Megamarket, without ordering there. */
const VIEWED_PHONE: ShopEvent = {
  id: 'v1', userId: 'u-regular', service: 'megamarket', type: 'view', itemId: 'm-phone', ts: '2026-10-21T10:00:00Z',
};

describe('"what do you know about me?" names shelves in the reply language', () => {
  it('in English: English shelf names, and "looked at" for a service without orders', async () => {
    const world = await shoppingWorld({ events: [...REGULAR_EVENTS, VIEWED_PHONE] });
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('what do you know about me?');
    c.expectReply(/Kuper: 3 orders; mostly: [^\n]*Dairy/);
    c.expectReply(/Megamarket: no orders yet; you looked at: Electronics/);
    expect(c.lastText, c.lastText).not.toMatch(/[а-яё]/i);
    expect(c.lastText).not.toMatch(/0 orders/);
  });

  it('in Russian: the catalog shelf names, and "смотрели" for a service without orders', async () => {
    const world = await shoppingWorld({ events: [...REGULAR_EVENTS, VIEWED_PHONE] });
    const c = world.chat({ shopperId: 'u-regular', locale: 'ru' });
    await c.send('что ты обо мне знаешь?');
    c.expectReply(/Купер: заказов — 3; чаще всего: [^\n]*Молочные продукты/);
    c.expectReply(/Мегамаркет: заказов пока нет; вы смотрели: Электроника/);
  });
});
