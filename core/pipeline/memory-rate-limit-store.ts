import { ExpiringMap, type ExpiringEntry } from './expiring-map.ts';
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from './rate-limit-store.ts';

/** Options for {@link MemoryRateLimitStore}. */
export interface MemoryRateLimitStoreOptions {
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/** The embedded-default rate limiter: a sliding log of hit times per key, in one process. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #hits: ExpiringMap<number[]>;
  readonly #now: () => number;

  constructor(options: MemoryRateLimitStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#hits = new ExpiringMap(this.#now);
  }

  async hit(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const now = this.#now();
    // One lookup per hit: a known key's list is pruned and extended in place and its entry refreshed.
    const entry = this.#hits.entry(key);
    const hits = entry?.value ?? [];
    // Expired hits are dropped in place rather than copied into a new array on every message.
    const cutoff = now - rule.windowMs;
    let kept = 0;
    for (const at of hits) if (at > cutoff) hits[kept++] = at;
    hits.length = kept;
    if (hits.length >= rule.limit) {
      this.#keep(entry, key, hits, rule.windowMs);
      const oldest = hits[0] ?? now;
      return { allowed: false, count: hits.length, retryAfterMs: Math.max(1, oldest + rule.windowMs - now) };
    }
    hits.push(now);
    this.#keep(entry, key, hits, rule.windowMs);
    return { allowed: true, count: hits.length, retryAfterMs: 0 };
  }

  #keep(entry: ExpiringEntry<number[]> | undefined, key: string, hits: number[], windowMs: number): void {
    if (entry) this.#hits.refresh(entry, windowMs);
    else this.#hits.set(key, hits, windowMs);
  }

  async close(): Promise<void> {
    this.#hits.clear();
  }
}
