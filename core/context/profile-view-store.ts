import type { CatalogSnapshot, CatalogStore } from '../stores/catalog-store.ts';
import type { ProfileRecord, ProfileStore, ProfileUpdate, ProfileWriteOptions } from '../stores/profile-store.ts';
import type { ShopperProfile } from './shopper-profile.ts';

/** Stands in for a missing record during a read: it is never stale, so it is never written. */
const ABSENT = Object.freeze({ stale: false }) as unknown as ProfileRecord;

/** Options for {@link ProfileViewStore}. */
export interface ProfileViewStoreOptions {
  inner: ProfileStore;
  catalog: CatalogStore;
  /** Derives the read view of a record (the builder's view options). */
  derive: (record: ProfileRecord, catalog: CatalogSnapshot) => ShopperProfile;
}

/**
 * A ProfileStore whose reads are always up to date: a record whose view is stale (events were applied since it
 * was derived) gets its view derived on the first read and written back, so later reads are served as stored.
 * Hand this to every reader (recommender, dialogs, HTTP); the builder writes through the inner store.
 */
export class ProfileViewStore implements ProfileStore {
  readonly #inner: ProfileStore;
  readonly #catalog: CatalogStore;
  readonly #derive: ProfileViewStoreOptions['derive'];

  constructor(options: ProfileViewStoreOptions) {
    this.#inner = options.inner;
    this.#catalog = options.catalog;
    this.#derive = options.derive;
  }

  async get(shopperId: string): Promise<ProfileRecord | undefined> {
    const record = await this.#inner.get(shopperId);
    if (record?.stale) {
      record.profile = this.#derive(record, await this.#catalog.snapshot());
      delete record.stale;
    }
    return record;
  }

  async getProfile(shopperId: string): Promise<ShopperProfile | undefined> {
    if (!(await this.#inner.isStale(shopperId))) return this.#inner.getProfile(shopperId);
    const catalog = await this.#catalog.snapshot();
    await this.#inner.update(
      shopperId,
      (record) => {
        if (!record.stale) return false;
        record.profile = this.#derive(record, catalog);
        delete record.stale;
        return true;
      },
      () => ABSENT,
    );
    return this.#inner.getProfile(shopperId);
  }

  /** Never stale from the outside: reads derive the view. */
  async isStale(): Promise<boolean> {
    return false;
  }

  put(record: ProfileRecord, options?: ProfileWriteOptions): Promise<number> {
    return this.#inner.put(record, options);
  }

  update(shopperId: string, change: (record: ProfileRecord) => boolean, create: () => ProfileRecord): Promise<ProfileUpdate> {
    return this.#inner.update(shopperId, change, create);
  }

  delete(shopperId: string): Promise<boolean> {
    return this.#inner.delete(shopperId);
  }

  ids(): AsyncIterable<string> {
    return this.#inner.ids();
  }

  count(): Promise<number> {
    return this.#inner.count();
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}
