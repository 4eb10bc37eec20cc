import type { ConversationLockStore } from './conversation-lock-store.ts';
import type { DedupStore } from './dedup-store.ts';
import { MemoryConversationLockStore } from './memory-conversation-lock-store.ts';
import { MemoryDedupStore } from './memory-dedup-store.ts';
import { MemoryRateLimitStore } from './memory-rate-limit-store.ts';
import type { RateLimitStore } from './rate-limit-store.ts';

/** The stores the turn pipeline needs; in memory by default, Redis when several workers share state. */
export interface PipelineStores {
  dedup: DedupStore;
  rateLimit: RateLimitStore;
  lock: ConversationLockStore;
}

/** Options for {@link createMemoryPipelineStores}. */
export interface MemoryPipelineStoresOptions {
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/** The embedded-default pipeline stores: correct for one process. */
export function createMemoryPipelineStores(options: MemoryPipelineStoresOptions = {}): PipelineStores {
  return {
    dedup: new MemoryDedupStore(options),
    rateLimit: new MemoryRateLimitStore(options),
    lock: new MemoryConversationLockStore(options),
  };
}

/** Closes every pipeline store. */
export async function closePipelineStores(stores: PipelineStores): Promise<void> {
  await Promise.all([stores.dedup.close(), stores.rateLimit.close(), stores.lock.close()]);
}
