import type { AnyBulkWriteOperation, Collection, Db, Filter } from 'mongodb';
import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import type { Service } from '../../../core/reply.ts';
import { itemKey, type CatalogQuery, type CatalogSnapshot, type CatalogStore, type ItemRef } from '../../../core/stores/catalog-store.ts';
import { MAX_CATALOG_PAGE } from '../../../core/stores/memory-catalog-store.ts';
import { collectionName, escapeRegExp } from './mongo-indexes.ts';

/** A catalog item as stored: the item itself plus the fields it is queried by. */
export interface CatalogDocument {
  _id: string;
  service: Service;
  id: string;
  category: string;
  available: boolean;
  item: CatalogItem;
}

/** Options for {@link MongoCatalogStore}. */
export interface MongoCatalogStoreOptions {
  db: Db;
  collectionPrefix?: string;
  /** How long a snapshot is reused before checking MongoDB again (default 30 s); local writes drop it at once. */
  snapshotTtlMs?: number;
  now?: () => number;
}

/** The MongoDB filter of a catalog query. */
export function catalogFilter(query: Omit<CatalogQuery, 'limit' | 'offset'>): Filter<CatalogDocument> {
  const filter: Filter<CatalogDocument> = {};
  if (query.service) filter.service = query.service;
  if (query.category) filter.category = { $regex: `^${escapeRegExp(query.category)}(/|$)` };
  if (query.availableOnly) filter.available = true;
  return filter;
}

/** The bulk upserts that write catalog items. */
export function catalogUpserts(items: readonly CatalogItem[]): AnyBulkWriteOperation<CatalogDocument>[] {
  return items.map((item) => {
    const doc: CatalogDocument = {
      _id: itemKey(item.service, item.id),
      service: item.service,
      id: item.id,
      category: item.category,
      available: item.available !== false,
      item,
    };
    return { replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } };
  });
}

/** The catalog on MongoDB: bulk upserts keyed by `service:id`. */
export class MongoCatalogStore implements CatalogStore {
  readonly #collection: Collection<CatalogDocument>;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #snapshot: { value: CatalogSnapshot; loadedAt: number } | undefined;
  #revision = 0;

  constructor(options: MongoCatalogStoreOptions) {
    this.#collection = options.db.collection<CatalogDocument>(collectionName('catalog', options.collectionPrefix));
    this.#ttlMs = options.snapshotTtlMs ?? 30_000;
    this.#now = options.now ?? Date.now;
  }

  async upsertMany(items: readonly CatalogItem[]): Promise<number> {
    if (items.length === 0) return 0;
    await this.#collection.bulkWrite(catalogUpserts(items), { ordered: false });
    this.#snapshot = undefined;
    return items.length;
  }

  async get(service: Service, id: string): Promise<CatalogItem | undefined> {
    const doc = await this.#collection.findOne({ _id: itemKey(service, id) });
    return doc?.item;
  }

  async getMany(refs: readonly ItemRef[]): Promise<CatalogItem[]> {
    if (refs.length === 0) return [];
    const docs = await this.#collection.find({ _id: { $in: refs.map((r) => itemKey(r.service, r.id)) } }).toArray();
    const byId = new Map(docs.map((doc) => [doc._id, doc.item]));
    return refs.flatMap((r) => byId.get(itemKey(r.service, r.id)) ?? []);
  }

  async list(query: CatalogQuery = {}): Promise<CatalogItem[]> {
    const docs = await this.#collection
      .find(catalogFilter(query))
      .sort({ service: 1, id: 1 })
      .skip(query.offset ?? 0)
      .limit(Math.min(query.limit ?? 100, MAX_CATALOG_PAGE))
      .toArray();
    return docs.map((doc) => doc.item);
  }

  async count(query: Omit<CatalogQuery, 'limit' | 'offset'> = {}): Promise<number> {
    return this.#collection.countDocuments(catalogFilter(query));
  }

  async *iterate(query: Omit<CatalogQuery, 'limit' | 'offset'> = {}): AsyncIterable<CatalogItem> {
    for await (const doc of this.#collection.find(catalogFilter(query)).sort({ service: 1, id: 1 })) yield doc.item;
  }

  async snapshot(): Promise<CatalogSnapshot> {
    const cached = this.#snapshot;
    if (cached && this.#now() - cached.loadedAt < this.#ttlMs) return cached.value;
    const items: CatalogItem[] = [];
    for await (const item of this.iterate()) items.push(Object.freeze(item));
    const byKey = new Map(items.map((item) => [itemKey(item.service, item.id), item]));
    this.#revision += 1;
    const value: CatalogSnapshot = { revision: this.#revision, items: Object.freeze(items), get: (s, id) => byKey.get(itemKey(s, id)) };
    this.#snapshot = { value, loadedAt: this.#now() };
    return value;
  }

  async deleteMany(refs: readonly ItemRef[]): Promise<number> {
    if (refs.length === 0) return 0;
    const result = await this.#collection.deleteMany({ _id: { $in: refs.map((r) => itemKey(r.service, r.id)) } });
    this.#snapshot = undefined;
    return result.deletedCount;
  }

  async close(): Promise<void> {}
}
