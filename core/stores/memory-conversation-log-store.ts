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
  /** The clock, replaceable in tests. */
  now?: () => number;
}

interface StoredTurn {
  turn: ConversationTurn;
  at: number;
  seq: number;
}

/** The embedded-default conversation log; expired turns are hidden at once and removed by `purgeExpired`. */
export class MemoryConversationLogStore implements ConversationLogStore {
  readonly #byShopper = new Map<string, StoredTurn[]>();
  readonly #retentionMs: number;
  readonly #now: () => number;
  #seq = 0;

  constructor(options: MemoryConversationLogStoreOptions = {}) {
    this.#retentionMs = (options.retentionDays ?? DEFAULT_CONVERSATION_RETENTION_DAYS) * 86_400_000;
    this.#now = options.now ?? Date.now;
  }

  async append(turns: readonly ConversationTurn[]): Promise<void> {
    for (const turn of turns) {
      let list = this.#byShopper.get(turn.shopperId);
      if (!list) this.#byShopper.set(turn.shopperId, (list = []));
      list.push({ turn: { ...turn }, at: Date.parse(turn.at), seq: this.#seq++ });
    }
  }

  async listByShopper(shopperId: string, query: ConversationLogQuery = {}): Promise<ConversationTurn[]> {
    const cutoff = this.#now() - this.#retentionMs;
    const since = query.since?.getTime() ?? Number.NEGATIVE_INFINITY;
    const turns = (this.#byShopper.get(shopperId) ?? [])
      .filter((s) => s.at > cutoff && s.at >= since && (!query.conversationId || s.turn.conversationId === query.conversationId))
      .sort((a, b) => a.at - b.at || a.seq - b.seq);
    const limited = query.limit === undefined ? turns : turns.slice(Math.max(0, turns.length - query.limit));
    return limited.map((s) => ({ ...s.turn }));
  }

  async deleteByShopper(shopperId: string): Promise<number> {
    const removed = this.#byShopper.get(shopperId)?.length ?? 0;
    this.#byShopper.delete(shopperId);
    return removed;
  }

  async purgeExpired(): Promise<number> {
    const cutoff = this.#now() - this.#retentionMs;
    let removed = 0;
    for (const [shopperId, list] of this.#byShopper) {
      const kept = list.filter((s) => s.at > cutoff);
      removed += list.length - kept.length;
      if (kept.length === 0) this.#byShopper.delete(shopperId);
      else this.#byShopper.set(shopperId, kept);
    }
    return removed;
  }

  async close(): Promise<void> {}
}
