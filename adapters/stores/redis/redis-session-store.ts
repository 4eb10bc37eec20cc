import type { Redis } from 'ioredis';
import { ConcurrencyError } from '../../../core/errors.ts';
import type { SessionRecord, SessionStore, SessionWriteOptions } from '../../../core/stores/session-store.ts';
import { toSessionJson, ttlToMs } from '../../../core/stores/session-store-json.ts';
import { escapeRedisGlob } from './redis-glob.ts';
import { RedisScript } from './redis-script.ts';

/** Options for {@link RedisSessionStore}. */
export interface RedisSessionStoreOptions {
  /** A connected (or lazily connecting) ioredis client. Its own `keyPrefix` option must be unset (SCAN ignores it). */
  client: Redis;
  /** Namespaces every key, so several bots or test files can share one Redis (default `sovetnik:session:`). */
  keyPrefix?: string;
  /** Default time to live in seconds, fractions allowed (default one day). */
  ttlSeconds?: number;
  /** When true, `close()` quits the client; leave false for a client shared with other stores. */
  ownsClient?: boolean;
  /** Keys fetched per SCAN step in `deleteByPrefix` (default 500). */
  scanCount?: number;
}

// A hash per session: `v` the version, `d` the JSON. Check, write and TTL in one atomic step.
// ARGV: expected version (-1 = unconditional), json, ttl in ms. Returns {1, newVersion} or {0, actualVersion}.
const SET_SCRIPT = new RedisScript(`
local actual = tonumber(redis.call('HGET', KEYS[1], 'v')) or 0
local expected = tonumber(ARGV[1])
if expected >= 0 and expected ~= actual then return {0, actual} end
local version = actual + 1
redis.call('HSET', KEYS[1], 'v', version, 'd', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {1, version}
`);

/**
 * The production SessionStore on Redis. Versions and data live in one hash per key, written by a
 * Lua script so the optimistic-concurrency check, the write and the TTL are a single atomic step
 * across every worker sharing the Redis. TTLs use milliseconds (PEXPIRE), so fractional seconds work.
 */
export class RedisSessionStore implements SessionStore {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #ttlMs: number;
  readonly #ownsClient: boolean;
  readonly #scanCount: number;

  constructor(options: RedisSessionStoreOptions) {
    this.#client = options.client;
    this.#prefix = options.keyPrefix ?? 'sovetnik:session:';
    this.#ttlMs = ttlToMs(options.ttlSeconds ?? 86_400);
    this.#ownsClient = options.ownsClient ?? false;
    this.#scanCount = options.scanCount ?? 500;
  }

  async get<T>(key: string): Promise<SessionRecord<T> | undefined> {
    const [version, json] = await this.#client.hmget(this.#prefix + key, 'v', 'd');
    if (version == null || json == null) return undefined;
    return { data: JSON.parse(json) as T, version: Number(version) };
  }

  async set<T>(key: string, data: T, options: SessionWriteOptions = {}): Promise<number> {
    const json = toSessionJson(key, data);
    const ttlMs = options.ttlSeconds === undefined ? this.#ttlMs : ttlToMs(options.ttlSeconds);
    const expected = options.expectedVersion ?? -1;
    const [ok, version] = (await SET_SCRIPT.run(this.#client, [this.#prefix + key], [expected, json, ttlMs])) as [number, number];
    if (ok !== 1) throw new ConcurrencyError(key, expected, version);
    return version;
  }

  async delete(key: string): Promise<boolean> {
    return (await this.#client.del(this.#prefix + key)) > 0;
  }

  /** Deletes with SCAN + UNLINK in batches, never KEYS, so a big keyspace does not block Redis. */
  async deleteByPrefix(prefix: string): Promise<number> {
    const match = `${escapeRedisGlob(this.#prefix + prefix)}*`;
    let cursor = '0';
    let removed = 0;
    do {
      const [next, keys] = await this.#client.scan(cursor, 'MATCH', match, 'COUNT', this.#scanCount);
      cursor = next;
      if (keys.length > 0) removed += await this.#client.unlink(...keys);
    } while (cursor !== '0');
    return removed;
  }

  async close(): Promise<void> {
    if (this.#ownsClient) await this.#client.quit();
  }
}
