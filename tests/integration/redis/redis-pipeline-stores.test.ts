import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisConversationLockStore } from '../../../adapters/stores/redis/redis-conversation-lock-store.ts';
import { RedisDedupStore } from '../../../adapters/stores/redis/redis-dedup-store.ts';
import { createRedisPipelineStores } from '../../../adapters/stores/redis/redis-pipeline-stores.ts';
import { RedisRateLimitStore } from '../../../adapters/stores/redis/redis-rate-limit-store.ts';
import { dedupStoreContract } from '../../contract/pipeline-dedup-store.contract.ts';
import { conversationLockStoreContract } from '../../contract/pipeline-lock-store.contract.ts';
import { rateLimitStoreContract } from '../../contract/pipeline-rate-limit-store.contract.ts';
import { connectTestRedis, uniquePrefix } from './redis-test-client.ts';

const keyPrefix = uniquePrefix('pipeline');
const clients: Redis[] = [];
// Each store gets its own connection, like separate workers.
const connect = (): Redis => {
  const client = connectTestRedis();
  clients.push(client);
  return client;
};

afterAll(async () => {
  const client = connectTestRedis();
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await client.unlink(...keys);
  } while (cursor !== '0');
  await client.quit();
  await Promise.all(clients.filter((c) => c.status === 'ready').map((c) => c.quit()));
});

dedupStoreContract('RedisDedupStore', {
  create: async () => new RedisDedupStore({ client: connect(), keyPrefix: `${keyPrefix}dedup:` }),
});
rateLimitStoreContract('RedisRateLimitStore', {
  create: async () => new RedisRateLimitStore({ client: connect(), keyPrefix: `${keyPrefix}rl:` }),
});
conversationLockStoreContract('RedisConversationLockStore', {
  create: async () => new RedisConversationLockStore({ client: connect(), keyPrefix: `${keyPrefix}conv:` }),
});

describe('Redis pipeline stores', () => {
  it('keeps a conversation\'s keys on one cluster slot (hash tag) with TTLs on all of them', async () => {
    const client = connect();
    const store = new RedisConversationLockStore({ client, keyPrefix: `${keyPrefix}slot:` });
    await store.acquire('web:c1', { token: 't', lockTtlMs: 5_000, mailboxTtlMs: 60_000, entry: { activityId: 'a', text: 'x' } });
    await store.acquire('web:c1', { token: 'u', lockTtlMs: 5_000, mailboxTtlMs: 60_000, entry: { activityId: 'b', text: 'y' } });
    const keys = (await client.keys(`${keyPrefix}slot:*`)).sort();
    expect(keys).toEqual([`${keyPrefix}slot:{web:c1}:lock`, `${keyPrefix}slot:{web:c1}:mailbox`, `${keyPrefix}slot:{web:c1}:meta`]);
    for (const key of keys) expect(await client.pttl(key)).toBeGreaterThan(0);
  });

  it('does not quit the shared client of createRedisPipelineStores', async () => {
    const client = connect();
    const stores = createRedisPipelineStores({ client, keyPrefix: `${keyPrefix}shared:` });
    await Promise.all([stores.dedup.close(), stores.rateLimit.close(), stores.lock.close()]);
    expect(await client.ping()).toBe('PONG');
  });
});
