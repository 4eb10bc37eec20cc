import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from '../../../core/pipeline/rate-limit-store.ts';
import { RedisScript } from './redis-script.ts';

/** Options for {@link RedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  client: Redis;
  /** Namespaces the keys (default `sovetnik:ratelimit:`). */
  keyPrefix?: string;
  /** When true, `close()` quits the client. */
  ownsClient?: boolean;
}

// A sorted set of allowed hits scored by the Redis server's clock (one clock for all workers).
// ARGV: limit, window ms, unique member. Returns {allowed 0|1, count, retryAfterMs}.
const HIT_SCRIPT = new RedisScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, count + 1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, count, math.max(1, tonumber(oldest[2]) + window - now)}
`);

/** A sliding-window log per key in a Redis sorted set, checked and updated in one Lua step. */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #ownsClient: boolean;

  constructor(options: RedisRateLimitStoreOptions) {
    this.#client = options.client;
    this.#prefix = options.keyPrefix ?? 'sovetnik:ratelimit:';
    this.#ownsClient = options.ownsClient ?? false;
  }

  async hit(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const args = [rule.limit, Math.max(1, Math.round(rule.windowMs)), randomUUID()];
    const [allowed, count, retryAfterMs] = (await HIT_SCRIPT.run(this.#client, [this.#prefix + key], args)) as number[];
    return { allowed: allowed === 1, count: count ?? 0, retryAfterMs: retryAfterMs ?? 0 };
  }

  async close(): Promise<void> {
    if (this.#ownsClient) await this.#client.quit();
  }
}
