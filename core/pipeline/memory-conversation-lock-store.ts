import type { ConversationLockStore, LockAttempt, LockRequest, MailboxEntry } from './conversation-lock-store.ts';
import { ExpiringMap, type ExpiringEntry } from './expiring-map.ts';

/** Options for {@link MemoryConversationLockStore}. */
export interface MemoryConversationLockStoreOptions {
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/**
 * A conversation's lock and mailbox in one record, so a turn finds both with one map lookup (and takes and frees
 * the lock without adding or removing a map entry). Each part has its own time to live, as with Redis's two keys:
 * a lock past `lockExpiresAt` is free, a mailbox past `mailboxExpiresAt` is gone (its numbering starts again).
 * The map entry lives as long as the longer of the two.
 */
interface ConversationState {
  holder: string | undefined;
  lockExpiresAt: number;
  mailboxExpiresAt: number;
  nextSeq: number;
  consumed: number;
  entries: MailboxEntry[];
}

/**
 * The embedded-default conversation lock: the same protocol and semantics as the Redis one,
 * for one process. Method bodies run synchronously, which makes each of them atomic.
 */
export class MemoryConversationLockStore implements ConversationLockStore {
  readonly #conversations: ExpiringMap<ConversationState>;
  readonly #listeners = new Set<(conversation: string) => void>();
  readonly #now: () => number;

  constructor(options: MemoryConversationLockStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#conversations = new ExpiringMap(this.#now);
  }

  async acquire(conversation: string, request: LockRequest): Promise<LockAttempt> {
    const now = this.#now();
    let held = this.#conversations.entry(conversation, now);
    let mailboxLive = held !== undefined && held.value.mailboxExpiresAt > now;
    let seq = request.seq;
    const entry = request.entry;
    // The usual turn: a message to a conversation with no turn running and nothing queued. It takes the lock and
    // carries only itself, and the mailbox's long-lived array is left alone (a young batch instead of a new one).
    const lockFree = held === undefined || held.value.holder === undefined || held.value.lockExpiresAt <= now;
    if (entry && lockFree && (!mailboxLive || held?.value.entries.length === 0)) {
      return this.#takeAlone(held, conversation, request, entry, mailboxLive, now);
    }
    if (entry) {
      held ??= this.#create(conversation, request.mailboxTtlMs);
      const state = held.value;
      if (!mailboxLive) resetMailbox(state);
      mailboxLive = true;
      state.mailboxExpiresAt = now + request.mailboxTtlMs;
      seq = state.nextSeq;
      state.nextSeq += 1;
      state.entries.push({ seq, activityId: entry.activityId, text: entry.text });
      keepAlive(held);
    }
    if (seq !== undefined && mailboxLive && held !== undefined && seq <= held.value.consumed) return { state: 'consumed', seq };
    if (!lockFree) return { state: 'waiting', seq };
    held ??= this.#create(conversation, request.lockTtlMs);
    const state = held.value;
    state.holder = request.token;
    state.lockExpiresAt = now + request.lockTtlMs;
    keepAlive(held);
    if (seq === undefined) return { state: 'acquired', batch: [] };
    if (!mailboxLive || state.entries.length === 0) return { state: 'acquired', seq, batch: [] };
    const batch = state.entries;
    state.consumed = batch[batch.length - 1]!.seq;
    state.entries = [];
    state.mailboxExpiresAt = now + request.mailboxTtlMs;
    keepAlive(held);
    return { state: 'acquired', seq, batch };
  }

  async renew(conversation: string, token: string, lockTtlMs: number): Promise<boolean> {
    const now = this.#now();
    const held = this.#heldBy(conversation, token, now);
    if (!held) return false;
    held.value.lockExpiresAt = now + lockTtlMs;
    keepAlive(held);
    return true;
  }

  async release(conversation: string, token: string): Promise<boolean> {
    const now = this.#now();
    const held = this.#heldBy(conversation, token, now);
    if (!held) return false;
    const state = held.value;
    state.holder = undefined;
    state.lockExpiresAt = 0;
    // A conversation with no live mailbox (a button press) leaves nothing behind: its entry expires now.
    held.expiresAt = state.mailboxExpiresAt;
    if (state.mailboxExpiresAt > now && state.entries.length > 0) {
      for (const listener of [...this.#listeners]) listener(conversation);
    }
    return true;
  }

  async withdraw(conversation: string, seq: number): Promise<boolean> {
    const now = this.#now();
    const state = this.#conversations.entry(conversation, now)?.value;
    if (!state || state.mailboxExpiresAt <= now) return false;
    const index = state.entries.findIndex((entry) => entry.seq === seq);
    if (index < 0) return false;
    state.entries.splice(index, 1);
    return true;
  }

  onRelease(listener: (conversation: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    this.#conversations.clear();
  }

  // Same result as queueing the message and taking the lock with everything queued (only this message).
  #takeAlone(
    found: ExpiringEntry<ConversationState> | undefined,
    conversation: string,
    request: LockRequest,
    entry: NonNullable<LockRequest['entry']>,
    mailboxLive: boolean,
    now: number,
  ): LockAttempt {
    const held = found ?? this.#create(conversation, request.mailboxTtlMs);
    const state = held.value;
    if (!mailboxLive) resetMailbox(state);
    const seq = state.nextSeq;
    state.nextSeq += 1;
    state.consumed = seq;
    state.mailboxExpiresAt = now + request.mailboxTtlMs;
    state.holder = request.token;
    state.lockExpiresAt = now + request.lockTtlMs;
    keepAlive(held);
    return { state: 'acquired', seq, batch: [{ seq, activityId: entry.activityId, text: entry.text }] };
  }

  /** The conversation's entry when `token` holds its lock now. */
  #heldBy(conversation: string, token: string, now: number): ExpiringEntry<ConversationState> | undefined {
    const held = this.#conversations.entry(conversation, now);
    if (!held || held.value.holder !== token || held.value.lockExpiresAt <= now) return undefined;
    return held;
  }

  // Written with the time to live about to be set, so the sweep a write may run never drops the new entry.
  #create(conversation: string, ttlMs: number): ExpiringEntry<ConversationState> {
    const state: ConversationState = { holder: undefined, lockExpiresAt: 0, mailboxExpiresAt: 0, nextSeq: 1, consumed: 0, entries: [] };
    return this.#conversations.set(conversation, state, ttlMs);
  }
}

/** A mailbox past its time to live is gone: the next message starts a new one. */
function resetMailbox(state: ConversationState): void {
  state.nextSeq = 1;
  state.consumed = 0;
  if (state.entries.length > 0) state.entries = [];
}

/** The map entry lives as long as the lock or the mailbox. */
function keepAlive(held: ExpiringEntry<ConversationState>): void {
  held.expiresAt = Math.max(held.value.lockExpiresAt, held.value.mailboxExpiresAt);
}
