import {
  DEFAULT_CONVERSATION_RETENTION_DAYS,
  type ConversationLogQuery,
  type ConversationLogStore,
  type ConversationTurn,
} from './conversation-log-store.ts';

/** Options for the in-memory conversation log. */
export interface MemoryConversationLogStoreOptions {
  /** Days a turn is kept after its `at` (default 90). */
  retentionDays?: number;
  /** The most turns kept per conversation; older ones are dropped first (default 500). */
  maxTurnsPerConversation?: number;
  /**
   * The most turns kept in all; past it the oldest turns of the least recently active conversations are
   * dropped (default 100,000). One process's memory is no archive: MongoDB keeps the full history.
   */
  maxTurns?: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

interface StoredTurn {
  turn: ConversationTurn;
  at: number;
  seq: number;
}

interface Conversation {
  shopperId: string;
  key: string;
  /** In append order. */
  turns: StoredTurn[];
}

/**
 * The embedded-default conversation log; expired turns are hidden at once and removed by `purgeExpired`.
 * Bounded per conversation and in total, so steady chat traffic never grows the process's memory.
 */
export class MemoryConversationLogStore implements ConversationLogStore {
  /** Conversations in order of last append (a Map keeps insertion order; an append moves it last). */
  readonly #conversations = new Map<string, Conversation>();
  readonly #byShopper = new Map<string, Set<Conversation>>();
  readonly #retentionMs: number;
  readonly #maxPerConversation: number;
  readonly #maxTurns: number;
  readonly #now: () => number;
  #seq = 0;
  #total = 0;

  constructor(options: MemoryConversationLogStoreOptions = {}) {
    this.#retentionMs = (options.retentionDays ?? DEFAULT_CONVERSATION_RETENTION_DAYS) * 86_400_000;
    this.#maxPerConversation = Math.max(1, options.maxTurnsPerConversation ?? 500);
    this.#maxTurns = Math.max(1, options.maxTurns ?? 100_000);
    this.#now = options.now ?? Date.now;
  }

  async append(turns: readonly ConversationTurn[]): Promise<void> {
    for (const turn of turns) {
      const conversation = this.#touch(turn.shopperId, turn.conversationId);
      conversation.turns.push({ turn: { ...turn }, at: Date.parse(turn.at), seq: this.#seq++ });
      this.#total += 1;
      if (conversation.turns.length > this.#maxPerConversation) this.#dropOldest(conversation, conversation.turns.length - this.#maxPerConversation);
    }
    this.#evictOverTotal();
  }

  async listByShopper(shopperId: string, query: ConversationLogQuery = {}): Promise<ConversationTurn[]> {
    const cutoff = this.#now() - this.#retentionMs;
    const since = query.since?.getTime() ?? Number.NEGATIVE_INFINITY;
    const turns: StoredTurn[] = [];
    for (const conversation of this.#byShopper.get(shopperId) ?? []) {
      for (const s of conversation.turns) {
        if (s.at > cutoff && s.at >= since && (!query.conversationId || s.turn.conversationId === query.conversationId)) turns.push(s);
      }
    }
    turns.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const limited = query.limit === undefined ? turns : turns.slice(Math.max(0, turns.length - query.limit));
    return limited.map((s) => ({ ...s.turn }));
  }

  async deleteByShopper(shopperId: string): Promise<number> {
    let removed = 0;
    for (const conversation of this.#byShopper.get(shopperId) ?? []) {
      removed += conversation.turns.length;
      this.#conversations.delete(conversation.key);
    }
    this.#byShopper.delete(shopperId);
    this.#total -= removed;
    return removed;
  }

  async purgeExpired(): Promise<number> {
    const cutoff = this.#now() - this.#retentionMs;
    let removed = 0;
    for (const conversation of [...this.#conversations.values()]) {
      const kept = conversation.turns.filter((s) => s.at > cutoff);
      removed += conversation.turns.length - kept.length;
      conversation.turns = kept;
      if (kept.length === 0) this.#forget(conversation);
    }
    this.#total -= removed;
    return removed;
  }

  async close(): Promise<void> {}

  /** Turns held, expired or not (for tests of the bounds). */
  get heldTurns(): number {
    return this.#total;
  }

  /** Conversations held (for tests of the bounds). */
  get heldConversations(): number {
    return this.#conversations.size;
  }

  /** The conversation, created if new, moved to the most recently active end. */
  #touch(shopperId: string, conversationId: string): Conversation {
    // A NUL cannot occur in ids that reach here (channels validate them), so the key is unambiguous.
    const key = `${shopperId}\u0000${conversationId}`;
    let conversation = this.#conversations.get(key);
    if (conversation) {
      this.#conversations.delete(key);
    } else {
      conversation = { shopperId, key, turns: [] };
      let set = this.#byShopper.get(shopperId);
      if (!set) this.#byShopper.set(shopperId, (set = new Set()));
      set.add(conversation);
    }
    this.#conversations.set(key, conversation);
    return conversation;
  }

  #dropOldest(conversation: Conversation, count: number): void {
    conversation.turns.splice(0, count);
    this.#total -= count;
    if (conversation.turns.length === 0) this.#forget(conversation);
  }

  /** Drops the oldest turns of the least recently active conversations until the total fits. */
  #evictOverTotal(): void {
    while (this.#total > this.#maxTurns) {
      const oldest = this.#conversations.values().next().value;
      if (!oldest) return;
      this.#dropOldest(oldest, Math.min(oldest.turns.length, this.#total - this.#maxTurns));
    }
  }

  #forget(conversation: Conversation): void {
    this.#conversations.delete(conversation.key);
    const set = this.#byShopper.get(conversation.shopperId);
    set?.delete(conversation);
    if (set?.size === 0) this.#byShopper.delete(conversation.shopperId);
  }
}
