import snowball from 'snowball-stemmers';
import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import { derivationalRoot } from '../../core/nlu/derivation.ts';

const ru = snowball.newStemmer('russian');
const en = snowball.newStemmer('english');
const cache = new Map<string, string>();

const FLEETING = /^(.*[бвгджзклмнпрстфхцчшщ])[еоё]([бвгджзклмнпрстфхцчшщ])$/u;

/** "кошек" and "кошк" (кошка, кошки), "подарок" and "подарк": the vowel that comes and goes is dropped from a stem. */
function withoutFleetingVowel(stem: string): string {
  return stem.length >= 5 ? stem.replace(FLEETING, '$1$2') : stem;
}

/** The Snowball stem of a lower-cased word, Russian or English by its script. */
export function stemWord(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = word.length < 3 ? word : /[а-я]/.test(word) ? withoutFleetingVowel(ru.stem(word)) : en.stem(word);
    if (cache.size > 50_000) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

/**
 * Brand and product names shoppers write in Cyrillic while the catalog spells them in Latin ("айфон" is an iPhone),
 * and English words for one shelf ("headphones" also means earbuds, as "наушники" covers both). Case endings are
 * read off before the look-up ("самсунга", "айфону", "хонором"), see {@link spelled}.
 */
const SPELLINGS: Readonly<Record<string, string>> = {
  айфон: 'iphone', айфоны: 'iphone', айфончик: 'iphone', айпад: 'ipad', эпл: 'apple', эппл: 'apple', эпплов: 'apple', аирподс: 'airpods',
  эйрподс: 'airpods', аирподсы: 'airpods', эйрподсы: 'airpods', самсунг: 'samsung', сяоми: 'xiaomi', ксиаоми: 'xiaomi', ксиоми: 'xiaomi',
  шаоми: 'xiaomi', редми: 'redmi', хонор: 'honor', хуавей: 'huawei', хуавэй: 'huawei', джибиэль: 'jbl', джбл: 'jbl', сони: 'sony',
  макбук: 'macbook', галакси: 'galaxy', реалми: 'realme', леново: 'lenovo', асус: 'asus', филипс: 'philips', бош: 'bosch',
  phone: 'смартфон', phones: 'смартфон', smartphone: 'смартфон', smartphones: 'смартфон', laptop: 'ноутбук', laptops: 'ноутбук',
  earbuds: 'наушники', earbud: 'наушники', earphones: 'наушники', headphones: 'наушники', headphone: 'наушники',
};

/** Russian case endings of a borrowed name ("айфона", "самсунгу", "хонором", "айфонов"). */
const NAME_ENDING = /(?:ами|ом|ов|ам|ах|а|у|е|ы)$/u;

/** The catalog spelling of a word written the shopper's way, or the word itself. */
function spelled(word: string): string {
  const direct = SPELLINGS[word];
  if (direct) return direct;
  if (!/[а-я]/.test(word)) return word;
  return SPELLINGS[word.replace(NAME_ENDING, '')] ?? word;
}

/**
 * Product lines and the brand that makes them, as stems: a charger by Apple answers "зарядка для айфона" although
 * its title never says "iPhone".
 */
const LINE_BRANDS: Readonly<Record<string, string>> = {
  iphon: 'appl', ipad: 'appl', airpod: 'appl', macbook: 'appl', galaxi: 'samsung', redmi: 'xiaomi',
};

/** Prepositions and articles: every accessory title has "для", so they would match anything to anything. */
const STOP = new Set(['для', 'под', 'на', 'из', 'от', 'со', 'the', 'for', 'with', 'of', 'and', 'an']);

/** The stems of the words of a text. */
export function stems(text: string): string[] {
  const words = text.toLowerCase().replace(/ё/g, 'е').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => w.length >= 2 && !STOP.has(w)).map((w) => stemWord(spelled(w)));
}

interface ItemStems { title: Set<string>; rest: Set<string>; heads: Set<string>; core: Set<string>; named: Set<string> }

const itemStems = new WeakMap<CatalogItem, ItemStems>();

