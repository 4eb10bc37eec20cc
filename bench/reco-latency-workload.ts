// The workload of the reco-latency benchmark: the 50,000-item catalog, search queries never seen before and
// the events that change a shopper's history just before a request. Shared by the benchmark and profiling runs.
import type { CatalogItem } from '../core/catalog/catalog-item.ts';
import type { ShopEvent } from '../core/events/shop-event.ts';
import { foldText } from '../core/reco/embedding/text-features.ts';
import { createRandom, type Random } from '../core/reco/random.ts';
import { SEARCH_QUERIES } from './search-quality-queries.ts';

/** The demo catalogs repeated with variant titles and prices until `size` items. */
export function scaledCatalog(base: CatalogItem[], size: number): CatalogItem[] {
  const out: CatalogItem[] = [...base];
  for (let copy = 1; out.length < size; copy += 1) {
    for (const item of base) {
      if (out.length >= size) break;
      out.push({ ...item, id: `${item.id}-v${copy}`, price: Math.round(item.price * (0.8 + ((copy * 7) % 5) / 10)),
        title: { ru: `${item.title.ru}, серия ${copy}`, en: item.title.en ? `${item.title.en}, series ${copy}` : undefined } });
    }
  }
  return out;
}

const RU_ENDINGS = ['а', 'ы', 'у', 'ой', 'ом', 'е', 'ами', 'ого', 'ая', 'ую', 'ые'];
const EN_ENDINGS = ['s', 'es', 'ed', 'ing', 'y'];
const RU_LETTERS = 'абвгдеежзийклмнопрстуфхцчшщыьэюя';
const EN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const pick = <T>(random: Random, list: readonly T[]): T => list[random.int(list.length)]!;

function inflect(word: string, random: Random): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  const cyrillic = /[а-я]/.test(word);
  const stem = word.slice(0, word.length - 1 - random.int(2));
  return stem + pick(random, cyrillic ? RU_ENDINGS : EN_ENDINGS);
}

function typo(word: string, random: Random): string {
  if (word.length < 5 || /\d/.test(word)) return word;
  const at = 1 + random.int(word.length - 2);
  const letters = /[а-я]/.test(word) ? RU_LETTERS : EN_LETTERS;
  switch (random.int(4)) {
    case 0: return word.slice(0, at) + word.slice(at + 1); // a letter missing
    case 1: return word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2); // two letters swapped
    case 2: return word.slice(0, at) + pick(random, [...letters]) + word.slice(at + 1); // a wrong letter
    default: return word.slice(0, at) + word[at]! + word.slice(at); // a letter doubled
  }
}

function shuffle<T>(list: T[], random: Random): T[] {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/**
 * `count` distinct search queries none of which is a labelled query: labelled queries and catalog words with
 * their words reordered, inflected, misspelled and combined with other catalog words (seeded, so every run
 * measures the same queries). Each is meant to be searched once, so no prepared-query cache can answer it.
 */
export function freshQueries(items: readonly CatalogItem[], count: number, seed = 5): string[] {
  const random = createRandom(seed);
  const vocabulary = [...new Set(items.flatMap((item) => foldText(`${item.title.ru} ${item.title.en ?? ''}`).split(' ')))]
    .filter((word) => word.length >= 4 && !/\d/.test(word)).sort();
  const seen = new Set(SEARCH_QUERIES.map((q) => q.q));
  const out: string[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 20; attempt += 1) {
    const base = random.next() < 0.6 ? pick(random, SEARCH_QUERIES).q.split(' ') : [pick(random, vocabulary)];
    if (random.next() < 0.5) base.push(pick(random, vocabulary));
    if (random.next() < 0.3) base.unshift(pick(random, vocabulary));
    let words = base.map((word) => (random.next() < 0.35 ? inflect(word, random) : word));
    words = words.map((word) => (random.next() < 0.3 ? typo(word, random) : word));
    if (words.length > 1 && random.next() < 0.5) words = shuffle(words, random);
    const query = words.join(' ');
    if (seen.has(query)) continue;
    seen.add(query);
    out.push(query);
  }
  if (out.length < count) throw new Error(`only ${out.length} distinct fresh queries of ${count}`);
  return out;
}

const CHANGE_TYPES = ['view', 'order', 'add_to_cart', 'order', 'rating', 'view', 'search'] as const;

/**
 * The `i`-th event that changes `shopperId`'s history: a view, an order, a cart addition, a rating or a search
 * of a catalog item, stamped just before `now` and after every earlier generated event (so it is the latest).
 */
export function changingEvent(shopperId: string, items: readonly CatalogItem[], i: number, now: number, random: Random): ShopEvent {
  const type = CHANGE_TYPES[i % CHANGE_TYPES.length]!;
  const item = pick(random, items);
  const base = { id: `bench-change-${i}`, userId: shopperId, service: item.service, type, ts: new Date(now - 600_000 + i).toISOString() };
  if (type === 'search') return { ...base, query: foldText(item.title.ru) };
  const event: ShopEvent = { ...base, itemId: item.id };
  if (type === 'order') return { ...event, orderId: `bench-order-${i}`, quantity: 1, price: item.price };
  if (type === 'rating') return { ...event, rating: 1 + random.int(5) };
  return event;
}
