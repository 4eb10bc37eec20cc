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
  /**
   * The most turns kept per shopper, so also per conversation; older ones are dropped first (default 1,000).
   */
  maxTurnsPerShopper?: number;
  /**
   * The most turns kept in all; past it the oldest turns are dropped first (default 100,000). One process's
   * memory is no archive: MongoDB keeps the full history.
   */
  maxTurns?: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/** One turn as held: the turn's fields plus its time in ms, in one object (this is written on every turn). */
interface StoredTurn extends ConversationTurn {
  atMs: number;
}

function toTurn(s: StoredTurn): ConversationTurn {
  return { shopperId: s.shopperId, conversationId: s.conversationId, channel: s.channel, role: s.role, text: s.text, at: s.at };
}

/**
 * The embedded-default conversation log; expired turns are hidden at once and removed by `purgeExpired`.
 * Bounded per shopper and in total, so steady chat traffic never grows the process's memory. Appends are cheap
 * (one object, one map lookup): the log is written on every turn and read rarely.
 */
export class MemoryConversationLogStore implements ConversationLogStore {
  /** Each shopper's turns in append order. */
  readonly #byShopper = new Map<string, StoredTurn[]>();
  /**
   * Every turn in append order, `maxTurns` slots reused in a circle: the slot a new turn takes held the oldest
   * one, which is dropped if it is still held (deletes, purges and the per-shopper bound leave stale slots).
   */
  readonly #ring: (StoredTurn | undefined)[] = [];
  #next = 0;
  #total = 0;
  readonly #retentionMs: number;
  readonly #maxPerShopper: number;
  readonly #maxTurns: number;
  readonly #now: () => number;
  #lastAt = '';
  #lastAtMs = Number.NaN;

  constructor(options: MemoryConversationLogStoreOptions = {}) {
    this.#retentionMs = (options.retentionDays ?? DEFAULT_CONVERSATION_RETENTION_DAYS) * 86_400_000;
    this.#maxPerShopper = Math.max(1, options.maxTurnsPerShopper ?? 1_000);
    this.#maxTurns = Math.max(1, options.maxTurns ?? 100_000);
    this.#now = options.now ?? Date.now;
  }

  async append(turns: readonly ConversationTurn[]): Promise<void> {
    for (const turn of turns) {
      const at = turn.at;
      // The turns of one exchange share their time, and so do the exchanges ending in the same millisecond
      // (the middleware formats the time once per millisecond): parsed once for all of them.
      if (at !== this.#lastAt) {
        this.#lastAt = at;
        this.#lastAtMs = Date.parse(at);
      }
      const atMs = this.#lastAtMs;
      const stored: StoredTurn = {
        shopperId: turn.shopperId, conversationId: turn.conversationId, channel: turn.channel, role: turn.role, text: turn.text, at: turn.at,
        atMs,
      };
      this.#dropOldestOverall();
      this.#ring[this.#next] = stored;
      this.#next = (this.#next + 1) % this.#maxTurns;
      let list = this.#byShopper.get(turn.shopperId);
      if (!list) this.#byShopper.set(turn.shopperId, (list = []));
      list.push(stored);
      this.#total += 1;
      if (list.length > this.#maxPerShopper) {
        const excess = list.length - this.#maxPerShopper;
        list.splice(0, excess);
        this.#total -= excess;
      }
    }
  }

  async listByShopper(shopperId: string, query: ConversationLogQuery = {}): Promise<ConversationTurn[]> {
    const cutoff = this.#now() - this.#retentionMs;
    const since = query.since?.getTime() ?? Number.NEGATIVE_INFINITY;
    const turns = (this.#byShopper.get(shopperId) ?? []).filter(
      (s) => s.atMs > cutoff && s.atMs >= since && (!query.conversationId || s.conversationId === query.conversationId),
    );
    // Stable: turns with the same time stay in append order.
    turns.sort((a, b) => a.atMs - b.atMs);
    const limited = query.limit === undefined ? turns : turns.slice(Math.max(0, turns.length - query.limit));
    return limited.map(toTurn);
  }

  async deleteByShopper(shopperId: string): Promise<number> {
    const removed = this.#byShopper.get(shopperId)?.length ?? 0;
    this.#byShopper.delete(shopperId);
    this.#total -= removed;
    return removed;
  }

  async purgeExpired(): Promise<number> {
    const cutoff = this.#now() - this.#retentionMs;
    let removed = 0;
    for (const [shopperId, list] of this.#byShopper) {
      const kept = list.filter((s) => s.atMs > cutoff);
      removed += list.length - kept.length;
      if (kept.length === 0) this.#byShopper.delete(shopperId);
      else if (kept.length < list.length) this.#byShopper.set(shopperId, kept);
    }
    this.#total -= removed;
    return removed;
  }

  async close(): Promise<void> {}

  /** Turns held, expired or not (for tests of the bounds). */
  get heldTurns(): number {
    return this.#total;
  }

  /** Shoppers with turns held (for tests of the bounds). */
  get heldShoppers(): number {
    return this.#byShopper.size;
  }

  /** Frees the slot the next turn takes: its turn, the oldest appended, is dropped if still held. */
  #dropOldestOverall(): void {
    const oldest = this.#ring[this.#next];
    if (!oldest) return;
    this.#ring[this.#next] = undefined;
    const list = this.#byShopper.get(oldest.shopperId);
    // Every turn of this shopper appended before it has left the circle already, so a held one is first.
    if (!list || list[0] !== oldest) return;
    list.shift();
    this.#total -= 1;
    if (list.length === 0) this.#byShopper.delete(oldest.shopperId);
  }
}
