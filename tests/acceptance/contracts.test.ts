import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, registerItem, type Item } from './support/catalog.ts';
import type { Api, HttpAnswer } from './support/client.ts';
import { errorSchema, replySchema } from './support/reply-schema.ts';
import { History, regularShopper } from './support/shoppers.ts';
import { cardsOf, expectText, profileWithEvents, startWorld, type World } from './support/world.ts';

let world: World;
let api: Api;

beforeAll(async () => {
  world = await startWorld();
  api = world.api;
});

afterAll(async () => {
  await world?.stop();
});

/** A 4xx with exactly the DESIGN.md error JSON. */
function expectError(res: HttpAnswer, status: number): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type') ?? '').toMatch(/application\/json/);
  expect(errorSchema.safeParse(res.body).success, res.text).toBe(true);
}

interface SseEvent {
  event: string;
  data: unknown;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message';
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

const order = (id: string, userId: string, itemId: string, extra: Record<string, unknown> = {}) => {
  const item = CATALOG.find((i) => i.id === itemId)!;
  return { id, userId, service: item.service, type: 'order', ts: new Date(Date.now() - 86_400_000).toISOString(), itemId, orderId: `${id}-o`, quantity: 1, price: item.price, ...extra };
};

describe('operations endpoints', () => {
  it('GET /healthz answers 200 with JSON', async () => {
    const res = await api.request<{ status: string }>('GET', '/healthz', { auth: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: expect.any(String) });
  });

  it('GET /metrics serves Prometheus text with the turn and HTTP counters', async () => {
    const chat = await world.shopper();
    await chat.send('привет');
    const res = await api.request('GET', '/metrics', { auth: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    expect(res.text).toMatch(/^sovetnik_turns_total\{.*\} \d+/m);
    expect(res.text).toMatch(/^sovetnik_http_requests_total\{.*\} \d+/m);
  });

  it('an unknown route is a 404 with the error JSON', async () => {
    expectError(await api.request('GET', '/api/v1/nothing-here'), 404);
  });
});

describe('service API authentication', () => {
  const calls: [string, (a: Api, key: string | null) => Promise<HttpAnswer>][] = [
    ['PUT /api/v1/catalog/items', (a, key) => a.putItems([CATALOG[0]], key)],
    ['POST /api/v1/events', (a, key) => a.postEvents([order('auth-e1', 'auth-user', 's-milk')], key)],
    ['GET /api/v1/users/{id}/profile', (a, key) => a.profile('acc-auth-user', key)],
    ['DELETE /api/v1/users/{id}', (a, key) => a.deleteUser('acc-auth-user', key)],
  ];
  for (const [name, call] of calls) {
    it(`${name}: a wrong or missing API key is a 401 with the error JSON`, async () => {
      expectError(await call(api, 'not-the-key-0123456789'), 401);
      expectError(await call(api, null), 401);
      expectError(await call(api, `${api.server.apiKey}x`), 401);
      const jwt = await api.token('someone');
      expectError(await call(api, jwt), 401);
    });
  }

  it('nothing was written by the rejected calls', async () => {
    expectError(await api.profile('auth-user'), 404);
  });
});

describe('PUT /api/v1/catalog/items', () => {
  const kvass: Item = { id: 'x-kvass', service: 'samokat', title: { ru: 'Квас Очаковский хлебный', en: 'Ochakovo bread kvass' }, category: 'Напитки/Квас', price: 99, currency: 'RUB', tags: ['vegan'] };

  it('rejects invalid items with a 400 and the error JSON', async () => {
    const bad: unknown[] = [
      { ...kvass, title: undefined },
      { ...kvass, title: { en: 'only english' } },
      { ...kvass, price: -1 },
      { ...kvass, price: '99' },
      { ...kvass, currency: 'USD' },
      { ...kvass, service: 'ozon' },
      { ...kvass, id: '' },
      { ...kvass, category: undefined },
      'not an item',
    ];
    for (const item of bad) expectError(await api.putItems([item]), 400);
    expectError(await api.request('PUT', '/api/v1/catalog/items', { body: { items: 'x' } }), 400);
    expectError(await api.request('PUT', '/api/v1/catalog/items', { body: [kvass] }), 400);
    expectError(await api.request('PUT', '/api/v1/catalog/items', { rawBody: '{"items": [' }), 400);
  });

  it('a request with an invalid item stores nothing; a valid one is upserted and found by the assistant', async () => {
    expectError(await api.putItems([kvass, { ...kvass, id: 'x-kvass-2', price: -5 }]), 400);
    const chat = await world.shopper();
    await chat.send('найди квас');
    expect(chat.cards().map((c) => c.itemId)).not.toContain('x-kvass');

    registerItem(kvass);
    const res = await api.putItems([kvass]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ upserted: 1 });
    const later = await world.shopper();
    await later.send('найди квас');
    expect(cardsOf(later).map((c) => c.itemId)).toContain('x-kvass');
  });
});

describe('POST /api/v1/events', () => {
  it('keeps the valid events of a batch and rejects each bad one alone, with its index', async () => {
    const user = 'acc-batch-user';
    const batch = [
      order('batch-1', user, 'k-milk'),
      { ...order('batch-2', user, 'k-bread'), type: 'purchase' },
      order('batch-3', user, 'k-eggs'),
      { ...order('batch-4', user, 'k-eggs'), itemId: undefined },
      { ...order('batch-5', user, 'k-eggs'), type: 'rating', rating: 7 },
      { ...order('batch-6', user, 'k-eggs'), ts: 'yesterday' },
      { ...order('batch-7', user, 'k-eggs'), service: 'ozon' },
      'not an event',
    ];
    const res = await api.postEvents(batch);
    expect(res.status, res.text).toBe(202);
    expect(res.body.accepted).toBe(2);
    expect(res.body.duplicates).toBe(0);
    expect(res.body.rejected.map((r) => r.index).sort()).toEqual([1, 3, 4, 5, 6, 7]);
    for (const r of res.body.rejected) expect(r.error).toEqual(expect.any(String));
    const profile = await profileWithEvents(api, user, 2);
    expect(profile.events).toBe(2);
  });

  it('counts a repeated event id as a duplicate and never applies it twice', async () => {
    const user = 'acc-dup-user';
    const batch = [order('dup-1', user, 'k-milk'), order('dup-2', user, 'k-bread')];
    const first = await api.postEvents(batch);
    expect(first.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const before = await profileWithEvents(api, user, 2);

    const again = await api.postEvents(batch);
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    const inOneBatch = await api.postEvents([order('dup-3', user, 'k-eggs'), order('dup-3', user, 'k-eggs')]);
    expect(inOneBatch.body).toEqual({ accepted: 1, duplicates: 1, rejected: [] });

    const after = await profileWithEvents(api, user, 3);
    expect(after.events).toBe(3);
    const kuper = (p: Record<string, unknown>) => (p.services as Record<string, { events: number }>).kuper!.events;
    expect(kuper(before)).toBe(2);
    expect(kuper(after)).toBe(3);
  });

  it('rejects a malformed envelope with a 400 and the error JSON', async () => {
    expectError(await api.request('POST', '/api/v1/events', { body: {} }), 400);
    expectError(await api.request('POST', '/api/v1/events', { body: { events: 'x' } }), 400);
    expectError(await api.request('POST', '/api/v1/events', { rawBody: 'not json' }), 400);
  });
});

describe('GET and DELETE /api/v1/users/{id}', () => {
  it('the profile is 404 for an unknown shopper and 200 once events arrive', async () => {
    const user = 'acc-profile-user';
    expectError(await api.profile(user), 404);
    await api.postEvents([order('profile-1', user, 's-oat-milk')]);
    const profile = await profileWithEvents(api, user, 1);
    expect(JSON.stringify(profile)).toContain('s-oat-milk');
  });

  it('DELETE erases the shopper: the profile is 404 and the assistant no longer uses their history', async () => {
    const chat = await world.shopper({ history: regularShopper, name: 'erased' });
    await chat.send('как в прошлый раз');
    expect(cardsOf(chat).map((c) => c.itemId).sort()).toEqual(['k-bread', 'k-buckwheat', 'k-milk']);

    const res = await api.deleteUser(chat.shopperId);
    expect(res.status, res.text).toBe(200);
    expectError(await api.profile(chat.shopperId), 404);

    await chat.send('как в прошлый раз');
    expect(chat.cards()).toEqual([]);
    await chat.send('что посоветуешь?');
    const reasons = chat.cards().map((c) => c.reason ?? '').join(' ');
    expect(reasons).not.toMatch(/вы берёте|заказывали|прошлого заказа|обычном заказе/);
    await chat.send('что ты обо мне знаешь?');
    expect(chat.text()).not.toMatch(/Купер: заказов/);
  });
});

describe('POST /api/v1/inapp/messages: authentication and validation', () => {
  it('answers 401 with the error JSON for a missing, malformed, forged, expired or unsigned token', async () => {
    const body = { text: 'привет' };
    expectError(await api.message(null, body), 401);
    expectError(await api.message('abc', body), 401);
    expectError(await api.message(await api.token('u1', { secret: 'another-secret-of-32-characters-long!!' }), body), 401);
    const expired = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setIssuedAt(1_600_000_000).setExpirationTime(1_600_000_100)
      .sign(new TextEncoder().encode(api.server.jwtSecret));
    expectError(await api.message(expired, body), 401);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"u1"}').toString('base64url')}.`;
    expectError(await api.message(unsigned, body), 401);
    const noSub = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(api.server.jwtSecret));
    expectError(await api.message(noSub, body), 401);
    expectError(await api.message(api.server.apiKey, body), 401);
  });

  it('answers 400 with the error JSON for a bad body', async () => {
    const token = await api.token('acc-bad-body');
    const bad: unknown[] = [
      { text: 42 },
      { text: 'привет', locale: 'de' },
      { text: 'привет', extra: true },
      { action: {} },
      { action: { payload: 5 } },
      { text: 'x'.repeat(4097) },
      { conversationId: 5, text: 'привет' },
      [],
      'привет',
    ];
    for (const body of bad) expectError(await api.message(token, body), 400);
    expectError(await api.request('POST', '/api/v1/inapp/messages', { rawBody: '{"text": ', auth: token }), 400);
  });

  it('never answers 5xx to odd but valid messages', async () => {
    const chat = await world.shopper();
    const odd = ['🙂🙂🙂', '?', '...', 'x'.repeat(4096), "'; DROP TABLE users; --", '<script>alert(1)</script>', 'до -5 рублей', 'до 99999999999999999999 рублей',
      'ещё 100000 таких', 'возьми сотое', 'добавь 0 штук', '\u0000\u0007', 'повтори заказ в Озоне', 'ʕ•ᴥ•ʔ'];
    for (const text of odd) {
      const replies = await chat.send(text);
      expect(replies.length, text).toBeGreaterThan(0);
    }
  });
});

describe('server-sent events', () => {
  it('streams the turn as reply events and a final done event with the conversation id', async () => {
    const token = await api.token('acc-sse');
    const response = await fetch(`${api.server.baseUrl}/api/v1/inapp/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ text: 'найди безлактозное молоко', conversationId: 'acc-sse-conv' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await response.text());
    const names = events.map((e) => e.event);
    expect(names.at(-1)).toBe('done');
    expect(events.at(-1)!.data).toEqual({ conversationId: 'acc-sse-conv' });
    const replies = events.filter((e) => e.event === 'reply').map((e) => e.data);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(replySchema.safeParse(reply).success, JSON.stringify(reply)).toBe(true);
    expect(replies.some((r) => (r as { type: string }).type === 'cards')).toBe(true);
    expect(names.every((n) => ['delta', 'reply', 'done'].includes(n))).toBe(true);
  });

  it('a stream request with a bad token gets the JSON 401, not a stream', async () => {
    const response = await fetch(`${api.server.baseUrl}/api/v1/inapp/messages`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope', 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ text: 'привет' }),
    });
    expect(response.status).toBe(401);
    expect(errorSchema.safeParse(await response.json()).success).toBe(true);
  });
});

describe('conversations over the API', () => {
  it('keeps one conversation per conversationId and a new one without it', async () => {
    const chat = await world.shopper();
    await chat.send('найди молоко в Самокате');
    const first = chat.conversationId;
    await chat.send('возьми первое');
    expect(chat.conversationId).toBe(first);
    expectText(chat, /корзин/i);
    const other = await api.message(chat.token, { text: 'что в корзине?' });
    expect(other.status).toBe(200);
    expect(other.body.conversationId).not.toBe(first);
  });

  it('the shopper id comes from the token: one shopper cannot read another one\'s history', async () => {
    const owner = await world.shopper({ history: (id) => new History(id).order(2, [['k-coffee', 3]]), name: 'owner' });
    const stranger = await api.chat('acc-stranger');
    await stranger.send('как в прошлый раз');
    expect(stranger.cards().map((c) => c.itemId)).not.toContain('k-coffee');
    await owner.send('как в прошлый раз');
    expect(cardsOf(owner).map((c) => c.itemId)).toEqual(['k-coffee']);
  });
});
