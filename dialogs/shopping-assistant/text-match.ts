import snowball from 'snowball-stemmers';
import type { CatalogItem } from '../../core/catalog/catalog-item.ts';

const ru = snowball.newStemmer('russian');
const en = snowball.newStemmer('english');
const cache = new Map<string, string>();

/** The Snowball stem of a lower-cased word, Russian or English by its script. */
export function stemWord(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = word.length < 3 ? word : /[а-я]/.test(word) ? ru.stem(word) : en.stem(word);
    if (cache.size > 50_000) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

/** The stems of the words of a text. */
export function stems(text: string): string[] {
  const words = text.toLowerCase().replace(/ё/g, 'е').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => w.length >= 2).map(stemWord);
}

const itemStems = new WeakMap<CatalogItem, { title: Set<string>; rest: Set<string> }>();

function stemsOf(item: CatalogItem): { title: Set<string>; rest: Set<string> } {
  let cached = itemStems.get(item);
  if (!cached) {
    cached = {
      title: new Set(stems(`${item.title.ru} ${item.title.en ?? ''}`)),
      rest: new Set(stems(`${item.category.replace(/\//g, ' ')} ${item.brand ?? ''} ${(item.tags ?? []).join(' ')}`)),
    };
    itemStems.set(item, cached);
  }
  return cached;
}

/** Stems that differ only in a suffix the stemmer kept ("зарядк" ~ "зарядн"). */
function sharesRoot(a: string, b: string): boolean {
  if (b.length < 4) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i === a.length || i === b.length || i >= 5;
}

/** How well an item matches query stems: 0 (no word) .. 1 (every word in the title). */
export function matchScore(item: CatalogItem, queryStems: readonly string[]): number {
  if (queryStems.length === 0) return 0;
  const { title, rest } = stemsOf(item);
  let score = 0;
  for (const s of queryStems) {
    if (title.has(s)) score += 1;
    else if (rest.has(s)) score += 0.7;
    else if (s.length >= 4 && [...title].some((t) => sharesRoot(s, t))) score += 0.6;
  }
  return score / queryStems.length;
}

/**
 * Whether every query stem is in the item's title, category or brand (or, unless `exact`, shares its root with a
 * title word: "вкусненькое" shares "вкус" with "без вкуса", which names no product).
 */
export function matchesAll(item: CatalogItem, queryStems: readonly string[], exact = false): boolean {
  const { title, rest } = stemsOf(item);
  return queryStems.every((s) => title.has(s) || rest.has(s) || (!exact && s.length >= 4 && [...title].some((t) => sharesRoot(s, t))));
}

/**
 * True when the text names the item itself (a word of its title), not just its shelf: "пиво" names a beer,
 * "напитки" or "ужин" do not.
 */
export function namesItem(item: CatalogItem, text: string): boolean {
  const { title } = stemsOf(item);
  return stems(text).some((s) => title.has(s) || (s.length >= 4 && [...title].some((t) => sharesRoot(s, t))));
}

/** Items by the stems (and the 4-letter starts of stems) of their titles, categories and brands. */
export interface StemIndex {
  candidates(queryStems: readonly string[]): Set<CatalogItem>;
}

const indexes = new WeakMap<readonly CatalogItem[], StemIndex>();

/** An inverted index over a catalog snapshot's items, built once per snapshot. */
export function stemIndex(items: readonly CatalogItem[]): StemIndex {
  let index = indexes.get(items);
  if (index) return index;
  const byPrefix = new Map<string, CatalogItem[]>();
  for (const item of items) {
    const { title, rest } = stemsOf(item);
    const keys = new Set([...title, ...rest].map((stem) => stem.slice(0, 4)));
    for (const key of keys) {
      let list = byPrefix.get(key);
      if (!list) byPrefix.set(key, (list = []));
      list.push(item);
    }
  }
  index = {
    candidates(queryStems) {
      const found = new Set<CatalogItem>();
      for (const stem of queryStems) for (const item of byPrefix.get(stem.slice(0, 4)) ?? []) found.add(item);
      return found;
    },
  };
  indexes.set(items, index);
  return index;
}
