import { fastify, type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCatalogRoutes } from '../../../adapters/http/catalog-routes.ts';
import { registerErrorHandling } from '../../../adapters/http/error-handler.ts';
import { registerEventsRoutes } from '../../../adapters/http/events-routes.ts';
import { registerUsersRoutes } from '../../../adapters/http/users-routes.ts';
import { ErasureService } from '../../../core/context/erasure-service.ts';
import { InProcessEventQueue } from '../../../core/context/event-queue.ts';
import { IngestionService } from '../../../core/context/ingestion-service.ts';
import { ProfileBuilder } from '../../../core/context/profile-builder.ts';
import { createPseudonymizer } from '../../../core/context/pseudonymizer.ts';
import { MemoryCatalogStore } from '../../../core/stores/memory-catalog-store.ts';
import { MemoryConversationLogStore } from '../../../core/stores/memory-conversation-log-store.ts';
import { MemoryEventStore } from '../../../core/stores/memory-event-store.ts';
import { MemoryIdentityStore } from '../../../core/stores/memory-identity-store.ts';
import { MemoryProfileStore } from '../../../core/stores/memory-profile-store.ts';
import { CATALOG } from '../../unit/context/fixtures.ts';

const API_KEY = 'test-api-key-0123456789';
const auth = { authorization: `Bearer ${API_KEY}` };