function stemsOf(item: CatalogItem): ItemStems {
  let cached = itemStems.get(item);
  if (!cached) {
    cached = {
      title: new Set(stems(`${item.title.ru} ${item.title.en ?? ''}`)),
      rest: new Set(stems(`${item.category.replace(/\//g, ' ')} ${item.brand ?? ''} ${(item.tags ?? []).join(' ')}`)),
      // The word a Russian title starts with names the product ("Крем под подгузник" is a cream).
      heads: new Set(stems(item.title.ru).slice(0, 1)),
      // What the product is, before what it is for ("Чехол для смартфона …, iPhone 15" is a case, not an iPhone).
      core: new Set(stems(item.title.ru.split(/(?<!\p{L})(?:для|под|к)(?!\p{L})/iu)[0] ?? '')),
      // The head noun and the word qualifying it ("Крупа гречневая"): what the product is.
      named: new Set(stems(item.title.ru).slice(0, 2)),
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
  // "wireless" is the opposite of "wire(d)", not a form of it.
  if ((a.length > b.length ? a : b).slice(i).startsWith('less')) return false;
  return i === a.length || i === b.length || i >= 5;
}

/**
 * Stems of one Russian word family ("гречк" and "гречнев", "куриц" and "курин", "рис" and "рисов"): a derived form
 * of the word, weaker than the word itself. See {@link derivationalRoot}.
 */
function sameFamily(a: string, b: string): boolean {
  return a !== b && derivationalRoot(a) === derivationalRoot(b);
}

/** Whether a title stem is the query stem or of its family. */
function inTitleOrFamily(stem: string, title: ReadonlySet<string>): boolean {
  return title.has(stem) || [...title].some((t) => sameFamily(stem, t));
}

/** Whether a product line the query names is made by the item's brand ("iphon" for an Apple charger). */
function byBrand(stem: string, title: ReadonlySet<string>, rest: ReadonlySet<string>): boolean {
  const brand = LINE_BRANDS[stem];
  return brand !== undefined && (rest.has(brand) || title.has(brand));
}

/** Whether one query stem is in the item: its title, category, brand, a line of its brand, or (loosely) a title root. */
function stemIn(stem: string, item: CatalogItem, exact: boolean): boolean {
  const { title, rest } = stemsOf(item);
  return title.has(stem) || rest.has(stem) || byBrand(stem, title, rest)
    || (!exact && [...title].some((t) => (stem.length >= 4 && sharesRoot(stem, t)) || sameFamily(stem, t)));
}

/**
 * The words of a request that the item really matched, as the shopper wrote them ("зарядку для айфона" -> "зарядку"
 * for a Samsung charger, both words for Apple's), so a reason never claims the whole request for a partial match.
 */
export function matchedQueryWords(item: CatalogItem, text: string): string[] {
  const words = text.toLowerCase().replace(/ё/g, 'е').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => w.length >= 2 && !STOP.has(w) && stemIn(stemWord(spelled(w)), item, false));
}

/** How well an item matches query stems: 0 (no word) .. 1 (every word in the title). */
export function matchScore(item: CatalogItem, queryStems: readonly string[]): number {
  if (queryStems.length === 0) return 0;
  const { title, rest } = stemsOf(item);
  let score = 0;
  for (const s of queryStems) {
    if (title.has(s)) score += 1;
    else if (rest.has(s) || byBrand(s, title, rest)) score += 0.7;
    else if ([...title].some((t) => (s.length >= 4 && sharesRoot(s, t)) || sameFamily(s, t))) score += 0.6;
  }
  return score / queryStems.length;
}

/**
 * How directly the item is the thing asked for: 2 when its title starts with a query word ("Подгузники …" for
 * "подгузники", not "Крем под подгузник"), 1.5 when a query word names the product itself rather than what it is for
 * ("Смартфон Apple iPhone 15", not "Чехол для смартфона, iPhone 15"), 1 when every query word is in its title (beer
 * for "пиво", not a cider that only shares the beer shelf) or when the title's head noun or the word qualifying it
 * is a derived form of a query word and the rest are in the title ("Крупа гречневая" for "гречка": buckwheat itself,
 * below "Гречка с грибами", which says the word), else 0. Ranks named products before their neighbours.
 */
export function titleFit(item: CatalogItem, queryStems: readonly string[]): number {
  if (queryStems.length === 0) return 0;
  const { title, heads, core, named } = stemsOf(item);
  if (!queryStems.every((s) => title.has(s))) {
    const derivedName = queryStems.every((s) => inTitleOrFamily(s, title)) && queryStems.some((s) => [...named].some((t) => sameFamily(s, t)));
    return derivedName ? 1 : 0;
  }
  if (queryStems.some((s) => heads.has(s))) return 2;
  if (queryStems.some((s) => core.has(s))) return 1.5;
  // Every word only in what the item is for ("Чехол для смартфона" for "phone"): an accessory, barely a match.
  return core.size < stems(item.title.ru).length ? 0.25 : 1;
}

/**
 * Whether a Russian request's first word (its head: "зарядка для айфона" asks for a charger) is what the item is,
 * before any "для": a charger, not an iPhone case. English puts the head last ("phone case"), so it is not guessed.
 */
export function namesHead(item: CatalogItem, queryStems: readonly string[]): boolean {
  const head = queryStems[0];
  if (!head || !/[а-я]/.test(head) || queryStems.length < 2) return false;
  const { core } = stemsOf(item);
  return core.has(head) || (head.length >= 4 && [...core].some((t) => sharesRoot(head, t)));
}

/**
 * Whether every query stem is in the item's title, category or brand (or, unless `exact`, shares its root with a
 * title word: "вкусненькое" shares "вкус" with "без вкуса", which names no product).
 */
export function matchesAll(item: CatalogItem, queryStems: readonly string[], exact = false): boolean {
  return queryStems.every((s) => stemIn(s, item, exact));
}

/**
 * True when the text names the item itself (a word of its title), not just its shelf: "пиво" names a beer,
 * "напитки" or "ужин" do not.
 */
export function namesItem(item: CatalogItem, text: string): boolean {
  const { title } = stemsOf(item);
  return stems(text).some((s) => title.has(s) || (s.length >= 4 && [...title].some((t) => sharesRoot(s, t))));
}

/** Items by the 4-letter starts of the stems (and their derivational roots) of their titles, categories and brands. */
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
    // Roots too: "рисов" is found for "рис", whose four-letter start it does not share.
    const keys = new Set([...title, ...rest].flatMap((stem) => [stem.slice(0, 4), derivationalRoot(stem).slice(0, 4)]));
    for (const key of keys) {
      let list = byPrefix.get(key);
      if (!list) byPrefix.set(key, (list = []));
      list.push(item);
    }
  }
  index = {
    candidates(queryStems) {
      const found = new Set<CatalogItem>();
      for (const stem of queryStems) {
        for (const key of new Set([stem.slice(0, 4), derivationalRoot(stem).slice(0, 4)])) for (const item of byPrefix.get(key) ?? []) found.add(item);
      }
      return found;
    },
  };
  indexes.set(items, index);
  return index;
}
