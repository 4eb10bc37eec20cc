/** A stored session value with its version, for optimistic concurrency. */
export interface SessionRecord<T = unknown> {
  data: T;
  /** Starts at 1 on the first write and grows by one on each write. */
  version: number;
}

/** Options for a session write. */
export interface SessionWriteOptions {
  /**
   * The version the caller read. The write fails with ConcurrencyError when the stored version differs.
   * 0 means "must not exist yet". Omit to write unconditionally.
   */
  expectedVersion?: number;
  /** Overrides the store's default time to live, in seconds. */
  ttlSeconds?: number;
}

/**
 * Per-conversation state with a time to live and optimistic concurrency.
 * Keys are opaque strings; by convention `<shopperId>/<channel>/<conversationId>`, so that
 * `deleteByPrefix(shopperId + '/')` erases a shopper's sessions.
 */
export interface SessionStore {
  get<T = unknown>(key: string): Promise<SessionRecord<T> | undefined>;
  /** Writes `data`; returns the new version. */
  set<T = unknown>(key: string, data: T, options?: SessionWriteOptions): Promise<number>;
  /** Removes one key; true when something was removed. */
  delete(key: string): Promise<boolean>;
  /** Removes every key starting with `prefix`; returns how many were removed. */
  deleteByPrefix(prefix: string): Promise<number>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
