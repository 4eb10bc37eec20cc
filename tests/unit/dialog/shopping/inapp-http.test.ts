import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../../bots/shopping-assistant/app-services.ts';
import { parseConfig } from '../../../../bots/shopping-assistant/config.ts';
import { createServer } from '../../../../bots/shopping-assistant/server.ts';
import { CATALOG, REGULAR_EVENTS } from './fixture.ts';

const SECRET = 'dialog-test-secret-dialog-test-secret-01';
const API_KEY = 'dialog-test-api-key-0123456789';

async function token(sub: string): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));
}

describe('the shopping assistant behind the in-app API (composition root)', () => {
  let services: AppServices;
  let app: FastifyInstance;

  beforeAll(async () => {
    services = await createAppServices({
      config: parseConfig({ LOG_LEVEL: 'silent', INAPP_JWT_SECRET: SECRET, SOVETNIK_API_KEY: API_KEY, DEMO_DATA: 'off' }),
    });
    app = await createServer({ services });
    // Catalog and shoppers arrive through the public APIs, as the services send them.
    const headers = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
    const catalog = await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers, payload: { items: CATALOG } });
    expect(catalog.json()).toEqual({ upserted: CATALOG.length });
    const events = await app.inject({ method: 'POST', url: '/api/v1/events', headers, payload: { events: REGULAR_EVENTS } });
    expect(events.statusCode).toBe(202);
    // As `npm start` does once the catalogs are in: the recommender is built before the first shopper asks.
    await services.warmUp();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await services?.close();
  });

  async function post(shopper: string, body: Record<string, unknown>) {
    const response = await app.inject({
      method: 'POST', url: '/api/v1/inapp/messages', payload: body,
      headers: { authorization: `Bearer ${await token(shopper)}`, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(200);
    return response.json() as { conversationId: string; replies: Array<Record<string, unknown>> };
  }

  it('answers with exact-contract cards, follows references across turns and checks out by link', async () => {
    const first = await post('u-regular', { text: 'что взять на ужин на двоих до 1000 рублей в Самокате?' });
    const cards = first.replies.find((r) => r.type === 'cards') as { cards: Array<Record<string, unknown>> } | undefined;
    expect(cards).toBeDefined();
    for (const card of cards!.cards) {
      expect(Object.keys(card)).toEqual(expect.arrayContaining(['itemId', 'service', 'title', 'price', 'currency', 'reason']));
      expect(card.service).toBe('samokat');
      expect(card.currency).toBe('RUB');
    }
    const conversationId = first.conversationId;
    const added = await post('u-regular', { text: 'возьми второе', conversationId });
    expect(String(added.replies[0]!.text)).toMatch(/Добавил «.+» × 1/);
    const checkout = await post('u-regular', { text: 'оформи заказ', conversationId });
    expect(String(checkout.replies[0]!.text)).toMatch(/https:\/\/samokat\.ru\/cart\?add=/);
  });

  it('switches to English for the conversation and erases the shopper on request', async () => {
    const hello = await post('u-regular', { text: 'switch to English' });
    const conversationId = hello.conversationId;
    const known = await post('u-regular', { text: 'что ты обо мне знаешь?', conversationId });
    expect(String(known.replies[0]!.text)).toMatch(/Kuper: 3 orders/);
    await post('u-regular', { text: 'delete my data', conversationId });
    const done = await post('u-regular', { action: { payload: 'yes' }, conversationId });
    expect(String(done.replies[0]!.text)).toMatch(/erased/);
    const profile = await app.inject({ method: 'GET', url: '/api/v1/users/u-regular/profile', headers: { authorization: `Bearer ${API_KEY}` } });
    expect(profile.statusCode).toBe(404);
  });

  it('saves a stated preference in the profile and respects it in a new conversation', async () => {
    await post('u-vegan', { text: 'я веган' });
    const profile = await app.inject({ method: 'GET', url: '/api/v1/users/u-vegan/profile', headers: { authorization: `Bearer ${API_KEY}` } });
    expect(JSON.stringify(profile.json())).toMatch(/vegan/);
    const next = await post('u-vegan', { text: 'что взять на ужин в Самокате?' });
    const cards = next.replies.find((r) => r.type === 'cards') as { cards: Array<{ itemId: string }> } | undefined;
    expect(cards?.cards.length).toBeGreaterThan(0);
    for (const card of cards!.cards) expect(CATALOG.find((i) => i.id === card.itemId)?.tags).toContain('vegan');
  });
});
