import type { CatalogItem } from '../catalog/catalog-item.ts';
import type { Service } from '../reply.ts';
import { itemKey, type CatalogQuery, type CatalogSnapshot, type CatalogStore, type ItemRef } from './catalog-store.ts';

/** The largest page `list` returns. */
export const MAX_CATALOG_PAGE = 5_000;

/** True when `category` is `filter` or one of its sub-categories. */
export function categoryMatches(category: string, filter: string): boolean {
  return category === filter || category.startsWith(`${filter}/`);
}

/** True when an item passes the filters of a catalog query. */
export function matchesCatalogQuery(item: CatalogItem, query: Omit<CatalogQuery, 'limit' | 'offset'>): boolean {
  if (query.service && item.service !== query.service) return false;
  if (query.category && !categoryMatches(item.category, query.category)) return false;
  if (query.availableOnly && item.available === false) return false;
  return true;
}

function compareItems(a: CatalogItem, b: CatalogItem): number {
  if (a.service !== b.service) return a.service < b.service ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function freezeItem(item: CatalogItem): CatalogItem {
  const copy = structuredClone(item);
  if (copy.tags) Object.freeze(copy.tags);
  Object.freeze(copy.title);
  return Object.freeze(copy);
}

/** The embedded-default catalog: frozen items in a map, with a sorted snapshot rebuilt lazily after changes. */
export class MemoryCatalogStore implements CatalogStore {
  readonly #items = new Map<string, CatalogItem>();
  #revision = 0;
  #snapshot: CatalogSnapshot | undefined;

  async upsertMany(items: readonly CatalogItem[]): Promise<number> {
    for (const item of items) this.#items.set(itemKey(item.service, item.id), freezeItem(item));
    if (items.length > 0) this.#changed();
    return items.length;
  }

  async get(service: Service, id: string): Promise<CatalogItem | undefined> {
    return this.#items.get(itemKey(service, id));
  }

  async getMany(refs: readonly ItemRef[]): Promise<CatalogItem[]> {
    const found: CatalogItem[] = [];
    for (const ref of refs) {
      const item = this.#items.get(itemKey(ref.service, ref.id));
      if (item) found.push(item);
    }
    return found;
  }

  async list(query: CatalogQuery = {}): Promise<CatalogItem[]> {
    const limit = Math.min(query.limit ?? 100, MAX_CATALOG_PAGE);
    const offset = query.offset ?? 0;
    const { items } = await this.snapshot();
    const page: CatalogItem[] = [];
    let skipped = 0;
    for (const item of items) {
      if (page.length >= limit) break;
      if (!matchesCatalogQuery(item, query)) continue;
      if (skipped < offset) skipped += 1;
      else page.push(item);
    }
    return page;
  }

  async count(query: Omit<CatalogQuery, 'limit' | 'offset'> = {}): Promise<number> {
    if (!query.service && !query.category && !query.availableOnly) return this.#items.size;
    const { items } = await this.snapshot();
    return items.reduce((n, item) => (matchesCatalogQuery(item, query) ? n + 1 : n), 0);
  }

  async *iterate(query: Omit<CatalogQuery, 'limit' | 'offset'> = {}): AsyncIterable<CatalogItem> {
    const { items } = await this.snapshot();
    for (const item of items) if (matchesCatalogQuery(item, query)) yield item;
  }

  async snapshot(): Promise<CatalogSnapshot> {
    if (!this.#snapshot) {
      const items = Object.freeze([...this.#items.values()].sort(compareItems));
      // Per-service maps: lookups on the ingestion hot path need no key concatenation.
      const byService = new Map<Service, Map<string, CatalogItem>>();
      for (const item of items) {
        let map = byService.get(item.service);
        if (!map) byService.set(item.service, (map = new Map()));
        map.set(item.id, item);
      }
      this.#snapshot = { revision: this.#revision, items, get: (service, id) => byService.get(service)?.get(id) };
    }
    return this.#snapshot;
  }

  async deleteMany(refs: readonly ItemRef[]): Promise<number> {
    let removed = 0;
    for (const ref of refs) if (this.#items.delete(itemKey(ref.service, ref.id))) removed += 1;
    if (removed > 0) this.#changed();
    return removed;
  }

  async close(): Promise<void> {}

  #changed(): void {
    this.#revision += 1;
    this.#snapshot = undefined;
  }
}
