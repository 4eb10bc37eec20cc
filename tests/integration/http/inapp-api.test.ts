import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorShape, shopperToken, startTestServer } from './test-server.ts';

const URL = '/api/v1/inapp/messages';

describe('POST /api/v1/inapp/messages', () => {
  let app: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    app = await startTestServer();
    token = await shopperToken('alice');
  });
  afterAll(() => app.close());

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: URL, headers: { authorization: `Bearer ${token}`, ...headers }, payload: payload as string });

  describe('with a good JWT', () => {
    it('greets in Russian with quick replies, in the DESIGN reply shape', async () => {
      const response = await post({ text: 'привет' });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.conversationId).toEqual(expect.any(String));
      expect(body.replies).toHaveLength(1);
      const [reply] = body.replies;
      expect(reply.type).toBe('text');
      expect(reply.text).toMatch(/Привет! Я Советник/);
      expect(reply.quickReplies).toEqual([
        { title: 'Что ты умеешь?', payload: 'intent:capabilities' },
        { title: 'Помощь', payload: 'intent:help' },
      ]);
      expect(Object.keys(reply).sort()).toEqual(['quickReplies', 'text', 'type']);
    });

    it('greets in English and answers help', async () => {
      expect((await post({ text: 'hello' })).json().replies[0].text).toMatch(/I'm Sovetnik/);
      expect((await post({ text: 'help' })).json().replies[0].text).toMatch(/in your own words/);
    });

    it('answers a quick-reply action in the conversation language kept in the session', async () => {
      const first = (await post({ text: 'What can you do?' })).json();
      expect(first.replies[0].text).toMatch(/Here is what I can do/);
      const second = (await post({ action: { payload: 'intent:help' }, conversationId: first.conversationId })).json();
      expect(second.conversationId).toBe(first.conversationId);
      expect(second.replies[0].text).toMatch(/in your own words/);
      // A new conversation has no history, so a bare button press falls back to Russian.
      expect((await post({ action: { payload: 'intent:help' } })).json().replies[0].text).toMatch(/Пишите обычными словами/);
    });

    it('follows an explicit locale over the text, and the Accept-Language of the app', async () => {
      expect((await post({ text: 'привет', locale: 'en' })).json().replies[0].text).toMatch(/I'm Sovetnik/);
      expect((await post({ text: '👍' }, { 'accept-language': 'en-GB,en;q=0.9' })).json().replies[0].text).toMatch(/didn't get that/);
    });

    it('keeps a language the shopper asked for', async () => {
      const first = (await post({ text: 'switch to English' })).json();
      expect(first.replies[0].text).toMatch(/speak English/);
      const next = (await post({ text: 'привет', conversationId: first.conversationId })).json();
      expect(next.replies[0].text).toMatch(/I'm Sovetnik/);
    });

    it('gives a helpful fallback with quick replies for anything else', async () => {
      const reply = (await post({ text: 'купи слона' })).json().replies[0];
      expect(reply.text).toMatch(/Пока не понял/);
      expect(reply.quickReplies.map((q: { payload: string }) => q.payload)).toEqual(['intent:capabilities', 'intent:help']);
    });

    it('accepts exactly 4096 characters', async () => {
      expect((await post({ text: 'а'.repeat(4096) })).statusCode).toBe(200);
    });
  });

  describe('authentication', () => {
    const cases: [string, () => Promise<Record<string, string>>, RegExp][] = [
      ['a missing token', async () => ({}), /missing token/],
      ['a non-bearer scheme', async () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }), /missing token/],
      ['an expired token', async () => ({ authorization: `Bearer ${await shopperToken('alice', { expiresIn: Math.floor(Date.now() / 1000) - 60 })}` }), /expired/],
      ['a wrongly signed token', async () => ({ authorization: `Bearer ${await shopperToken('alice', { secret: 'another-secret-another-secret-another' })}` }), /signature/],
      ['a token without sub', async () => ({ authorization: `Bearer ${await shopperToken(undefined)}` }), /sub/],
      ['garbage', async () => ({ authorization: 'Bearer not.a.jwt' }), /malformed/],
      ['an unsigned token (alg none)', async () => {
        const enc = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
        return { authorization: `Bearer ${enc({ alg: 'none' })}.${enc({ sub: 'alice', exp: 9_999_999_999 })}.` };
      }, /algorithm|malformed/],
    ];
    it.each(cases)('rejects %s with 401 and the error JSON', async (_name, headers, message) => {
      const response = await app.inject({ method: 'POST', url: URL, headers: await headers(), payload: { text: 'привет' } });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject(errorShape);
      expect(response.json().error.code).toBe('unauthorized');
      expect(response.json().error.message).toMatch(message);
    });
  });

  describe('bad input', () => {
    const cases: [string, unknown, string | undefined, number, RegExp][] = [
      ['malformed JSON', '{"text": "привет"', 'application/json', 400, /malformed JSON/],
      ['an empty JSON body', '', 'application/json', 400, /empty body/],
      ['text over 4096 characters', { text: 'a'.repeat(4097) }, undefined, 400, /text: must be at most 4096 characters/],
      ['text of the wrong type', { text: 42 }, undefined, 400, /text: must be a string/],
      ['an unknown field', { text: 'hi', userId: 'bob' }, undefined, 400, /unknown field 'userId'/],
      ['an unknown field of the wrong type', { text: 'hi', extra: [1, 2] }, undefined, 400, /unknown field 'extra'/],
      ['an action without payload', { action: {} }, undefined, 400, /action\.payload: must be a string/],
      ['an action of the wrong type', { action: 'help' }, undefined, 400, /action: must be an object/],
      ['an unknown locale', { text: 'hi', locale: 'de' }, undefined, 400, /locale: must be 'ru' or 'en'/],
      ['a bad conversationId', { text: 'hi', conversationId: 'a b/c' }, undefined, 400, /conversationId: may contain only/],
      ['neither text nor action', { locale: 'ru' }, undefined, 400, /send a non-blank text or an action/],
      ['blank text', { text: '   ' }, undefined, 400, /non-blank text/],
      ['an array', [{ text: 'hi' }], undefined, 400, /body: must be a JSON object/],
      ['null', 'null', 'application/json', 400, /body: must be a JSON object/],
      ['a proto-poisoned body', '{"text":"hi","__proto__":{"admin":true}}', 'application/json', 400, /malformed JSON/],
      ['plain text', 'привет', 'text/plain', 415, /content type/],
      ['form data', 'text=hi', 'application/x-www-form-urlencoded', 415, /content type/],
      ['a body over the limit', JSON.stringify({ text: 'a'.repeat(300_000) }), 'application/json', 413, /too large/],
    ];
    it.each(cases)('rejects %s', async (_name, payload, contentType, status, message) => {
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      const response = await post(payload, headers);
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toMatchObject(errorShape);
      expect(response.json().error.message).toMatch(message);
    });

    it('answers unknown routes and methods with a 404 error JSON', async () => {
      for (const [method, url] of [['GET', '/api/v1/nope'], ['GET', URL], ['DELETE', '/']] as const) {
        const response = await app.inject({ method, url });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
      }
    });
  });
});
