import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../../bots/shopping-assistant/app-services.ts';
import { parseConfig } from '../../../../bots/shopping-assistant/config.ts';
import { createServer } from '../../../../bots/shopping-assistant/server.ts';
import { ProfileBuilder } from '../../../../core/context/profile-builder.ts';
import { CATALOG, REGULAR_EVENTS } from './fixture.ts';

const SECRET = 'dialog-test-secret-dialog-test-secret-01';

async function token(sub: string): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));
}

describe('the shopping assistant behind the in-app API (composition root)', () => {
  let services: AppServices;
  let app: FastifyInstance;

  beforeAll(async () => {
    services = await createAppServices({ config: parseConfig({ LOG_LEVEL: 'silent', INAPP_JWT_SECRET: SECRET }) });
    await services.stores.catalog.upsertMany(CATALOG);
    await services.stores.events.appendMany(REGULAR_EVENTS);
    await new ProfileBuilder({ profiles: services.stores.profiles, catalog: services.stores.catalog }).applyEvents(REGULAR_EVENTS);
    app = await createServer({ services });
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
    expect(String(known.replies[0]!.text)).toMatch(/Kuper: 5 orders/);
    await post('u-regular', { text: 'delete my data', conversationId });
    const done = await post('u-regular', { action: { payload: 'yes' }, conversationId });
    expect(String(done.replies[0]!.text)).toMatch(/erased/);
    expect(await services.stores.profiles.get('u-regular')).toBeUndefined();
  });
});
