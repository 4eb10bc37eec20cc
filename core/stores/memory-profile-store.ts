import type { ShopperProfile } from '../context/shopper-profile.ts';
import { ConcurrencyError } from '../errors.ts';
import type { ProfileRecord, ProfileStore, ProfileUpdate, ProfileWriteOptions } from './profile-store.ts';

interface Entry {
  record: ProfileRecord;
  /** The read view, deep-frozen once per write so reads need no copy. */
  profile: ShopperProfile;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The embedded-default profile store. Records are copied in and out (structuredClone), except in `update`,
 * which changes the stored record in place: one synchronous step, so no other change can interleave. The
 * read view is returned deep-frozen, so the hot read path copies nothing.
 */
export class MemoryProfileStore implements ProfileStore {
  readonly #entries = new Map<string, Entry>();

  async get(shopperId: string): Promise<ProfileRecord | undefined> {
    const entry = this.#entries.get(shopperId);
    return entry ? structuredClone(entry.record) : undefined;
  }

  async getProfile(shopperId: string): Promise<ShopperProfile | undefined> {
    return this.#entries.get(shopperId)?.profile;
  }

  async isStale(shopperId: string): Promise<boolean> {
    return this.#entries.get(shopperId)?.record.stale === true;
  }

  async put(record: ProfileRecord, options: ProfileWriteOptions = {}): Promise<number> {
    const current = this.#entries.get(record.shopperId);
    const actual = current?.record.version ?? 0;
    if (options.expectedVersion !== undefined && options.expectedVersion !== actual) {
      throw new ConcurrencyError(`profile:${record.shopperId}`, options.expectedVersion, actual);
    }
    const copy = structuredClone(record);
    copy.version = actual + 1;
    this.#entries.set(record.shopperId, { record: copy, profile: deepFreeze(structuredClone(record.profile)) });
    return copy.version;
  }

  async update(shopperId: string, change: (record: ProfileRecord) => boolean, create: () => ProfileRecord): Promise<ProfileUpdate> {
    const entry = this.#entries.get(shopperId);
    const record = entry?.record ?? create();
    if (!change(record)) return { written: false, version: entry?.record.version ?? 0 };
    record.shopperId = shopperId;
    record.version = (entry?.record.version ?? 0) + 1;
    // The view is replaced, never mutated, by the builder: freezing the new one is enough.
    this.#entries.set(shopperId, { record, profile: deepFreeze(record.profile) });
    return { written: true, version: record.version };
  }

  async delete(shopperId: string): Promise<boolean> {
    return this.#entries.delete(shopperId);
  }

  async *ids(): AsyncIterable<string> {
    for (const id of [...this.#entries.keys()]) yield id;
  }

  async count(): Promise<number> {
    return this.#entries.size;
  }

  async close(): Promise<void> {}
}
