import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shopperToken, startTestServer } from './test-server.ts';

const prefix = `test:http-sessions:${randomUUID()}:`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(ready: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error('redis-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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

  it('report Redis as down at /healthz when it stops answering', async () => {
    // A Redis of this test's own, so it can be stopped under a running server.
    const port = await freePort();
    const own = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    try {
      const url = `redis://127.0.0.1:${port}`;
      await waitFor(async () => {
        const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        probe.on('error', () => {});
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          probe.disconnect();
        }
      });
      const app = await startTestServer({ env: { REDIS_URL: url, REDIS_KEY_PREFIX: prefix } });
      try {
        expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
        own.kill('SIGKILL');
        await new Promise((resolve) => own.once('exit', resolve));
        const response = await app.inject({ method: 'GET', url: '/healthz' });
        expect(response.statusCode).toBe(503);
        expect(response.json()).toMatchObject({ status: 'degraded', components: { sessions: { state: 'down', kind: 'redis' } } });
        // A shopper still gets an answer (an apology), not a 500.
        const turn = await send(app, { text: 'hello' });
        expect(turn.statusCode).toBe(200);
        expect(turn.json().replies[0].text).toMatch(/something broke/);
      } finally {
        await app.close();
      }
    } finally {
      if (own.exitCode === null) own.kill('SIGKILL');
    }
  });
});
