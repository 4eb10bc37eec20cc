import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shopperToken, startTestServer } from './test-server.ts';

const prefix = `test:http-sessions:${randomUUID()}:`;

describe('sessions in Redis', () => {
  const redisUrl = inject('redisUrl');
  let redis: Redis;
  let token: string;

  beforeAll(async () => {
    redis = new Redis(redisUrl);
    token = await shopperToken('restart-shopper');
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  const env = (extra: Record<string, string> = {}) => ({ REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, ...extra });
  const send = (app: FastifyInstance, payload: object) =>
    app.inject({ method: 'POST', url: '/api/v1/inapp/messages', headers: { authorization: `Bearer ${token}` }, payload });

  it('keep a conversation across a server restart and are shared by instances', async () => {
    const first = await startTestServer({ env: env() });
    const opened = (await send(first, { text: 'hello', conversationId: 'restart-1' })).json();
    expect(opened.replies[0].text).toMatch(/I'm Sovetnik/);
    await first.close();

    const second = await startTestServer({ env: env() });
    const third = await startTestServer({ env: env() });
    try {
      // A button press carries no language: only the stored session says this conversation is English.
      const resumed = (await send(second, { action: { payload: 'intent:help' }, conversationId: 'restart-1' })).json();
      expect(resumed.replies[0].text).toMatch(/in your own words/);
      const fresh = (await send(second, { action: { payload: 'intent:help' }, conversationId: 'restart-2' })).json();
      expect(fresh.replies[0].text).toMatch(/Пишите обычными словами/);
      const elsewhere = (await send(third, { action: { payload: 'intent:capabilities' }, conversationId: 'restart-1' })).json();
      expect(elsewhere.replies[0].text).toMatch(/Here is what I can do/);
      const stored = await redis.hget(`${prefix}session:restart-shopper/inapp/restart-1`, 'd');
      expect(JSON.parse(stored ?? '{}')).toMatchObject({ locale: 'en', turns: 3 });
      const health = (await second.inject({ method: 'GET', url: '/healthz' })).json();
      expect(health.components.sessions).toEqual({ state: 'up', kind: 'redis' });
    } finally {
      await second.close();
      await third.close();
    }
  });

  it('expire after SESSION_TTL_SECONDS', async () => {
    const app = await startTestServer({ env: env({ SESSION_TTL_SECONDS: '1' }) });
    try {
      await send(app, { text: 'hello', conversationId: 'ttl-1' });
      const ttl = await redis.pttl(`${prefix}session:restart-shopper/inapp/ttl-1`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(1000);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const after = (await send(app, { action: { payload: 'intent:help' }, conversationId: 'ttl-1' })).json();
      expect(after.replies[0].text).toMatch(/Пишите обычными словами/);
    } finally {
      await app.close();
    }
  });

  it('report a Redis that does not answer as down', async () => {
    const app = await startTestServer({ env: { REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: prefix } });
    try {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'degraded', components: { sessions: { state: 'down', kind: 'redis' } } });
    } finally {
      await app.close();
    }
  });
});
