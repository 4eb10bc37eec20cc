import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../bots/shopping-assistant/app-services.ts';
import { channelBannerLines, telegramWebhookSecret } from '../../../bots/shopping-assistant/channel-services.ts';
import { parseConfig } from '../../../bots/shopping-assistant/config.ts';
import { createServer } from '../../../bots/shopping-assistant/server.ts';
import { startTestServer } from '../http/test-server.ts';
import { CATALOG, REGULAR_EVENTS } from '../../unit/dialog/shopping/fixture.ts';
import { fixture } from './channel-test-handler.ts';
import { startFakeApi, type FakeApiServer } from './fake-api-server.ts';

const TOKEN = '7012345678:AAH-wiring-token';

describe('channel wiring in the composition root', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('registers no messenger webhook without credentials', async () => {
    app = await startTestServer();
    for (const url of ['/webhooks/telegram', '/webhooks/slack/events', '/webhooks/slack/interactions', '/api/messages']) {
      const response = await app.inject({ method: 'POST', url, payload: {} });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('rejects half-configured channels at start-up', () => {
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET must be set together/);
    expect(() => parseConfig({ MICROSOFT_APP_ID: 'id' })).toThrow(/MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD/);
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: 't', TELEGRAM_API_ROOT: 'ftp://x' })).toThrow(/TELEGRAM_API_ROOT/);
  });

  it('derives a stable Telegram webhook secret from the bot token when none is set, and prints it', async () => {
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN });
    const secret = telegramWebhookSecret(config.telegram!);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect(secret).not.toContain(TOKEN.split(':')[1]);
    expect(telegramWebhookSecret(parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN }).telegram!)).toBe(secret);
    expect(telegramWebhookSecret(parseConfig({ TELEGRAM_BOT_TOKEN: `${TOKEN}x` }).telegram!)).not.toBe(secret);
    expect(channelBannerLines(config, 'http://h').join('\n')).toContain(`secret_token=${secret}`);
    expect(channelBannerLines(parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: 'mine' }), 'http://h').join('\n')).not.toContain('secret_token');

    app = await startTestServer({ env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' } });
    const update = fixture('telegram/edited-message.json');
    const wrong = await app.inject({ method: 'POST', url: '/webhooks/telegram', payload: update, headers: { 'x-telegram-bot-api-secret-token': 'guess' } });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({ method: 'POST', url: '/webhooks/telegram', payload: update, headers: { 'x-telegram-bot-api-secret-token': secret } });
    expect(right.statusCode).toBe(200);
  });
});

describe('Telegram with the shopping assistant', () => {
  const SECRET = 'assistant-telegram-secret';
  let telegram: FakeApiServer;
  let services: AppServices;
  let app: FastifyInstance;
  let messageId = 1;

  beforeAll(async () => {
    telegram = await startFakeApi((call) => ({
      body: { ok: true, result: call.path.endsWith('/sendMessage') ? { message_id: messageId++, date: 1, chat: { id: call.body.chat_id } } : true },
    }));
    const apiKey = 'channel-wiring-api-key-0123456789';
    services = await createAppServices({
      config: parseConfig({
        LOG_LEVEL: 'silent', DEMO_DATA: 'off', SOVETNIK_API_KEY: apiKey,
        TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: telegram.url,
      }),
    });
    app = await createServer({ services });
    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
    expect((await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers, payload: { items: CATALOG } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/events', headers, payload: { events: REGULAR_EVENTS } })).statusCode).toBe(202);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await services?.close();
    await telegram?.close();
  });

  interface Button {
    text: string;
    callback_data: string;
  }
  let updateId = 5_000;
  const post = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/webhooks/telegram', payload: payload as object, headers: { 'x-telegram-bot-api-secret-token': SECRET } });

  it('answers a product question with a numbered list whose buttons fit Telegram and work when pressed', async () => {
    const update = fixture<{ update_id: number; message: { text: string } }>('telegram/message-text.json');
    update.update_id = updateId++;
    update.message.text = 'что взять на ужин на двоих до 1000 рублей в Самокате?';
    expect((await post(update)).statusCode).toBe(200);
    const withKeyboard = telegram.calls.find((c) => c.path.endsWith('/sendMessage') && /^\d+\. /m.test(String(c.body.text)));
    expect(withKeyboard, JSON.stringify(telegram.calls.map((c) => c.body.text))).toBeDefined();
    const keyboard = (withKeyboard!.body.reply_markup as { inline_keyboard: Button[][] }).inline_keyboard;
    for (const button of keyboard.flat()) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
    const add = keyboard.flat().find((b) => b.text.startsWith('1. ') && b.callback_data.includes('add_to_cart'))!;
    expect(add).toBeDefined();

    telegram.calls.length = 0;
    const press = fixture<{ update_id: number; callback_query: { data: string; message: { reply_markup: unknown } } }>('telegram/callback-query.json');
    press.update_id = updateId++;
    press.callback_query.data = add.callback_data;
    press.callback_query.message.reply_markup = { inline_keyboard: keyboard };
    expect((await post(press)).statusCode).toBe(200);
    const answer = telegram.calls.find((c) => c.path.endsWith('/sendMessage'));
    expect(String(answer?.body.text)).toMatch(/Добавил «.+»/);
  }, 30_000);
});
