import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerItem, type Item } from './support/catalog.ts';
import { History, regularShopper } from './support/shoppers.ts';
import { cardsOf, expectText, startWorld, type World } from './support/world.ts';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.stop();
});

const quinoa: Item = { id: 'x-quinoa', service: 'kuper', title: { ru: 'Киноа белая', en: 'White quinoa' }, category: 'Бакалея/Крупы', price: 259, currency: 'RUB', tags: ['vegan', 'gluten_free'] };

describe('catalog and events change the next answer', () => {
  it('a price change and an item going out of stock show in the next search', async () => {
    registerItem(quinoa);
    expect((await world.api.putItems([quinoa])).body).toEqual({ upserted: 1 });
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('найди киноа');
    expect(cardsOf(chat).find((c) => c.itemId === 'x-quinoa')?.price).toBe(259);

    const cheaper = { ...quinoa, price: 199 };
    registerItem(cheaper);
    await world.api.putItems([cheaper]);
    await chat.send('найди киноа');
    expect(cardsOf(chat).find((c) => c.itemId === 'x-quinoa')?.price).toBe(199);

    const gone = { ...cheaper, available: false };
    registerItem(gone);
    await world.api.putItems([gone]);
    await chat.send('найди киноа');
    expect(chat.cards().map((c) => c.itemId)).not.toContain('x-quinoa');
  });

  it('a new order changes "как в прошлый раз" at once', async () => {
    const chat = await world.shopper({ locale: 'ru', history: regularShopper, name: 'new-order' });
    await chat.send('как в прошлый раз');
    expect(chat.cards().map((c) => c.itemId).sort()).toEqual(['k-bread', 'k-buckwheat', 'k-milk']);
    const today = new History(chat.shopperId).order(0, [['s-juice', 1], ['s-hummus', 2]]).events.map((e) => ({ ...e, id: `${e.id}-today` }));
    expect((await world.api.postEvents(today)).body).toMatchObject({ accepted: 2 });
    await chat.send('как в прошлый раз');
    expect(chat.cards().map((c) => c.itemId).sort()).toEqual(['s-hummus', 's-juice']);
  });
});

describe('conversation runtime', () => {
  it('a burst of five "возьми первое" in one conversation is handled one at a time, none lost or doubled', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('найди бананы');
    const burst = await Promise.all(
      Array.from({ length: 5 }, () => world.api.message(chat.token, { text: 'возьми первое', conversationId: chat.conversationId })),
    );
    expect(burst.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await chat.send('что в корзине?');
    expect(chat.cards().map((c) => c.itemId)).toEqual(['s-bananas']);
    expectText(chat, /5 × 119/);
  });

  it('a correction "нет, не две, а три" changes the quantity', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('найди бананы');
    await chat.send('добавь две штуки');
    await chat.send('нет, не две, а три');
    await chat.send('что в корзине?');
    expectText(chat, /3 × 119/);
  });

  it('an interruption in the middle of a question is answered, then the question resumes', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('найди молоко в Самокате');
    await chat.send('возьми пятое');
    expect(chat.cards().length).toBeGreaterThan(0);
    await chat.send('кстати, что в корзине?');
    expectText(chat, /корзин/i);
    await chat.send('второе');
    await chat.send('что в корзине?');
    expect(chat.cards().length).toBe(1);
  });

  it('beyond the per-shopper rate limit the shopper gets a polite answer, not silence or a 5xx', async () => {
    const token = await world.api.token('acc-rate-limited');
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 55; i += 1) {
      const res = await world.api.message(token, { text: 'привет', locale: 'ru' });
      statuses.push(res.status);
      last = res.text;
    }
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(last).toMatch(/[а-яё]{3,}/i);
  });
});

describe('web widget and studio', () => {
  it('GET / serves the widget and POST /api/v1/web/session gives a token the chat accepts', async () => {
    const page = await world.api.request('GET', '/', { auth: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const session = await world.api.request<{ token: string }>('POST', '/api/v1/web/session', { auth: null });
    expect([200, 201]).toContain(session.status);
    expect(session.body.token).toEqual(expect.any(String));
  });

  it('the studio API requires login', async () => {
    const res = await world.api.request('GET', '/api/v1/studio/templates', { auth: null });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });
});
