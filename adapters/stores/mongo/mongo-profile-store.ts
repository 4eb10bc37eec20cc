import type { Collection, Db } from 'mongodb';
import { decodeProfileState, encodeProfileState } from '../../../core/context/profile-state-codec.ts';
import type { ExplicitPreference, ShopperProfile } from '../../../core/context/shopper-profile.ts';
import { ConcurrencyError } from '../../../core/errors.ts';
import {
  optimisticUpdate,
  type ProfileRecord,
  type ProfileStore,
  type ProfileUpdate,
  type ProfileWriteOptions,
} from '../../../core/stores/profile-store.ts';
import { collectionName, isDuplicateKey } from './mongo-indexes.ts';

/**
 * A profile as stored. The accumulators are a JSON string: item ids are arbitrary text and must never become
 * field names; the read view is a real sub-document, so it can be projected and inspected.
 */
export interface ProfileDocument {
  _id: string;
  version: number;
  updatedAt: Date;
  state: string;
  preferences: ExplicitPreference[];
  appliedEventIds: string[];
  profile: ShopperProfile;
  stale?: boolean;
}

/** Options for {@link MongoProfileStore}. */
export interface MongoProfileStoreOptions {
  db: Db;
  collectionPrefix?: string;
}

/** Converts a record to its document at `version`. */
export function toProfileDocument(record: ProfileRecord, version: number): ProfileDocument {
  return {
    _id: record.shopperId,
    version,
    updatedAt: new Date(record.updatedAt),
    state: JSON.stringify(encodeProfileState(record.state)),
    preferences: record.preferences,
    appliedEventIds: record.appliedEventIds,
    profile: record.profile,
    ...(record.stale ? { stale: true } : {}),
  };
}

/** Converts a document back to a record. */
export function fromProfileDocument(doc: ProfileDocument): ProfileRecord {
  return {
    shopperId: doc._id,
    version: doc.version,
    updatedAt: doc.updatedAt.toISOString(),
    state: decodeProfileState(JSON.parse(doc.state)),
    preferences: doc.preferences,
    appliedEventIds: doc.appliedEventIds,
    profile: doc.profile,
    ...(doc.stale ? { stale: true } : {}),
  };
}

/** Profiles on MongoDB with optimistic concurrency on a `version` field. */
export class MongoProfileStore implements ProfileStore {
  readonly #collection: Collection<ProfileDocument>;

  constructor(options: MongoProfileStoreOptions) {
    this.#collection = options.db.collection<ProfileDocument>(collectionName('profiles', options.collectionPrefix));
  }

  async get(shopperId: string): Promise<ProfileRecord | undefined> {
    const doc = await this.#collection.findOne({ _id: shopperId });
    return doc ? fromProfileDocument(doc) : undefined;
  }

  async getProfile(shopperId: string): Promise<ShopperProfile | undefined> {
    const doc = await this.#collection.findOne({ _id: shopperId }, { projection: { profile: 1 } });
    return doc?.profile;
  }

  async isStale(shopperId: string): Promise<boolean> {
    const doc = await this.#collection.findOne({ _id: shopperId }, { projection: { stale: 1 } });
    return doc?.stale === true;
  }

  async put(record: ProfileRecord, options: ProfileWriteOptions = {}): Promise<number> {
    const expected = options.expectedVersion ?? (await this.#currentVersion(record.shopperId));
    if (expected === 0) {
      try {
        await this.#collection.insertOne(toProfileDocument(record, 1));
        return 1;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        throw new ConcurrencyError(`profile:${record.shopperId}`, 0, await this.#currentVersion(record.shopperId));
      }
    }
    const result = await this.#collection.replaceOne({ _id: record.shopperId, version: expected }, toProfileDocument(record, expected + 1));
    if (result.matchedCount === 0) {
      throw new ConcurrencyError(`profile:${record.shopperId}`, expected, await this.#currentVersion(record.shopperId));
    }
    return expected + 1;
  }

  update(shopperId: string, change: (record: ProfileRecord) => boolean, create: () => ProfileRecord): Promise<ProfileUpdate> {
    return optimisticUpdate(this, shopperId, change, create);
  }

  async delete(shopperId: string): Promise<boolean> {
    return (await this.#collection.deleteOne({ _id: shopperId })).deletedCount > 0;
  }

  async *ids(): AsyncIterable<string> {
    for await (const doc of this.#collection.find({}, { projection: { _id: 1 } })) yield doc._id;
  }

  async count(): Promise<number> {
    return this.#collection.countDocuments();
  }

  async close(): Promise<void> {}

  async #currentVersion(shopperId: string): Promise<number> {
    const doc = await this.#collection.findOne({ _id: shopperId }, { projection: { version: 1 } });
    return doc?.version ?? 0;
  }
}
