import type { ProfileState } from '../context/profile-state.ts';
import { ConcurrencyError } from '../errors.ts';
import type { ExplicitPreference, ShopperProfile } from '../context/shopper-profile.ts';

/**
 * One stored shopper: the builder's accumulators, the stated preferences, the ids of the latest applied
 * events (so a redelivered event is never applied twice) and the materialized read view.
 */
export interface ProfileRecord {
  shopperId: string;
  /** Set by the store: 1 after the first write, +1 on every write. */
  version: number;
  /** ISO time of the last write. */
  updatedAt: string;
  state: ProfileState;
  preferences: ExplicitPreference[];
  /** The latest applied event ids, oldest first, bounded (see ProfileBuilderOptions.appliedIdsLimit). */
  appliedEventIds: string[];
  /** The read view. */
  profile: ShopperProfile;
  /**
   * True when events were applied after `profile` was derived. Deriving the view costs far more than applying an
   * event, so the builder defers it to the next read (ProfileViewStore), once for any number of events.
   */
  stale?: boolean;
}

/** Options for a profile write. */
export interface ProfileWriteOptions {
  /** The version the caller read; 0 means "must not exist yet". A mismatch throws ConcurrencyError. */
  expectedVersion?: number;
}

/** What an update did. */
export interface ProfileUpdate {
  /** Whether `change` asked for a write. */
  written: boolean;
  /** The version after the update (0: the record still does not exist). */
  version: number;
}

/**
 * Unified shopper profiles. Records are values: `get` returns a copy and `put` stores a copy, so callers never
 * share mutable state with the store.
 */
export interface ProfileStore {
  get(shopperId: string): Promise<ProfileRecord | undefined>;
  /** Only the read view: the fast path for reads. */
  getProfile(shopperId: string): Promise<ShopperProfile | undefined>;
  /** Whether the record's view lags its state (`stale`); false when there is no record. */
  isStale(shopperId: string): Promise<boolean>;
  /** Writes the record (its `version` is ignored); returns the new version. */
  put(record: ProfileRecord, options?: ProfileWriteOptions): Promise<number>;
  /**
   * Atomically reads, changes and writes one record: `change` gets the current record (or `create()` when
   * there is none), changes it in place and returns whether to write. It must be synchronous and must not throw
   * after changing anything. The memory store runs it on its own record without copying (the hot path of
   * ingestion); stores behind a network use optimistic concurrency and call `change` again after a lost race.
   */
  update(shopperId: string, change: (record: ProfileRecord) => boolean, create: () => ProfileRecord): Promise<ProfileUpdate>;
  /** True when a record existed. */
  delete(shopperId: string): Promise<boolean>;
  /** Every stored shopper id. */
  ids(): AsyncIterable<string>;
  count(): Promise<number>;
  close(): Promise<void>;
}

/** `update` on top of `get` and `put` with an expected version, retried after lost races. */
export async function optimisticUpdate(
  store: Pick<ProfileStore, 'get' | 'put'>,
  shopperId: string,
  change: (record: ProfileRecord) => boolean,
  create: () => ProfileRecord,
  maxRetries = 8,
): Promise<ProfileUpdate> {
  for (let attempt = 0; ; attempt += 1) {
    const current = await store.get(shopperId);
    const record = current ?? create();
    if (!change(record)) return { written: false, version: current?.version ?? 0 };
    try {
      return { written: true, version: await store.put(record, { expectedVersion: current?.version ?? 0 }) };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= maxRetries) throw error;
    }
  }
}
