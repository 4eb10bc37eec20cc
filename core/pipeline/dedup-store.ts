/**
 * Remembers activity ids for a while, so a channel's redelivery (Telegram retries a webhook it thinks
 * failed) is not handled twice. `claim` must be atomic across every worker sharing the store.
 */
export interface DedupStore {
  /** Records `key` for `ttlMs`; true when it was not already recorded (the first delivery). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Forgets `key`, so a redelivery after a failed turn is handled again. */
  release(key: string): Promise<void>;
  close(): Promise<void>;
}
