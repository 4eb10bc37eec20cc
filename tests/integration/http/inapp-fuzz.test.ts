import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopperToken, startTestServer } from './test-server.ts';

const printable = (max: number) => fc.string({ unit: fc.constantFrom(...' !"#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~'.split('')), maxLength: max });

/** Bodies near the contract (the interesting ones) mixed with arbitrary JSON and raw text. */
const body = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({ text: fc.string({ minLength: 1, maxLength: 300 }), locale: fc.constantFrom('ru', 'en') }, { requiredKeys: ['text'] })
      .map((value) => JSON.stringify(value)),
  },
  fc.record(
    {
      text: fc.oneof(fc.string({ maxLength: 50 }), fc.string({ minLength: 4090, maxLength: 4100 }), fc.jsonValue()),
      action: fc.oneof(fc.record({ payload: fc.oneof(fc.string(), fc.jsonValue()) }, { requiredKeys: [] }), fc.jsonValue()),
      locale: fc.oneof(fc.constantFrom('ru', 'en', 'de', ''), fc.jsonValue()),
      conversationId: fc.oneof(fc.string(), fc.stringMatching(/^[\w.:-]{1,20}$/), fc.jsonValue()),
      extra: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ).map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '{"text":', '[]', 'null', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', '\u0000'),
);

const headers = fc.record(
  {
    'content-type': fc.oneof(
      { weight: 4, arbitrary: fc.constant('application/json') },
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', ''),
      printable(40),
    ),
    accept: fc.oneof(fc.constantFrom('text/event-stream', 'application/json', '*/*'), printable(40)),
    'accept-language': fc.oneof(fc.constantFrom('ru-RU', 'en', 'de-DE;q=0.5', ''), printable(60)),
    authorization: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('VALID', 'WEB') },
      fc.constantFrom('Bearer ', 'Bearer a.b.c', 'Basic Zm9vOmJhcg=='),
      printable(80),
    ),
  },
  { requiredKeys: [] },
);

describe('anything a client sends', () => {
  let app: FastifyInstance;
  let valid: string;
  let web: string;

  beforeAll(async () => {
    app = await startTestServer();
    valid = `Bearer ${await shopperToken('fuzzer')}`;
    const session = await app.inject({ method: 'POST', url: '/api/v1/web/session' });
    web = `Bearer ${session.json().token as string}`;
  });
  afterAll(() => app.close());

  it('never yields a 5xx, and every 4xx carries the error JSON', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/v1/inapp/messages', '/api/v1/web/messages', '/api/v1/web/session'),
        fc.constantFrom('POST', 'POST', 'POST', 'PUT', 'GET'),
        headers,
        body,
        async (url, method, rawHeaders, payload) => {
          const sent: Record<string, string> = { ...rawHeaders };
          if (sent.authorization === 'VALID') sent.authorization = valid;
          if (sent.authorization === 'WEB') sent.authorization = web;
          const response = await app.inject({ method, url, headers: sent, ...(method === 'GET' ? {} : { payload }) });
          seen.add(response.statusCode);
          expect(response.statusCode).toBeLessThan(500);
          if (response.statusCode >= 400) {
            expect(response.headers['content-type']).toMatch(/^application\/json/);
            const json = response.json();
            expect(Object.keys(json)).toEqual(['error']);
            expect(json.error).toEqual({ code: expect.any(String), message: expect.any(String) });
          }
        },
      ),
      { numRuns: 400 },
    );
    // The generator must reach the turn itself, not only the gates in front of it.
    expect([...seen]).toEqual(expect.arrayContaining([200, 400, 401, 415]));
  });
});
