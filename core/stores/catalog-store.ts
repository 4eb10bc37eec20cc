import type { CatalogItem } from '../catalog/catalog-item.ts';
import type { Service } from '../reply.ts';

/** Identifies one catalog item: ids are unique within a service only. */
export interface ItemRef {
  service: Service;
  id: string;
}

/** Filters for listing and counting catalog items. */
export interface CatalogQuery {
  service?: Service;
  /** Matches the category itself and every sub-category ("Молочные продукты" matches "Молочные продукты/Молоко"). */
  category?: string;
  /** Only items whose `available` is not false. */
  availableOnly?: boolean;
  /** Page size for `list` (default 100, at most 5,000). */
  limit?: number;
  offset?: number;
}

/** Every item at one moment, for consumers that scan the whole catalog (the recommender, price statistics). */
export interface CatalogSnapshot {
  /** Grows whenever the catalog changes; equal revisions mean equal contents (within one process). */
  revision: number;
  items: readonly CatalogItem[];
  /** Looks an item up by `service` and `id`. */
  get(service: Service, id: string): CatalogItem | undefined;
}

/**
 * The catalogs of the three services. Items are keyed by (`service`, `id`); an upsert replaces the whole item.
 * Returned items are copies or frozen: callers never mutate the store through them.
 */
export interface CatalogStore {
  /** Inserts or replaces items; returns how many were written. */
  upsertMany(items: readonly CatalogItem[]): Promise<number>;
  get(service: Service, id: string): Promise<CatalogItem | undefined>;
  /** Items found, in the order asked; missing ones are left out. */
  getMany(refs: readonly ItemRef[]): Promise<CatalogItem[]>;
  /** One page of items, ordered by service then id. */
  list(query?: CatalogQuery): Promise<CatalogItem[]>;
  count(query?: Omit<CatalogQuery, 'limit' | 'offset'>): Promise<number>;
  /** Streams every matching item, ordered by service then id, without loading the whole catalog at once. */
  iterate(query?: Omit<CatalogQuery, 'limit' | 'offset'>): AsyncIterable<CatalogItem>;
  /** Every item at once; cached until the catalog changes, so repeated calls are cheap. */
  snapshot(): Promise<CatalogSnapshot>;
  /** Removes items; returns how many existed. */
  deleteMany(refs: readonly ItemRef[]): Promise<number>;
  close(): Promise<void>;
}

/** The key used for (service, id) in maps. */
export function itemKey(service: Service, id: string): string {
  return `${service}:${id}`;
}
