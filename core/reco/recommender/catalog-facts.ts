import type { CatalogItem } from '../../catalog/catalog-item.ts';

/** Tags indexed as bits; items carrying other tags are checked on the item itself. */
const MAX_TAG_BITS = 31;

/**
 * The per-row facts hard constraints read, in typed arrays built once per catalog: availability, price, service,
 * leaf category and tags as a bitmask. Checking a row against them costs a few array reads, where checking the
 * item object costs property loads on thousands of differently shaped objects per request.
 */
export class CatalogFacts {
  readonly available: Uint8Array;
  readonly price: Float64Array;
  readonly service: Int32Array;
  readonly category: Int32Array;
  readonly tagMask: Uint32Array;
  /** 1 where a row has a tag beyond the indexed ones (its check falls back to the item). */
  readonly overflow: Uint8Array;
  readonly services: string[] = [];
  readonly categories: string[] = [];
  /** The leaf (last path level) of each category, by category index. */
  readonly leaves: string[] = [];
  readonly tagBits = new Map<string, number>();

  constructor(readonly items: readonly CatalogItem[], readonly keys: readonly string[]) {
    const n = items.length;
    this.available = new Uint8Array(n);
    this.price = new Float64Array(n);
    this.service = new Int32Array(n);
    this.category = new Int32Array(n);
    this.tagMask = new Uint32Array(n);
    this.overflow = new Uint8Array(n);
    const serviceIndex = new Map<string, number>();
    const categoryIndex = new Map<string, number>();
    const indexOf = (map: Map<string, number>, list: string[], value: string) => {
      let index = map.get(value);
      if (index === undefined) { index = list.length; list.push(value); map.set(value, index); }
      return index;
    };
    items.forEach((item, row) => {
      this.available[row] = item.available === false ? 0 : 1;
      this.price[row] = item.price;
      this.service[row] = indexOf(serviceIndex, this.services, item.service);
      this.category[row] = indexOf(categoryIndex, this.categories, item.category);
      if (this.leaves.length < this.categories.length) this.leaves.push(item.category.split('/').at(-1)!);
      let mask = 0;
      for (const tag of item.tags ?? []) {
        let bit = this.tagBits.get(tag);
        if (bit === undefined && this.tagBits.size < MAX_TAG_BITS) { bit = this.tagBits.size; this.tagBits.set(tag, bit); }
        if (bit === undefined) this.overflow[row] = 1; else mask |= 1 << bit;
      }
      this.tagMask[row] = mask >>> 0;
    });
  }

  /** The bitmask of `tags`, or undefined when one of them has no bit (callers then check items instead). */
  maskOf(tags: Iterable<string>): number | undefined {
    let mask = 0;
    for (const tag of tags) {
      const bit = this.tagBits.get(tag);
      if (bit === undefined) return undefined;
      mask |= 1 << bit;
    }
    return mask >>> 0;
  }
}
