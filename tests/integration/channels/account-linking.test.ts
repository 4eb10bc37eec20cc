import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../bots/shopping-assistant/config.ts';
import { createServer } from '../../../bots/shopping-assistant/server.ts';
import { CATALOG, REGULAR_EVENTS } from '../../unit/dialog/shopping/fixture.ts';
import { shopperToken, TEST_SECRET } from '../http/test-server.ts';
import { fixture } from './channel-test-handler.ts';
import { startFakeApi, type FakeApiServer } from './fake-api-server.ts';

const TOKEN = '7012345678:AAH-linking-token';
const SECRET = 'linking-telegram-secret';
const API_KEY = 'linking-api-key-0123456789abcdef';

interface TelegramUpdate { update_id: number; message: { text: string; from: { id: number }; chat: { id: number } } }

// A shopper links Telegram to the app account with the one-time code the app shows; from then on the Telegram
// user is that shopper, with their purchase history.
describe('linking a messenger account with a one-time code', () => {
  let telegram: FakeApiServer;
  let app: FastifyInstance;
  let updateId = 90_000;
  let telegramUser = 500_000;

  beforeAll(async () => {
    telegram = await startFakeApi((call) => ({ body: { ok: true, result: { message_id: 1, date: 1, chat: { id: call.body.chat_id } } } }));
    app = await createServer({
      config: parseConfig({
        LOG_LEVEL: 'silent', DEMO_DATA: 'off', SOVETNIK_API_KEY: API_KEY, INAPP_JWT_SECRET: TEST_SECRET,
        TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: telegram.url,
      }),
    });
    const headers = { authorization: `Bearer ${API_KEY}` };
    expect((await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers, payload: { items: CATALOG } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/events', headers, payload: { events: REGULAR_EVENTS } })).statusCode).toBe(202);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await telegram?.close();
  });
  beforeEach(() => {
    telegram.calls.length = 0;
    telegramUser += 1;
  });

  async function issueCode(shopperId: string): Promise<string> {
    const response = await app.inject({ method: 'POST', url: '/api/v1/inapp/link-codes', headers: { authorization: `Bearer ${await shopperToken(shopperId)}` } });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.code).toMatch(/^\d{8}$/);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    return body.code;
  }

  async function say(text: string): Promise<string> {
    const update = fixture<TelegramUpdate>('telegram/message-text.json');
    update.update_id = updateId++;
    update.message.text = text;
    update.message.from.id = telegramUser;
    update.message.chat.id = telegramUser;
    telegram.calls.length = 0;
    expect((await app.inject({ method: 'POST', url: '/webhooks/telegram', payload: update, headers: { 'x-telegram-bot-api-secret-token': SECRET } })).statusCode).toBe(200);
    return telegram.calls.filter((c) => c.path.endsWith('/sendMessage')).map((c) => String(c.body.text)).join('\n');
  }

  it('links through the deep link, then reorders from the app account history', async () => {
    expect(await say('повтори мой обычный заказ в Купере')).not.toMatch(/Молоко/);
    const code = await issueCode('u-regular');
    expect(await say(`/start ${code}`)).toMatch(/аккаунт связан/);
    expect(await say('повтори мой обычный заказ в Купере')).toMatch(/Молоко/);
  }, 30_000);

  it('links when the code is typed, and refuses a used or wrong code', async () => {
    const code = await issueCode('u-regular');
    expect(await say(`мой код ${code.slice(0, 4)} ${code.slice(4)}`)).toMatch(/аккаунт связан/);
    telegramUser += 1;
    expect(await say(code)).toMatch(/не подошёл/);
    expect(await say('12345678')).toMatch(/не подошёл/);
  }, 30_000);

  it('issues codes only to signed-in app shoppers', async () => {
    const none = await app.inject({ method: 'POST', url: '/api/v1/inapp/link-codes' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('unauthorized');
    const web = await app.inject({ method: 'POST', url: '/api/v1/web/session', payload: {} });
    const webToken = web.json().token as string;
    const refused = await app.inject({ method: 'POST', url: '/api/v1/inapp/link-codes', headers: { authorization: `Bearer ${webToken}` } });
    expect(refused.statusCode).toBe(403);
  });
});
