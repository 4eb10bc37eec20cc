import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisSessionStore } from '../../../adapters/stores/redis/redis-session-store.ts';
import { sessionStoreContract } from '../../contract/session-store.contract.ts';
import { connectTestRedis, uniquePrefix } from './redis-test-client.ts';

const keyPrefix = uniquePrefix('session');
const clients: Redis[] = [];
const connect = (): Redis => {
  const client = connectTestRedis();
  clients.push(client);
  return client;
};

afterAll(async () => {
  const cleaner = connectTestRedis();
  await new RedisSessionStore({ client: cleaner, keyPrefix, ownsClient: true }).deleteByPrefix('').finally(() => cleaner.quit());
  await Promise.all(clients.filter((c) => c.status === 'ready').map((c) => c.quit()));
});

// Each store gets its own connection, like separate workers.
sessionStoreContract('RedisSessionStore', {
  async create(options = {}) {
    return new RedisSessionStore({ client: connect(), keyPrefix, ttlSeconds: options.ttlSeconds, ownsClient: true });
  },
});

describe('RedisSessionStore', () => {
  it('keeps sessions across a restart (new connection, new store instance)', async () => {
    const first = new RedisSessionStore({ client: connectTestRedis(), keyPrefix, ownsClient: true });
    await first.set('shopper-7/web/c1', { cart: [{ itemId: 'milk', qty: 2 }] });
    await first.set('shopper-7/web/c1', { cart: [{ itemId: 'milk', qty: 3 }] }, { expectedVersion: 1 });
    await first.close();

    const second = new RedisSessionStore({ client: connectTestRedis(), keyPrefix, ownsClient: true });
    expect(await second.get('shopper-7/web/c1')).toEqual({ data: { cart: [{ itemId: 'milk', qty: 3 }] }, version: 2 });
    await second.close();
  });

  it('sets a millisecond TTL on the key', async () => {
    const client = connect();
    const store = new RedisSessionStore({ client, keyPrefix, ttlSeconds: 1.5 });
    await store.set('ttl-check', 1);
    const pttl = await client.pttl(`${keyPrefix}ttl-check`);
    expect(pttl).toBeGreaterThan(1_000);
    expect(pttl).toBeLessThanOrEqual(1_500);
  });

  it('does not quit a client it does not own, and quits one it owns', async () => {
    const shared = connect();
    await new RedisSessionStore({ client: shared, keyPrefix }).close();
    expect(await shared.ping()).toBe('PONG');
    const owned = connectTestRedis();
    await owned.ping();
    await new RedisSessionStore({ client: owned, keyPrefix, ownsClient: true }).close();
    await expect(owned.ping()).rejects.toThrow(/closed/i);
  });

  it('only deletes keys of its own namespace', async () => {
    const client = connect();
    const mine = new RedisSessionStore({ client, keyPrefix: `${keyPrefix}a:` });
    const theirs = new RedisSessionStore({ client, keyPrefix: `${keyPrefix}b:` });
    await mine.set('s/1', 1);
    await theirs.set('s/1', 2);
    expect(await mine.deleteByPrefix('s/')).toBe(1);
    expect((await theirs.get('s/1'))?.data).toBe(2);
  });

  it('deletes thousands of keys by prefix in SCAN batches', async () => {
    const client = connect();
    const store = new RedisSessionStore({ client, keyPrefix, scanCount: 100 });
    const pipeline = client.pipeline();
    for (let i = 0; i < 3000; i += 1) pipeline.hset(`${keyPrefix}bulk/${i}`, 'v', 1, 'd', '1');
    await pipeline.exec();
    expect(await store.deleteByPrefix('bulk/')).toBe(3000);
  });

  it('recovers when the server forgets its scripts (SCRIPT FLUSH)', async () => {
    const client = connect();
    const store = new RedisSessionStore({ client, keyPrefix });
    await store.set('flush', 1);
    await client.script('FLUSH');
    expect(await store.set('flush', 2, { expectedVersion: 1 })).toBe(2);
  });
});
