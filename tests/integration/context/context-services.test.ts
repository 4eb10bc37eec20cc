import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { fastify } from 'fastify';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { registerErrorHandling } from '../../../adapters/http/error-handler.ts';
import { parseConfig } from '../../../bots/shopping-assistant/config.ts';
import { createContextServices, registerContextRoutes, type ContextServices } from '../../../bots/shopping-assistant/context-services.ts';
import { MemorySessionStore } from '../../../core/stores/memory-session-store.ts';
import { CATALOG } from '../../unit/context/fixtures.ts';

const API_KEY = 'context-services-key-0123456789';
const silent = pino({ level: 'silent' }, new Writable({ write: (_c, _e, done) => done() }));
const closers: (() => Promise<void>)[] = [];

async function build(env: Record<string, string>, redis?: Redis): Promise<ContextServices> {
  const config = parseConfig({ LOG_LEVEL: 'silent', SOVETNIK_API_KEY: API_KEY, ...env });
  const own: (() => Promise<void>)[] = [];
  const context = await createContextServices({ config, logger: silent, sessions: new MemorySessionStore(), redis, health: [], closers: own });
  closers.push(async () => {
    for (const close of own.reverse()) await close();
  });
  return context;
}

async function http(context: ContextServices) {
  const app = fastify();
  registerErrorHandling(app);
  registerContextRoutes(app, { context, apiKey: API_KEY });
  await app.ready();
  closers.push(() => app.close());
  return app;
}

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('context composition root', () => {
  it('loads the demo catalogs and histories on request unless DEMO_DATA=off', async () => {
    const context = await build({ DEMO_DATA: 'on' });
    expect(await context.catalog.count()).toBe(0);
    const loading = context.loadDemoData();
    expect(context.loadDemoData()).toBe(loading);
    const loaded = await loading;
    expect(loaded!.items).toBeGreaterThan(3_000);
    expect(loaded!.events).toBeGreaterThan(10_000);
    const profile = await context.profiles.getProfile('demo-0001');
    expect(profile!.events).toBeGreaterThan(10);
    expect(Object.keys(profile!.services).length).toBeGreaterThan(0);
    const off = await build({ DEMO_DATA: 'off' });
    expect(await off.loadDemoData()).toBeUndefined();
    expect(await off.catalog.count()).toBe(0);
  }, 60_000);

  it('with REDIS_URL, events posted over HTTP go through the Redis Stream consumer group into the profile', async () => {
    const redis = new Redis(inject('redisUrl'));
    closers.push(async () => redis.disconnect());
    const prefix = `ctx-${randomUUID().slice(0, 8)}:`;
    const context = await build({ DEMO_DATA: 'off', REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: prefix }, redis);
    expect(context.consumer).toBeDefined();
    const app = await http(context);
    const auth = { authorization: `Bearer ${API_KEY}` };
    expect((await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers: auth, payload: { items: CATALOG } })).json()).toEqual({ upserted: CATALOG.length });
    const event = { id: 'r1', userId: 'bob', service: 'samokat', type: 'order', itemId: 'tofu', ts: '2026-03-01T10:00:00Z' };
    const posted = await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload: { events: [event, event] } });
    expect(posted.statusCode).toBe(202);
    expect(posted.json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await redis.xlen(`${prefix}events`)).toBe(1);
    let profile;
    for (let i = 0; i < 200 && !profile; i += 1) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/users/bob/profile', headers: auth });
      if (res.statusCode === 200) profile = res.json();
      else await new Promise((r) => setTimeout(r, 10));
    }
    expect(profile).toMatchObject({ shopperId: 'bob', events: 1, services: { samokat: { orders: 1 } } });
    const erased = await app.inject({ method: 'DELETE', url: '/api/v1/users/bob', headers: auth });
    expect(erased.json()).toMatchObject({ erased: true, found: true });
    expect((await app.inject({ method: 'GET', url: '/api/v1/users/bob/profile', headers: auth })).statusCode).toBe(404);
  });
});
