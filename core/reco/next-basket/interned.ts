import type { Basket } from './basket-data.ts';

/** A shopper's history with items as dense integers: the form every next-basket computation works on. */
export interface InternedUser {
  id: string;
  /** Distinct item indexes of each basket, oldest first. */
  baskets: Int32Array[];
  /** Epoch ms of each basket; NaN where unknown. */
  ts: Float64Array;
}

/** Maps item ids to dense integers and back. */
export class ItemVocabulary {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();

  /** The index of an item, adding it when new. */
  intern(id: string): number {
    let index = this.index.get(id);
    if (index === undefined) {
      index = this.ids.length;
      this.ids.push(id);
      this.index.set(id, index);
    }
    return index;
  }

  /** The index of a known item, or undefined. */
  find(id: string): number | undefined {
    return this.index.get(id);
  }

  get size(): number {
    return this.ids.length;
  }
}

/** Converts one history to dense form, interning unseen items. */
export function internUser(id: string, baskets: readonly Basket[], vocabulary: ItemVocabulary): InternedUser {
  return {
    id,
    baskets: baskets.map((basket) => Int32Array.from(new Set(basket.items.map((item) => vocabulary.intern(item))))),
    ts: Float64Array.from(baskets.map((basket) => basket.ts ?? Number.NaN)),
  };
}

/** The same user without its last `drop` baskets (the validation split). */
export function truncateUser(user: InternedUser, drop: number): InternedUser {
  const keep = Math.max(0, user.baskets.length - drop);
  return { id: user.id, baskets: user.baskets.slice(0, keep), ts: user.ts.slice(0, keep) };
}
