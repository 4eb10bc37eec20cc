import type { ConversationLockStore, LockAttempt, LockRequest, MailboxEntry } from './conversation-lock-store.ts';
import { ExpiringMap } from './expiring-map.ts';

/** Options for {@link MemoryConversationLockStore}. */
export interface MemoryConversationLockStoreOptions {
  /** The clock, replaceable in tests. */
  now?: () => number;
}

interface Mailbox {
  nextSeq: number;
  consumed: number;
  entries: MailboxEntry[];
}

/**
 * The embedded-default conversation lock: the same protocol and semantics as the Redis one,
 * for one process. Method bodies run synchronously, which makes each of them atomic.
 */
export class MemoryConversationLockStore implements ConversationLockStore {
  readonly #locks: ExpiringMap<string>;
  readonly #mailboxes: ExpiringMap<Mailbox>;
  readonly #listeners = new Set<(conversation: string) => void>();

  constructor(options: MemoryConversationLockStoreOptions = {}) {
    const now = options.now ?? Date.now;
    this.#locks = new ExpiringMap(now);
    this.#mailboxes = new ExpiringMap(now);
  }

  async acquire(conversation: string, request: LockRequest): Promise<LockAttempt> {
    let seq = request.seq;
    // The mailbox is looked up once and updated in place (its time to live restarted), not written back.
    let held = this.#mailboxes.entry(conversation);
    let mailbox = held?.value;
    if (request.entry) {
      if (held) this.#mailboxes.refresh(held, request.mailboxTtlMs);
      else held = this.#mailboxes.set(conversation, { nextSeq: 1, consumed: 0, entries: [] }, request.mailboxTtlMs);
      mailbox = held.value;
      seq = mailbox.nextSeq;
      mailbox.nextSeq += 1;
      mailbox.entries.push({ seq, activityId: request.entry.activityId, text: request.entry.text });
    }
    if (seq !== undefined && mailbox && seq <= mailbox.consumed) return { state: 'consumed', seq };
    if (this.#locks.get(conversation) !== undefined) return { state: 'waiting', seq };
    this.#locks.set(conversation, request.token, request.lockTtlMs);
    if (seq === undefined) return { state: 'acquired', batch: [] };
    const batch = mailbox?.entries ?? [];
    if (mailbox && batch.length > 0) {
      mailbox.consumed = batch[batch.length - 1]?.seq ?? mailbox.consumed;
      mailbox.entries = [];
      if (held) this.#mailboxes.refresh(held, request.mailboxTtlMs);
    }
    return { state: 'acquired', seq, batch };
  }

  async renew(conversation: string, token: string, lockTtlMs: number): Promise<boolean> {
    if (this.#locks.get(conversation) !== token) return false;
    this.#locks.set(conversation, token, lockTtlMs);
    return true;
  }

  async release(conversation: string, token: string): Promise<boolean> {
    if (this.#locks.get(conversation) !== token) return false;
    this.#locks.delete(conversation);
    if ((this.#mailboxes.get(conversation)?.entries.length ?? 0) > 0) {
      for (const listener of [...this.#listeners]) listener(conversation);
    }
    return true;
  }

  async withdraw(conversation: string, seq: number): Promise<boolean> {
    const mailbox = this.#mailboxes.get(conversation);
    if (!mailbox) return false;
    const index = mailbox.entries.findIndex((entry) => entry.seq === seq);
    if (index < 0) return false;
    mailbox.entries.splice(index, 1);
    return true;
  }

  onRelease(listener: (conversation: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    this.#locks.clear();
    this.#mailboxes.clear();
  }
}