describe('catalog, events and users HTTP API', () => {
  let app: FastifyInstance;
  const catalog = new MemoryCatalogStore();
  const profiles = new MemoryProfileStore();
  const events = new MemoryEventStore();

  beforeAll(async () => {
    const builder = new ProfileBuilder({ profiles, catalog });
    const ingestion = new IngestionService({ events, queue: new InProcessEventQueue({ apply: (batch) => builder.applyEvents(batch) }), maxBatch: 100 });
    const erasure = new ErasureService({ profiles, events, identities: new MemoryIdentityStore(), conversationLog: new MemoryConversationLogStore() });
    // Ids may have up to 200 characters; fastify's router alone would cut path parameters at 100 (414).
    app = fastify({ routerOptions: { maxParamLength: 1_000 } });
    app.removeContentTypeParser('text/plain');
    registerErrorHandling(app);
    registerCatalogRoutes(app, { catalog, apiKey: API_KEY, maxItems: 20 });
    registerEventsRoutes(app, { ingestion, apiKey: API_KEY });
    registerUsersRoutes(app, { profiles: builder.profiles, erasure, apiKey: API_KEY });
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers 401 with the error JSON without or with a wrong API key, on every route', async () => {
    const requests = [
      { method: 'PUT' as const, url: '/api/v1/catalog/items', payload: { items: [] } },
      { method: 'POST' as const, url: '/api/v1/events', payload: { events: [] } },
      { method: 'GET' as const, url: '/api/v1/users/u/profile' },
      { method: 'DELETE' as const, url: '/api/v1/users/u' },
    ];
    for (const request of requests) {
      for (const headers of [{}, { authorization: 'Bearer wrong-key-wrong-key' }, { authorization: API_KEY }]) {
        const res = await app.inject({ ...request, headers });
        expect(res.statusCode, `${request.method} ${request.url}`).toBe(401);
        expect(res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
      }
    }
  });

  it('upserts catalog items and rejects invalid ones with a 400 naming the field', async () => {
    const ok = await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers: auth, payload: { items: CATALOG } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ upserted: CATALOG.length });
    expect(await catalog.count()).toBe(CATALOG.length);
    const bad = await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers: auth, payload: { items: [CATALOG[0], { ...CATALOG[1], price: -5 }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(bad.json().error.message).toContain('items[1].price');
    for (const payload of [{}, { items: 'x' }, { items: [], extra: 1 }, []]) {
      const res = await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers: auth, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('refuses a catalog batch over the limit with 413', async () => {
    const items = Array.from({ length: 21 }, (_, i) => ({ ...CATALOG[0], id: `x${i}` }));
    const res = await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers: auth, payload: { items } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({ code: 'payload_too_large', message: expect.stringContaining('at most 20 items') });
  });

  it('accepts events with 202, rejecting bad ones alone and counting duplicates', async () => {
    const good = { id: 'h1', userId: 'alice', service: 'samokat', type: 'order', itemId: 'milk-oat', ts: '2026-03-01T10:00:00Z', price: 120 };
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: auth,
      payload: { events: [good, { ...good, id: 'h2', rating: 9, type: 'rating' }, good, { ...good, id: 'h3', type: 'view' }] },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 2, duplicates: 1, rejected: [{ index: 1, error: expect.stringContaining('rating') }] });
    const again = await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload: { events: [good] } });
    expect(again.json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
  });

  it('answers bad event envelopes with 400, oversized batches with 413, and non-JSON with 415', async () => {
    for (const payload of [{}, { events: {} }, { events: [], more: true }]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const big = await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload: { events: Array.from({ length: 101 }, () => ({})) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('at most 100 events');
    const malformed = await app.inject({ method: 'POST', url: '/api/v1/events', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"events": [' });
    expect(malformed.statusCode).toBe(400);
    const text = await app.inject({ method: 'POST', url: '/api/v1/events', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(415);
  });

  it('returns the unified profile, 404 for unknown users, and erases a user everywhere', async () => {
    const profile = await app.inject({ method: 'GET', url: '/api/v1/users/alice/profile', headers: auth });
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ shopperId: 'alice', events: 2, services: { samokat: { orders: 1 } } });
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/users/nobody/profile', headers: auth });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: { code: 'not_found', message: "user 'nobody' not found" } });
    const erased = await app.inject({ method: 'DELETE', url: '/api/v1/users/alice', headers: auth });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ erased: true, found: true, removed: { profile: 1, events: 2 } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/users/alice/profile', headers: auth })).statusCode).toBe(404);
    expect(await events.listByUser('alice')).toEqual([]);
    const tooLong = await app.inject({ method: 'GET', url: `/api/v1/users/${'x'.repeat(201)}/profile`, headers: auth });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toEqual({ error: { code: 'validation_failed', message: expect.stringContaining('userId') } });
  });
});

describe('users API with pseudonymised shopper ids', () => {
  it('maps the service’s own id with the same keyed hash as ingestion, for reads and erasure', async () => {
    const catalog = new MemoryCatalogStore();
    await catalog.upsertMany(CATALOG);
    const profiles = new MemoryProfileStore();
    const events = new MemoryEventStore();
    const builder = new ProfileBuilder({ profiles, catalog });
    const shopperIds = createPseudonymizer({ key: 'pseudonym-key-0123456789' });
    const ingestion = new IngestionService({ events, shopperIds, queue: new InProcessEventQueue({ apply: (batch) => builder.applyEvents(batch) }) });
    const erasure = new ErasureService({ profiles, events, identities: new MemoryIdentityStore(), conversationLog: new MemoryConversationLogStore() });
    const app = fastify();
    registerErrorHandling(app);
    registerEventsRoutes(app, { ingestion, apiKey: API_KEY });
    registerUsersRoutes(app, { profiles: builder.profiles, erasure, apiKey: API_KEY, shopperIds });
    await app.ready();
    const event = { id: 'p1', userId: 'customer-42', service: 'kuper', type: 'view', itemId: 'apples', ts: '2026-03-01T10:00:00Z' };
    expect((await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload: { events: [event] } })).statusCode).toBe(202);
    expect(await profiles.get('customer-42')).toBeUndefined();
    const profile = await app.inject({ method: 'GET', url: '/api/v1/users/customer-42/profile', headers: auth });
    expect(profile.json().shopperId).toBe(shopperIds('customer-42'));
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/users/customer-42', headers: auth })).json()).toMatchObject({ found: true });
    expect(await events.count()).toBe(0);
    await app.close();
  });
});
