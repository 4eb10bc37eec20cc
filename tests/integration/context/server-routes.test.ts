import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../bots/shopping-assistant/config.ts';
import { createServer } from '../../../bots/shopping-assistant/server.ts';
import { CATALOG } from '../../unit/context/fixtures.ts';
import { shopperToken, TEST_SECRET } from '../http/test-server.ts';

const API_KEY = 'server-routes-key-0123456789';
const auth = { authorization: `Bearer ${API_KEY}` };

// The context APIs on the assistant's real server, as external tests use them.
describe('context APIs on the assistant server', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createServer({ config: parseConfig({ LOG_LEVEL: 'silent', SOVETNIK_API_KEY: API_KEY, DEMO_DATA: 'off', INAPP_JWT_SECRET: TEST_SECRET }) });
  });
  afterAll(() => app.close());

  it('catalog upsert, events, profile, erasure; 401 and 4xx with the error JSON', async () => {
    expect((await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers: auth, payload: { items: CATALOG } })).json()).toEqual({ upserted: CATALOG.length });
    const events = Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, userId: 'carol', service: 'kuper', type: 'order', itemId: 'protein', ts: `2026-03-0${i + 1}T10:00:00Z` }));
    const posted = await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload: { events: [...events, { id: 'bad' }] } });
    expect(posted.statusCode).toBe(202);
    expect(posted.json()).toMatchObject({ accepted: 3, duplicates: 0, rejected: [{ index: 3 }] });
    const profile = await app.inject({ method: 'GET', url: '/api/v1/users/carol/profile', headers: auth });
    expect(profile.json()).toMatchObject({ shopperId: 'carol', events: 3, services: { kuper: { orders: 3, repurchase: [{ itemId: 'protein', medianIntervalDays: 1 }] } } });
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/users/carol', headers: auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/users/carol/profile', headers: auth })).statusCode).toBe(404);
    const wrongKey = await app.inject({ method: 'GET', url: '/api/v1/users/carol/profile', headers: { authorization: 'Bearer nope' } });
    expect(wrongKey.statusCode).toBe(401);
    const long = await app.inject({ method: 'GET', url: `/api/v1/users/${'y'.repeat(150)}/profile`, headers: auth });
    expect(long.statusCode).toBe(404);
    const tooLong = await app.inject({ method: 'GET', url: `/api/v1/users/${'y'.repeat(201)}/profile`, headers: auth });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.code).toBe('validation_failed');
  });

  it('erases a shopper who chatted and shopped from every store: profile, events, sessions, conversation log, recommender', async () => {
    await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers: auth, payload: { items: CATALOG } });
    const token = await shopperToken('dave');
    const chat = await app.inject({ method: 'POST', url: '/api/v1/inapp/messages', headers: { authorization: `Bearer ${token}` }, payload: { text: 'привет', locale: 'ru' } });
    expect(chat.statusCode).toBe(200);
    const events = [{ id: 'd1', userId: 'dave', service: 'samokat', type: 'order', itemId: 'tofu', ts: '2026-03-01T10:00:00Z' }];
    await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload: { events } });
    const erased = await app.inject({ method: 'DELETE', url: '/api/v1/users/dave', headers: auth });
    expect(erased.statusCode).toBe(200);
    const { removed } = erased.json();
    expect(removed).toMatchObject({ profile: 1, events: 1, identities: 0, consent: 0 });
    expect(removed.conversationLog).toBeGreaterThanOrEqual(2);
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    expect(removed).toHaveProperty('recommender');
    const again = await app.inject({ method: 'DELETE', url: '/api/v1/users/dave', headers: auth });
    expect(again.json()).toMatchObject({ found: false, removed: { profile: 0, events: 0, conversationLog: 0, sessions: 0 } });
  }, 60_000);

  it('takes a full batch of 10,000 events in one request and refuses 10,001 with 413', async () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ({ id: `big-${i}`, userId: `u${i % 50}`, service: 'samokat', type: 'view', itemId: 'tofu', ts: '2026-03-01T10:00:00Z' }));
    const ok = await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload: { events } });
    expect(ok.statusCode).toBe(202);
    expect(ok.json()).toEqual({ accepted: 10_000, duplicates: 0, rejected: [] });
    const tooMany = await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload: { events: [...events, events[0]] } });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().error).toEqual({ code: 'payload_too_large', message: 'a batch may hold at most 10000 events; got 10001' });
  });
});
