import { MemoryConversationLockStore } from '../../core/pipeline/memory-conversation-lock-store.ts';
import { MemoryDedupStore } from '../../core/pipeline/memory-dedup-store.ts';
import { MemoryRateLimitStore } from '../../core/pipeline/memory-rate-limit-store.ts';
import { dedupStoreContract } from './pipeline-dedup-store.contract.ts';
import { conversationLockStoreContract } from './pipeline-lock-store.contract.ts';
import { rateLimitStoreContract } from './pipeline-rate-limit-store.contract.ts';

// In one process, "two workers" share one in-memory store.
const dedup = new MemoryDedupStore();
const rateLimit = new MemoryRateLimitStore();
const lock = new MemoryConversationLockStore();

dedupStoreContract('MemoryDedupStore', { create: async () => dedup });
rateLimitStoreContract('MemoryRateLimitStore', { create: async () => rateLimit });
conversationLockStoreContract('MemoryConversationLockStore', { create: async () => lock });
