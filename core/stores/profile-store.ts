import type { ProfileState } from '../context/profile-state.ts';
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
  /** The read view, recomputed on every write. */
  profile: ShopperProfile;
}

/** Options for a profile write. */
export interface ProfileWriteOptions {
  /** The version the caller read; 0 means "must not exist yet". A mismatch throws ConcurrencyError. */
  expectedVersion?: number;
}

/**
 * Unified shopper profiles. Records are values: `get` returns a copy and `put` stores a copy, so callers never
 * share mutable state with the store.
 */
export interface ProfileStore {
  get(shopperId: string): Promise<ProfileRecord | undefined>;
  /** Only the read view: the fast path for reads. */
  getProfile(shopperId: string): Promise<ShopperProfile | undefined>;
  /** Writes the record (its `version` is ignored); returns the new version. */
  put(record: ProfileRecord, options?: ProfileWriteOptions): Promise<number>;
  /** True when a record existed. */
  delete(shopperId: string): Promise<boolean>;
  /** Every stored shopper id. */
  ids(): AsyncIterable<string>;
  count(): Promise<number>;
  close(): Promise<void>;
}
