import type { CatalogItem } from '../../catalog/catalog-item.ts';
import { stemsOf, stemWord, words } from '../embedding/text-features.ts';
import type { VectorFilter } from '../vector/vector-index.ts';
import type { CatalogFacts } from './catalog-facts.ts';
import type { Diet, HardConstraints } from './types.ts';

const ADULT_TAGS = ['alcohol', '18+'];
const DIET_TAGS = new Set(['vegan', 'vegetarian', 'meat', 'fish']);

/** What each diet forbids outright, and which tag it requires on food where that tag is used at all. */
const DIETS: Record<Diet, { forbid: string[]; require?: string }> = {
  vegan: { forbid: ['meat', 'fish'], require: 'vegan' },
  vegetarian: { forbid: ['meat', 'fish'] },
  lactose_free: { forbid: [], require: 'lactose_free' },
  gluten_free: { forbid: [], require: 'gluten_free' },
  sugar_free: { forbid: [], require: 'sugar_free' },
  halal: { forbid: ['alcohol'], require: 'halal' },
  organic: { forbid: [], require: 'organic' },
  sober: { forbid: ['alcohol'] },
};

/** Whether a string names a diet the recommender enforces. */
export function isDiet(value: string): value is Diet {
  return Object.hasOwn(DIETS, value);
}

/**
 * Which leaf categories a diet's required tag is meaningful in: those where some item carries it (a vegan
 * shopper gets only `vegan`-tagged milk because plant milk is tagged; phones carry no diet tags and stay allowed).
 */
export class DietRelevance {
  private readonly tagged = new Map<string, Set<string>>();

  constructor(items: Iterable<CatalogItem>) {
    for (const item of items) {
      for (const tag of item.tags ?? []) {
        this.mark(tag, item.category);
        // A leaf where any vegan/vegetarian/meat/fish tag appears is food: vegan must be stated there.
        if (DIET_TAGS.has(tag)) this.mark('vegan', item.category);
      }
    }
  }

  /** Whether `tag` must be present on items of `category` for a diet requiring it. */
  requires(tag: string, category: string): boolean {
    return this.tagged.get(tag)?.has(category) ?? false;
  }

  private mark(tag: string, category: string): void {
    let set = this.tagged.get(tag);
    if (!set) { set = new Set(); this.tagged.set(tag, set); }
    set.add(category);
  }
}

/** Constraints compiled once per request: a vector-index prefilter and the full per-item check. */
export interface CompiledConstraints {
  /** The part of the constraints a VectorIndex can apply. */
  filter: VectorFilter;
  /**
   * The full check: every hard constraint. Never suggest an item for which this is false. `key` (the item's
   * `service:id`) may be passed by callers that hold it, to spare building it.
   */
  allows(item: CatalogItem, key?: string): boolean;
  /**
   * The same check for a catalog row by its precomputed facts (exactly equal to `allows` on that row's item);
   * only when compiled with {@link CatalogFacts}.
   */
  allowsRow(row: number): boolean;
  /** The requested tags an item carries (for explanations). */
  statedTags(item: CatalogItem): string[];
  budget?: number;
}

function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function titleWords(item: CatalogItem): string[] {
  return words(`${item.title.ru} ${item.title.en ?? ''}`);
}

/** A disliked word hits a title word with the same stem or that starts with its stem ("банан" -> "бананом"). */
function dislikeHits(dislike: string[], title: readonly string[]): boolean {
  return dislike.every((stem) => title.some((word) => word.startsWith(stem) || stemWord(word) === stem));
}

/**
 * Compiles hard constraints: availability, service, category, budget and price floor, diets (forbidden tags and
 * required tags where meaningful), excluded and required tags, 18+/alcohol only with `allowAdult === true`,
 * disliked words and explicitly rejected items (`blocked`, keys `service:id`).
 */
