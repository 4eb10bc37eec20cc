import { ConcurrencyError } from '../errors.ts';
import type { SessionRecord, SessionStore, SessionWriteOptions } from './session-store.ts';

/** Options for the in-memory session store. */
export interface MemorySessionStoreOptions {
  /** Default time to live in seconds (default one day). */
  ttlSeconds?: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

interface Entry {
  json: string;
  version: number;
  expiresAt: number;
}

/**
 * The embedded-default session store. Values are stored as JSON so that callers never share
 * mutable objects with the store, exactly as with Redis.
 */
export class MemorySessionStore implements SessionStore {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlSeconds: number;
  readonly #now: () => number;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.#ttlSeconds = options.ttlSeconds ?? 86_400;
    this.#now = options.now ?? Date.now;
  }

  async get<T>(key: string): Promise<SessionRecord<T> | undefined> {
    const entry = this.#live(key);
    return entry ? { data: JSON.parse(entry.json) as T, version: entry.version } : undefined;
  }

  async set<T>(key: string, data: T, options: SessionWriteOptions = {}): Promise<number> {
    const current = this.#live(key);
    const actual = current?.version ?? 0;
    if (options.expectedVersion !== undefined && options.expectedVersion !== actual) {
      throw new ConcurrencyError(key, options.expectedVersion, actual);
    }
    const ttl = options.ttlSeconds ?? this.#ttlSeconds;
    const version = actual + 1;
    this.#entries.set(key, { json: JSON.stringify(data), version, expiresAt: this.#now() + ttl * 1000 });
    return version;
  }

  async delete(key: string): Promise<boolean> {
    const existed = this.#live(key) !== undefined;
    this.#entries.delete(key);
    return existed;
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    let removed = 0;
    for (const key of [...this.#entries.keys()]) {
      if (key.startsWith(prefix) && this.#live(key)) removed += 1;
      if (key.startsWith(prefix)) this.#entries.delete(key);
    }
    return removed;
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
