import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorShape, startTestServer } from '../http/test-server.ts';
import { channelTestHandler, fixture, LONG_PAYLOAD, seenActivities } from './channel-test-handler.ts';
import { startFakeApi, type FakeApiServer, type RecordedCall } from './fake-api-server.ts';

const TOKEN = '7012345678:AAH-test-token';
const SECRET = 'telegram-secret_0123';

interface Button {
  text: string;
  callback_data: string;
}

/** The Bot API methods the fake received, in order (`sendMessage`, `editMessageText`, ...). */
const methods = (calls: RecordedCall[]): string[] => calls.map((c) => c.path.split('/').pop() ?? '');
const keyboardOf = (call: RecordedCall): Button[][] =>
  ((call.body.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []);

describe('Telegram webhook', () => {
  let telegram: FakeApiServer;
  let app: FastifyInstance;
  let nextMessageId = 100;

  beforeAll(async () => {
    telegram = await startFakeApi((call) => {
      if (!call.path.startsWith(`/bot${TOKEN}/`)) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
      const method = call.path.split('/').pop();
      if (call.body.chat_id === 500) return { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
      // Recorded flood-limit answers: chat 429 is limited for its first call only, chat 430 for a minute.
      const flood = (seconds: number) => ({ status: 429, body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } } });
      if (call.body.chat_id === 429 && telegram.calls.filter((c) => c.body.chat_id === 429).length === 1) return flood(1);
      if (call.body.chat_id === 430) return flood(60);
      if (call.body.chat_id === 400 && method === 'sendPhoto') {
        return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: wrong file identifier/HTTP URL specified' } };
      }
      if (method === 'sendMessage' || method === 'sendPhoto') {
        return { body: { ok: true, result: { message_id: nextMessageId++, date: 1767225600, chat: { id: call.body.chat_id, type: 'private' }, text: call.body.text } } };
      }
      return { body: { ok: true, result: true } };
    });
    app = await startTestServer({
      env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: telegram.url },
      handler: () => channelTestHandler,
    });
  });
  afterAll(async () => {
    await app.close();
    await telegram.close();
  });
  beforeEach(() => {
    telegram.calls.length = 0;
    seenActivities.length = 0;
  });

  let updateId = 900_000;
  const textUpdate = (text: string, chatId = 284719305) => {
    const update = fixture<{ update_id: number; message: { text: string; chat: { id: number } } }>('telegram/message-text.json');
    update.update_id = updateId++;
    update.message.text = text;
    update.message.chat.id = chatId;
    return update;
  };
  const post = (payload: unknown, secret: string | null = SECRET) =>
    app.inject({
      method: 'POST', url: '/webhooks/telegram', payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
    });

  it('answers 401 with the error JSON when the secret token is missing or wrong, and runs no turn', async () => {
    for (const secret of [null, 'wrong', `${SECRET}x`, '']) {
      const response = await post(textUpdate('привет'), secret);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject(errorShape);
      expect(response.json().error.code).toBe('unauthorized');
    }
    expect(telegram.calls).toEqual([]);
    expect(seenActivities).toEqual([]);
  });

  it('turns a text message into an activity and answers with sendMessage and an inline keyboard', async () => {
    const response = await post(fixture('telegram/message-text.json'));
    expect(response.statusCode).toBe(200);
    expect(seenActivities[0]).toMatchObject({
      id: '734201001', type: 'message', channel: 'telegram', conversationId: '284719305', text: 'привет',
      user: { channelUserId: '284719305', name: 'Анна Кузнецова', channelLanguage: 'ru' },
    });
    const [send] = telegram.calls;
    expect(methods(telegram.calls)).toEqual(['sendMessage']);
    expect(send?.body).toMatchObject({ chat_id: 284719305, text: 'echo: привет' });
    expect(keyboardOf(send!)).toEqual([[{ text: 'Help', callback_data: 'intent:help' }, { text: 'Deals', callback_data: 'intent:deals' }]]);
  });

  it('handles a redelivered update_id once', async () => {
    const update = textUpdate('once');
    expect((await post(update)).statusCode).toBe(200);
    expect((await post(update)).statusCode).toBe(200);
    expect((await post(structuredClone(update))).statusCode).toBe(200);
    expect(methods(telegram.calls)).toEqual(['sendMessage']);
    expect(seenActivities).toHaveLength(1);
  });

  it('opens the conversation on /start with the Telegram language', async () => {
    await post(fixture('telegram/message-start.json'));
    expect(seenActivities[0]).toMatchObject({ type: 'conversationUpdate', membersAdded: ['284719305'], user: { channelLanguage: 'en' } });
    expect(telegram.calls[0]?.body.text).toBe('Welcome!');
  });

  it('renders cards as a numbered list with per-card buttons; a long payload travels through a short id', async () => {
    await post(textUpdate('cards'));
    const [send] = telegram.calls;
    expect(methods(telegram.calls)).toEqual(['sendMessage']);
    expect(send?.body.text).toBe([
      'Picked for you', '',
      '1. Product 1 — 1\u00a0001\u00a0₽ · Samokat\n   You bought it 1 times',
      '2. Product 2 — 1\u00a0002\u00a0₽ · Megamarket\n   You bought it 2 times',
      '3. Product 3 — 1\u00a0003\u00a0₽ · Samokat\n   You bought it 3 times',
    ].join('\n'));
    const keyboard = keyboardOf(send!);
    expect(keyboard.map((row) => row.map((b) => b.text))).toEqual([['1. Add', '1. Why'], ['2. Add', '2. Why'], ['3. Add', '3. Why'], ['Help', 'Deals']]);
    for (const button of keyboard.flat()) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
    const mapped = keyboard[0]![0]!.callback_data;
    expect(mapped).not.toBe(LONG_PAYLOAD);

    // The shopper presses "1. Add": the turn gets the full payload and the button's title.
    telegram.calls.length = 0;
    const press = fixture<{ update_id: number; callback_query: { data: string; message: { reply_markup: unknown } } }>('telegram/callback-query.json');
    press.update_id = updateId++;
    press.callback_query.data = mapped;
    press.callback_query.message.reply_markup = { inline_keyboard: keyboard };
    expect((await post(press)).statusCode).toBe(200);
    expect(seenActivities.at(-1)).toMatchObject({ type: 'action', payload: LONG_PAYLOAD, text: '1. Add', conversationId: '284719305' });
    await telegram.waitFor((calls) => methods(calls).includes('answerCallbackQuery'));
    expect(telegram.calls.find((c) => c.path.endsWith('/answerCallbackQuery'))?.body).toMatchObject({ callback_query_id: '1222867734019283754' });
    expect(telegram.calls.find((c) => c.path.endsWith('/sendMessage'))?.body.text).toBe(`pressed ${LONG_PAYLOAD}`);
  });

  it('turns a recorded callback_query into an action', async () => {
    await post(fixture('telegram/callback-query.json'));
    expect(seenActivities[0]).toMatchObject({ id: '734201002', type: 'action', payload: 'intent:help', text: 'Помощь', user: { channelLanguage: 'ru' } });
  });

  it('acknowledges a button whose mapping expired without running a turn', async () => {
    const press = fixture<{ update_id: number; callback_query: { data: string } }>('telegram/callback-query.json');
    press.update_id = updateId++;
    press.callback_query.data = '~p:unknownunknownunknown';
    expect((await post(press)).statusCode).toBe(200);
    await telegram.waitFor((calls) => methods(calls).includes('answerCallbackQuery'));
    expect(seenActivities).toEqual([]);
  });

  it('renders cards with pictures as photos with captions and buttons', async () => {
    await post(textUpdate('photos'));
    expect(methods(telegram.calls)).toEqual(['sendPhoto', 'sendPhoto']);
    const [first, second] = telegram.calls;
    expect(first?.body).toMatchObject({ photo: 'https://img.example/1.jpg', caption: expect.stringContaining('1. Product 1') });
    expect(keyboardOf(first!).flat().map((b) => b.text)).toEqual(['Add', 'Why']);
    expect(keyboardOf(second!).flat().map((b) => b.text)).toEqual(['Add', 'Why', 'Help', 'Deals']);
  });

  it('shows typing, then streams into one message that is edited to the final text with its keyboard', async () => {
    await post(textUpdate('stream'));
    const names = methods(telegram.calls);
    expect(names[0]).toBe('sendChatAction');
    expect(telegram.calls[0]?.body).toMatchObject({ action: 'typing' });
    expect(names.filter((n) => n === 'sendMessage')).toHaveLength(1);
    expect(telegram.calls.find((c) => c.path.endsWith('/sendMessage'))?.body.text).toBe('Milk ');
    const last = telegram.calls.at(-1)!;
    expect(methods([last])).toEqual(['editMessageText']);
    expect(last.body).toMatchObject({ text: 'Milk is in aisle five.', message_id: nextMessageId - 1 });
    expect(keyboardOf(last).flat().map((b) => b.text)).toEqual(['Help', 'Deals']);
  });

  it('shows typing on its own while a turn is silent for more than a second, and not for a quick one', async () => {
    await post(textUpdate('ponder'));
    expect(methods(telegram.calls)).toEqual(['sendChatAction', 'sendMessage']);
    expect(telegram.calls[0]?.body).toMatchObject({ chat_id: 284719305, action: 'typing' });
    expect(telegram.calls[1]?.body.text).toBe('done pondering');
    telegram.calls.length = 0;
    await post(textUpdate('slow'));
    expect(methods(telegram.calls)).toEqual(['sendMessage']);
  });

  it('splits a text longer than 4096 characters into several messages', async () => {
    await post(textUpdate('long'));
    const texts = telegram.calls.map((c) => String(c.body.text));
    expect(texts.length).toBe(2);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096);
    expect(texts.join(' ')).toBe('word '.repeat(1000).trim());
  });

  it('answers a handler bug with an apology message', async () => {
    expect((await post(textUpdate('boom'))).statusCode).toBe(200);
    expect(telegram.calls[0]?.body.text).toMatch(/something broke|что-то сломалось/i);
  });

  it('still answers 200 when the Bot API fails, so Telegram does not redeliver a handled update', async () => {
    const response = await post(textUpdate('hello', 500));
    expect(response.statusCode).toBe(200);
    expect(methods(telegram.calls)).toEqual(['sendMessage']);
  });

  it('sends again after the retry_after of a 429, and drops (logged) a call limited for longer than it is worth waiting', async () => {
    expect((await post(textUpdate('hello', 429))).statusCode).toBe(200);
    expect(methods(telegram.calls)).toEqual(['sendMessage', 'sendMessage']);
    expect(telegram.calls.map((c) => c.body.text)).toEqual(['echo: hello', 'echo: hello']);
    telegram.calls.length = 0;
    expect((await post(textUpdate('hello', 430))).statusCode).toBe(200);
    expect(methods(telegram.calls)).toEqual(['sendMessage']);
  });

  it('sends a card whose picture Telegram refuses as a text message with its caption and buttons', async () => {
    expect((await post(textUpdate('photos', 400))).statusCode).toBe(200);
    expect(methods(telegram.calls)).toEqual(['sendPhoto', 'sendMessage', 'sendPhoto', 'sendMessage']);
    const [, first, , second] = telegram.calls;
    expect(first?.body.text).toBe('1. Product 1 — 1\u00a0001\u00a0₽ · Samokat\n   You bought it 1 times');
    expect(keyboardOf(first!).flat().map((b) => b.text)).toEqual(['Add', 'Why']);
    expect(second?.body.text).toMatch(/^2\. Product 2 — /);
    expect(keyboardOf(second!).flat().map((b) => b.text)).toEqual(['Add', 'Why', 'Help', 'Deals']);
  });

  it.each(['edited-message', 'my-chat-member', 'channel-post', 'message-sticker'])('ignores the unsupported update %s gracefully', async (name) => {
    const response = await post(fixture(`telegram/${name}.json`));
    expect(response.statusCode).toBe(200);
    expect(seenActivities).toEqual([]);
    expect(telegram.calls).toEqual([]);
  });

  it('answers malformed bodies with 4xx and the error JSON', async () => {
    const bad: unknown[] = [[], {}, { update_id: 'x' }, { update_id: -1 }, { update_id: 1, message: { text: 'no chat' } }, null, 'text'];
    for (const payload of bad) {
      const response = await post(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject(errorShape);
    }
    const notJson = await app.inject({
      method: 'POST', url: '/webhooks/telegram', payload: '{"update_id":',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    });
    expect(notJson.statusCode).toBe(400);
  });

  it('never answers 500 to anything a client sends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), async (body, withUpdate) => {
        const payload = withUpdate && typeof body === 'object' && body !== null && !Array.isArray(body) ? { update_id: updateId++, ...body } : body;
        const response = await post(payload as object);
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
