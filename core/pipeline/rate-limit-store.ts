/** What a rate limiter decided about one hit. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Hits counted in the window, including this one when allowed. */
  count: number;
  /** When refused: milliseconds until the oldest counted hit leaves the window (0 when allowed). */
  retryAfterMs: number;
}

/** The limit a hit is checked against. */
export interface RateLimitRule {
  /** Most hits allowed in any window. */
  limit: number;
  windowMs: number;
}

/**
 * A sliding-window log per key: a hit is allowed when fewer than `limit` allowed hits happened in the
 * last `windowMs`. Refused hits are not counted, so a shopper who slows down gets through again.
 * `hit` must be atomic across every worker sharing the store.
 */
export interface RateLimitStore {
  hit(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
  close(): Promise<void>;
}
