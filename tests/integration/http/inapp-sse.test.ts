import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { TurnHandler } from '../../../core/bot.ts';
import { parseSse, shopperToken, startTestServer } from './test-server.ts';

const URL = '/api/v1/inapp/messages';

describe('POST /api/v1/inapp/messages as server-sent events', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('streams a template text as a delta, then the settled reply, then done with the conversation id', async () => {
    app = await startTestServer();
    const response = await app.inject({
      method: 'POST',
      url: URL,
      headers: { authorization: `Bearer ${await shopperToken('sse-1')}`, accept: 'text/event-stream' },
      payload: { text: 'привет', conversationId: 'conv-1' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(response.headers['cache-control']).toMatch(/no-cache/);
    const events = parseSse(response.body);
    expect(events.map((e) => e.event)).toEqual(['delta', 'reply', 'done']);
    expect(events[1]?.data).toMatchObject({ type: 'text', text: expect.stringMatching(/Привет/), quickReplies: expect.any(Array) });
    expect(events[0]?.data).toEqual({ text: (events[1]?.data as { text: string }).text });
    expect(events[2]?.data).toEqual({ conversationId: 'conv-1' });
  });

  it('streams deltas of a stream reply as they are produced, then the settled reply and cards', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const handler: TurnHandler = async (context) => {
      async function* chunks(): AsyncGenerator<string> {
        yield 'Подбираю ';
        await released; // the client must see the first chunk before the rest is produced
        yield 'варианты…';
      }
      await context.reply({ type: 'stream', chunks: chunks(), quickReplies: [{ title: 'Ещё', payload: 'more' }] });
      await context.reply({
        type: 'cards',
        text: 'Вот что нашёл',
        cards: [{ itemId: 'sm-1', service: 'samokat', title: 'Молоко 2,5%', price: 89.9, currency: 'RUB', reason: 'вы часто берёте' }],
      });
    };
    app = await startTestServer({ handler: () => handler });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${URL}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await shopperToken('sse-2')}`, accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'молоко' }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let body = '';
    while (!body.includes('\n\n')) body += decoder.decode((await reader.read()).value, { stream: true });
    expect(parseSse(body)).toEqual([{ event: 'delta', data: { text: 'Подбираю ' } }]);
    release();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      body += decoder.decode(value, { stream: true });
    }
    const events = parseSse(body);
    expect(events.map((e) => e.event)).toEqual(['delta', 'delta', 'reply', 'delta', 'reply', 'done']);
    expect(events[2]?.data).toEqual({ type: 'text', text: 'Подбираю варианты…', quickReplies: [{ title: 'Ещё', payload: 'more' }] });
    // The cards reply's text reaches the client as a delta before the reply, like any text.
    expect(events[3]?.data).toEqual({ text: 'Вот что нашёл' });
    expect(events[4]?.data).toEqual({
      type: 'cards',
      text: 'Вот что нашёл',
      cards: [{ itemId: 'sm-1', service: 'samokat', title: 'Молоко 2,5%', price: 89.9, currency: 'RUB', reason: 'вы часто берёте' }],
    });
    expect(events[5]?.data).toEqual({ conversationId: expect.any(String) });
  });

  it('sends the text of a cards reply as a delta before the reply; cards without text send none', async () => {
    const card = { itemId: 'sm-1', service: 'samokat' as const, title: 'Молоко 2,5%', price: 89.9, currency: 'RUB' as const };
    const handler: TurnHandler = async (context) => {
      await context.reply({ type: 'cards', text: 'Вот что нашёл', cards: [card] });
      await context.reply({ type: 'cards', cards: [card] });
    };
    app = await startTestServer({ handler: () => handler });
    const response = await app.inject({
      method: 'POST',
      url: URL,
      headers: { authorization: `Bearer ${await shopperToken('sse-4')}`, accept: 'text/event-stream' },
      payload: { text: 'молоко' },
    });
    const events = parseSse(response.body);
    expect(events.map((e) => e.event)).toEqual(['delta', 'reply', 'reply', 'done']);
    expect(events[0]?.data).toEqual({ text: 'Вот что нашёл' });
    expect(events[1]?.data).toEqual({ type: 'cards', text: 'Вот что нашёл', cards: [card] });
    expect(events[2]?.data).toEqual({ type: 'cards', cards: [card] });
  });

  it('answers JSON errors, not a stream, when the request is rejected before the turn', async () => {
    app = await startTestServer();
    const response = await app.inject({
      method: 'POST',
      url: URL,
      headers: { authorization: `Bearer ${await shopperToken('sse-3')}`, accept: 'text/event-stream' },
      payload: { text: 5 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

describe('a server-sent events turn whose client goes away', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is cancelled: the handler sees its signal abort, nothing is written after the close, and the conversation is free at once', async () => {
    let aborted!: () => void;
    const sawAbort = new Promise<void>((resolve) => (aborted = resolve));
    let chunksAfterAbort = 0;
    const handler: TurnHandler = async (context) => {
      if (context.activity.type === 'message' && context.activity.text === 'second') {
        await context.reply('second answered');
        return;
      }
      const signal = context.signal;
      async function* chunks(): AsyncGenerator<string> {
        yield 'Подбираю ';
        // A model stream that stops when the turn is aborted, as an LLM client does.
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        aborted();
        chunksAfterAbort += 1;
        yield 'никто не прочтёт';
        chunksAfterAbort += 1;
      }
      await context.reply({ type: 'stream', chunks: chunks() });
    };
    app = await startTestServer({ handler: () => handler });
    const errors: unknown[] = [];
    app.server.on('clientError', (error) => errors.push(error));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const token = await shopperToken('sse-gone');
    const client = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}${URL}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'first', conversationId: 'gone-1' }),
      signal: client.signal,
    });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(parseSse(first)).toEqual([{ event: 'delta', data: { text: 'Подбираю ' } }]);
    client.abort();
    await sawAbort;
    // The same conversation answers the next message right away: the lock was released as the turn unwound.
    const started = Date.now();
    const next = await app.inject({
      method: 'POST',
      url: URL,
      headers: { authorization: `Bearer ${token}` },
      payload: { text: 'second', conversationId: 'gone-1' },
    });
    expect(next.statusCode).toBe(200);
    expect(next.json()).toMatchObject({ conversationId: 'gone-1', replies: [{ type: 'text', text: 'second answered' }] });
    expect(Date.now() - started).toBeLessThan(1_000);
    // The stream stopped at its next chunk: the generator was closed, not drained.
    expect(chunksAfterAbort).toBe(1);
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/sovetnik_turns_total\{channel="inapp",outcome="cancelled"\} 1/);
    expect(metrics.body).not.toMatch(/sovetnik_errors_total\{code="(internal|turn_ended)"\}/);
    expect(errors).toEqual([]);
  });
});
