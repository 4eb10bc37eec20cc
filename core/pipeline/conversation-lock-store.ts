/** A message waiting in a conversation's mailbox for the next turn. */
export interface MailboxEntry {
  /** The store's sequence number for the conversation, increasing in arrival order. */
  seq: number;
  activityId: string;
  text: string;
}

/** One attempt to take a conversation's turn lock. */
export interface LockRequest {
  /** Identifies the holder; only the holder can renew or release. */
  token: string;
  /** How long the lock lives unless renewed, so a dead worker's lock frees itself. */
  lockTtlMs: number;
  /** How long queued messages and the mailbox bookkeeping live without activity. */
  mailboxTtlMs: number;
  /** Queue this message first (the first attempt of a message). */
  entry?: { activityId: string; text: string };
  /** The sequence number given to this caller's queued message (later attempts). */
  seq?: number;
}

/**
 * What an attempt found:
 * - `acquired`: the caller holds the lock. A caller with a queued message also took everything queued
 *   (its own message included, in arrival order) as `batch`: that is what this turn must handle.
 * - `waiting`: another turn runs; try again later.
 * - `consumed`: another caller's turn took this caller's message; nothing left to do.
 */
export type LockAttempt =
  | { state: 'acquired'; seq?: number; batch: MailboxEntry[] }
  | { state: 'waiting'; seq?: number }
  | { state: 'consumed'; seq?: number };

/**
 * One turn at a time per conversation, with a mailbox for the messages that arrive meanwhile.
 * Every method is atomic across all workers sharing the store. The protocol (see
 * conversation-lock-middleware.ts): queue + try in one `acquire`, poll with the returned `seq`
 * until `acquired` or `consumed`, `renew` while the turn runs, `release` when it ends.
 */
export interface ConversationLockStore {
  acquire(conversation: string, request: LockRequest): Promise<LockAttempt>;
  /** Extends the lock when `token` still holds it; false when it was lost (expired, taken over). */
  renew(conversation: string, token: string, lockTtlMs: number): Promise<boolean>;
  /** Frees the lock when `token` holds it; false otherwise (never frees another holder's lock). */
  release(conversation: string, token: string): Promise<boolean>;
  /** Takes a queued message back (its caller gave up); false when a turn already took it. */
  withdraw(conversation: string, seq: number): Promise<boolean>;
  /**
   * Calls `listener` when a conversation that has queued messages is released by any worker, so
   * waiters wake at once instead of on their next poll. Returns a function that removes the listener.
   */
  onRelease(listener: (conversation: string) => void): () => void;
  /** Releases connections (including a notification subscriber). */
  close(): Promise<void>;
}
