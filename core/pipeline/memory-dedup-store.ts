import type { DedupStore } from './dedup-store.ts';
import { ExpiringMap } from './expiring-map.ts';

/** Options for {@link MemoryDedupStore}. */
export interface MemoryDedupStoreOptions {
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/** The embedded-default dedup store: one process only. */
export class MemoryDedupStore implements DedupStore {
  readonly #seen: ExpiringMap<true>;

  constructor(options: MemoryDedupStoreOptions = {}) {
    this.#seen = new ExpiringMap(options.now ?? Date.now);
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (this.#seen.get(key)) return false;
    this.#seen.set(key, true, ttlMs);
    return true;
  }

  async release(key: string): Promise<void> {
    this.#seen.delete(key);
  }

  async close(): Promise<void> {
    this.#seen.clear();
  }
}