export function compileConstraints(constraints: HardConstraints, relevance: DietRelevance,
  blocked: ReadonlySet<string> = new Set(), facts?: CatalogFacts): CompiledConstraints {
  const diets = asList(constraints.diet).filter(isDiet);
  const forbidden = new Set<string>(constraints.excludeTags ?? []);
  for (const diet of diets) for (const tag of DIETS[diet].forbid) forbidden.add(tag);
  if (constraints.allowAdult !== true) for (const tag of ADULT_TAGS) forbidden.add(tag);
  const required = diets.map((diet) => DIETS[diet].require).filter((tag): tag is string => tag !== undefined);
  const dislikes = (constraints.dislikes ?? []).map((word) => stemsOf(word)).filter((stems) => stems.length > 0);
  const includeTags = constraints.includeTags ?? [];
  const filter: VectorFilter = {
    kind: 'item', availableOnly: true, service: constraints.service, category: constraints.category,
    maxPrice: constraints.budget, minPrice: constraints.minPrice,
    excludeTags: [...forbidden], includeTags: includeTags.length ? includeTags : undefined,
  };
  const stated = new Set([...includeTags, ...diets]);
  const allowsRow = facts ? rowCheck(facts, { constraints, forbidden, includeTags, required, relevance, blocked,
    itemCheck: (row) => compiled.allows(facts.items[row]!, facts.keys[row]) }) : () => {
    throw new Error('allowsRow needs constraints compiled with catalog facts');
  };
  const compiled: CompiledConstraints = {
    filter,
    budget: constraints.budget,
    allowsRow,
    allows(item, key) {
      if (item.available === false) return false;
      if (constraints.service && item.service !== constraints.service) return false;
      if (constraints.category && !inCategory(item.category, constraints.category)) return false;
      if (constraints.budget !== undefined && !(item.price <= constraints.budget)) return false;
      if (constraints.minPrice !== undefined && !(item.price >= constraints.minPrice)) return false;
      const tags = item.tags ?? [];
      if (tags.some((tag) => forbidden.has(tag))) return false;
      if (!includeTags.every((tag) => tags.includes(tag))) return false;
      for (const tag of required) if (!tags.includes(tag) && relevance.requires(tag, item.category)) return false;
      if (blocked.size > 0 && blocked.has(key ?? `${item.service}:${item.id}`)) return false;
      if (dislikes.length > 0) {
        const title = titleWords(item);
        if (dislikes.some((dislike) => dislikeHits(dislike, title))) return false;
      }
      return true;
    },
    statedTags(item) {
      return (item.tags ?? []).filter((tag) => stated.has(tag));
    },
  };
  return compiled;
}

interface RowCheckParts {
  constraints: HardConstraints;
  forbidden: ReadonlySet<string>;
  includeTags: readonly string[];
  required: readonly string[];
  relevance: DietRelevance;
  blocked: ReadonlySet<string>;
  itemCheck: (row: number) => boolean;
}

/**
 * `allows` over typed row facts. A tag without a bit is carried by no row except overflow rows, which (like rows
 * under word dislikes) go to the item check, so the result is the same as `allows` for every row.
 */
function rowCheck(facts: CatalogFacts, parts: RowCheckParts): (row: number) => boolean {
  const { constraints, relevance, blocked, itemCheck } = parts;
  if ((constraints.dislikes ?? []).some((word) => stemsOf(word).length > 0)) return itemCheck;
  const service = constraints.service ? facts.services.indexOf(constraints.service) : -2;
  const { budget, minPrice, category } = constraints;
  let forbiddenMask = 0;
  for (const tag of parts.forbidden) { const bit = facts.tagBits.get(tag); if (bit !== undefined) forbiddenMask |= 1 << bit; }
  const includeMask = facts.maskOf(parts.includeTags);
  // Per leaf category (computed on first use): whether it passes the category constraint, and the diet tags it needs.
  const categoryOk = new Int8Array(facts.categories.length).fill(-1);
  const requiredMask = new Float64Array(facts.categories.length).fill(-1);
  const categoryPasses = (c: number) => {
    if (categoryOk[c] === -1) categoryOk[c] = !category || inCategory(facts.categories[c]!, category) ? 1 : 0;
    return categoryOk[c] === 1;
  };
  const requiredOf = (c: number) => {
    if (requiredMask[c] === -1) {
      let mask = 0;
      for (const tag of parts.required) {
        if (!relevance.requires(tag, facts.categories[c]!)) continue;
        const bit = facts.tagBits.get(tag);
        if (bit === undefined) { mask = -2; break; } // required here and on no indexed row: nothing passes
        mask |= 1 << bit;
      }
      requiredMask[c] = mask === -2 ? -2 : mask >>> 0;
    }
    return requiredMask[c]!;
  };
  return (row) => {
    if (facts.overflow[row] === 1) return itemCheck(row);
    if (facts.available[row] === 0) return false;
    if (service !== -2 && facts.service[row] !== service) return false;
    const price = facts.price[row]!;
    if (budget !== undefined && !(price <= budget)) return false;
    if (minPrice !== undefined && !(price >= minPrice)) return false;
    const mask = facts.tagMask[row]!;
    if ((mask & forbiddenMask) !== 0) return false;
    if (includeMask === undefined || ((mask & includeMask) >>> 0) !== includeMask) return false;
    const c = facts.category[row]!;
    if (!categoryPasses(c)) return false;
    if (parts.required.length > 0) {
      const need = requiredOf(c);
      if (need === -2 || ((mask & need) >>> 0) !== need) return false;
    }
    return !(blocked.size > 0 && blocked.has(facts.keys[row]!));
  };
}

/** Whether `category` is `wanted` or one of its sub-categories (whole path levels only). */
export function inCategory(category: string, wanted: string): boolean {
  const a = category.split('/').map((s) => s.trim()).filter(Boolean);
  const b = wanted.split('/').map((s) => s.trim()).filter(Boolean);
  return b.length <= a.length && b.every((part, i) => a[i] === part);
}
