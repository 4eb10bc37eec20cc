import type { Redis } from 'ioredis';
import type { PipelineStores } from '../../../core/pipeline/pipeline-stores.ts';
import { RedisConversationLockStore } from './redis-conversation-lock-store.ts';
import { RedisDedupStore } from './redis-dedup-store.ts';
import { RedisRateLimitStore } from './redis-rate-limit-store.ts';

/** Options for {@link createRedisPipelineStores}. */
export interface RedisPipelineStoresOptions {
  /** One shared client; the stores never quit it (the composition root does). */
  client: Redis;
  /** Prefix of every pipeline key (default `sovetnik:`); the stores add `dedup:`, `ratelimit:`, `conv:`. */
  keyPrefix?: string;
}

/** The pipeline stores on one shared Redis client, for several workers sharing one Redis. */
export function createRedisPipelineStores(options: RedisPipelineStoresOptions): PipelineStores {
  const prefix = options.keyPrefix ?? 'sovetnik:';
  const { client } = options;
  return {
    dedup: new RedisDedupStore({ client, keyPrefix: `${prefix}dedup:` }),
    rateLimit: new RedisRateLimitStore({ client, keyPrefix: `${prefix}ratelimit:` }),
    lock: new RedisConversationLockStore({ client, keyPrefix: `${prefix}conv:` }),
  };
}
