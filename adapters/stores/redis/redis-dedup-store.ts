import type { Redis } from 'ioredis';
import type { DedupStore } from '../../../core/pipeline/dedup-store.ts';

/** Options for {@link RedisDedupStore}. */
export interface RedisDedupStoreOptions {
  client: Redis;
  /** Namespaces the keys (default `sovetnik:dedup:`). */
  keyPrefix?: string;
  /** When true, `close()` quits the client. */
  ownsClient?: boolean;
}

/** Dedup across workers: `SET key NX PX ttl` claims an activity id atomically. */
export class RedisDedupStore implements DedupStore {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #ownsClient: boolean;

  constructor(options: RedisDedupStoreOptions) {
    this.#client = options.client;
    this.#prefix = options.keyPrefix ?? 'sovetnik:dedup:';
    this.#ownsClient = options.ownsClient ?? false;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const ms = Math.max(1, Math.round(ttlMs));
    return (await this.#client.set(this.#prefix + key, '1', 'PX', ms, 'NX')) === 'OK';
  }

  async release(key: string): Promise<void> {
    await this.#client.del(this.#prefix + key);
  }

  async close(): Promise<void> {
    if (this.#ownsClient) await this.#client.quit();
  }
}
