import { ConcurrencyError } from '../errors.ts';
import type { SessionRecord, SessionStore, SessionWriteOptions } from './session-store.ts';
import { toSessionJson, ttlToMs } from './session-store-json.ts';

/** Options for the in-memory session store. */
export interface MemorySessionStoreOptions {
  /** Default time to live in seconds, fractions allowed (default one day). */
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
 * mutable objects with the store, exactly as with Redis. Every method body runs synchronously,
 * so a version check and its write are atomic within the process.
 */
export class MemorySessionStore implements SessionStore {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #now: () => number;
  #writesSinceSweep = 0;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.#ttlMs = ttlToMs(options.ttlSeconds ?? 86_400);
    this.#now = options.now ?? Date.now;
  }

  async get<T>(key: string): Promise<SessionRecord<T> | undefined> {
    const entry = this.#live(key);
    return entry ? { data: JSON.parse(entry.json) as T, version: entry.version } : undefined;
  }

  async set<T>(key: string, data: T, options: SessionWriteOptions = {}): Promise<number> {
    const json = toSessionJson(key, data);
    const ttlMs = options.ttlSeconds === undefined ? this.#ttlMs : ttlToMs(options.ttlSeconds);
    const current = this.#live(key);
    const actual = current?.version ?? 0;
    if (options.expectedVersion !== undefined && options.expectedVersion !== actual) {
      throw new ConcurrencyError(key, options.expectedVersion, actual);
    }
    const version = actual + 1;
    const expiresAt = this.#now() + ttlMs;
    if (current) {
      // A live session (every turn of an ongoing chat) is rewritten in place: one map lookup, no new entry.
      current.json = json;
      current.version = version;
      current.expiresAt = expiresAt;
    } else {
      this.#entries.set(key, { json, version, expiresAt });
    }
    this.#maybeSweep();
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
      if (!key.startsWith(prefix)) continue;
      if (this.#live(key)) removed += 1;
      this.#entries.delete(key);
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

  // Expired entries that are never read again would otherwise stay forever; sweeping once per
  // "map size" writes keeps the cost amortized O(1) per write.
  #maybeSweep(): void {
    this.#writesSinceSweep += 1;
    if (this.#writesSinceSweep < Math.max(1024, this.#entries.size)) return;
    this.#writesSinceSweep = 0;
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }

  /** How many entries are held, expired or not; for tests of the sweeping. */
  get heldEntries(): number {
    return this.#entries.size;
  }
}
