/** One purchase occasion of one shopper: the distinct items bought together, and when (epoch ms) if known. */
export interface Basket {
  items: string[];
  ts?: number;
}

/** A shopper's baskets in time order (oldest first). */
export interface UserBaskets {
  user: string;
  baskets: Basket[];
}

/** All histories of a data set, keyed by user id, in first-seen order. */
export type BasketHistories = Map<string, Basket[]>;

/** Parses the many spellings of a date found in basket files into epoch ms; undefined when it is no date. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Seconds until the year 5138, milliseconds after: the usual heuristic for unix stamps.
    return value < 1e11 ? value * 1000 : value;
  }
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    // Compact dates (20001101) before plain epoch numbers.
    if (/^\d{8}$/.test(text)) return Date.UTC(+text.slice(0, 4), +text.slice(4, 6) - 1, +text.slice(6, 8));
    return parseTimestamp(Number(text));
  }
  const slashed = /^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (slashed) {
    const [, a, b, c, hh, mm, ss] = slashed;
    let year: number; let month: number; let day: number;
    if (a!.length === 4) { year = +a!; month = +b!; day = +c!; } // 2000/11/01
    else if (text.includes('.')) { day = +a!; month = +b!; year = +c!; } // 01.11.2000
    else { month = +a!; day = +b!; year = +c!; } // 11/1/2000 (US, as in Ta-Feng and Online Retail)
    if (year < 100) year += 2000;
    const ms = Date.UTC(year, month - 1, day, hh ? +hh : 0, mm ? +mm : 0, ss ? +ss : 0);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** An item as a string id: plain ids, numbers, or objects such as `{ "id": ... }`. */
export function itemIdOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['id', 'item', 'itemId', 'item_id', 'product_id', 'productId', 'sku']) {
      const id = itemIdOf(record[key]);
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

/** Distinct item ids of a list, keeping first occurrence order. */
export function distinctItems(values: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const id = itemIdOf(value);
    if (id !== undefined) seen.add(id);
  }
  return [...seen];
}

/** Sorts each history by time where every basket has one; otherwise keeps file order (already chronological). */
export function sortHistories(histories: BasketHistories): BasketHistories {
  for (const [user, baskets] of histories) {
    if (baskets.every((basket) => basket.ts !== undefined)) {
      const ordered = baskets.map((basket, index) => ({ basket, index }));
      ordered.sort((a, b) => a.basket.ts! - b.basket.ts! || a.index - b.index);
      histories.set(user, ordered.map((entry) => entry.basket));
    }
  }
  return histories;
}
