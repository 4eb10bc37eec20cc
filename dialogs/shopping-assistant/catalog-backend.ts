import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import { categoryName } from '../../core/catalog/category-names.ts';
import type { ExplicitPreference } from '../../core/context/shopper-profile.ts';
import type { ShopEvent } from '../../core/events/shop-event.ts';
import type { CatalogSnapshot, CatalogStore } from '../../core/stores/catalog-store.ts';
import { itemKey } from '../../core/stores/catalog-store.ts';
import type { ConsentStore } from '../../core/stores/consent-store.ts';
import type { EventStore } from '../../core/stores/event-store.ts';
import type { ProfileStore } from '../../core/stores/profile-store.ts';
import { fits } from './constraints.ts';
import { needOrder, suitsNeed } from './needs.ts';
import { suitsOccasion } from './occasions.ts';
import { ownCompanions } from './own-companions.ts';
import { spellingOf } from './spelling.ts';
import type { Reason, ReorderQuery, ShoppingBackend, ShoppingQuery, StatedPreference, Suggestion } from './ports.ts';
import { matchedQueryWords, matchesAll, matchScore, namesHead, stemIndex, stems, titleFit } from './text-match.ts';

/** What of the request an item matched: the request as written when it matched every word, else those words. */
function matchedText(item: CatalogItem, text: string): string {
  const matched = matchedQueryWords(item, text);
  return matched.length === 0 || matched.length === stems(text).length ? text : matched.join(' ');
}

/** Options for {@link createCatalogBackend}. */
export interface CatalogBackendOptions {
  catalog: CatalogStore;
  events: EventStore;
  profiles?: ProfileStore;
  consent?: ConsentStore;
  /** Erases a shopper everywhere; the composition root passes the same erasure as `DELETE /api/v1/users/{id}`. */
  erase?: (shopperId: string) => Promise<void>;
  /** Saves a stated preference in the profile; default: kept in this process. */
  savePreference?: (shopperId: string, preference: ExplicitPreference) => Promise<void>;
  /** Removes a stated preference from the profile (the counterpart of `savePreference`). */
  removePreference?: (shopperId: string, preference: StatedPreference) => Promise<void>;
  /** How long global popularity is cached, in ms (default one minute). */
  popularityTtlMs?: number;
  /** How long a shopper's digested history is reused across turns, in ms (default 5 s). */
  historyTtlMs?: number;
  now?: () => number;
}

interface History {
  items: Map<string, { orders: number; views: number; carts: number; rating?: number; quantities: number[] }>;
  categories: Map<string, number>;
  orders: ShopEvent[];
}

const EMPTY_HISTORY: History = { items: new Map(), categories: new Map(), orders: [] };

async function historyOf(events: EventStore, catalogItem: (key: string) => CatalogItem | undefined, shopperId: string): Promise<History> {
  const list = await events.listByUser(shopperId);
  const history: History = { items: new Map(), categories: new Map(), orders: [] };
  for (const event of list) {
    if (!event.itemId) continue;
    const key = itemKey(event.service, event.itemId);
    let entry = history.items.get(key);
    if (!entry) history.items.set(key, (entry = { orders: 0, views: 0, carts: 0, quantities: [] }));
    if (event.type === 'order') {
      entry.orders += 1;
      entry.quantities.push(event.quantity ?? 1);
      history.orders.push(event);
    } else if (event.type === 'view') entry.views += 1;
    else if (event.type === 'add_to_cart') entry.carts += 1;
    else if (event.type === 'rating') entry.rating = event.rating;
    const item = catalogItem(key);
    const weight = event.type === 'order' ? 3 : event.type === 'add_to_cart' ? 2 : 1;
    if (item) history.categories.set(item.category, (history.categories.get(item.category) ?? 0) + weight);
  }
  return history;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 1;
}

const shelves = new WeakMap<readonly CatalogItem[], Map<string, readonly CatalogItem[]>>();

/** The items of one service (or all) that suit an occasion or a need (or any), computed once per catalog snapshot. */
function shelf(items: readonly CatalogItem[], service: string | undefined, occasion: string | undefined, need?: string): readonly CatalogItem[] {
  if (!service && !occasion && !need) return items;
  let cache = shelves.get(items);
  if (!cache) shelves.set(items, (cache = new Map()));
  const key = `${service ?? ''}|${occasion ?? ''}|${need ?? ''}`;
  let found = cache.get(key);
  if (!found) {
    found = items.filter((i) => (!service || i.service === service) && (!occasion || suitsOccasion(i, occasion))
      && (!need || suitsNeed(i, need)));
    cache.set(key, found);
  }
  return found;
}

/** The catalog backend, plus a way to drop what it keeps of a shopper in this process. */
export interface CatalogBackend extends ShoppingBackend {
  /**
   * Forgets the shopper's in-process state (stated preferences, digested history, withdrawn consent) without
   * touching any store: the erasure participant for an erasure that did not start in the chat.
   */
  forget(shopperId: string): void;
}

/**
 * The shopping backend over the catalog and event stores: lexical search, personal and popular ranking with
 * grounded reasons, and past orders. It is the embedded default; a learned recommender can replace the
 * ranking behind the same port.
 */
export function createCatalogBackend(options: CatalogBackendOptions): CatalogBackend {
  const statedPreferences = new Map<string, ExplicitPreference[]>();
  const withdrawn = new Set<string>();
  const now = options.now ?? Date.now;
  let popularity: { at: number; scores: Map<string, number>; max: number } | undefined;
  let refreshing: Promise<void> | undefined;

  async function computePopularity(): Promise<Map<string, number>> {
    const scores = new Map<string, number>();
    if (!options.profiles) return scores;
    for await (const id of options.profiles.ids()) {
      const profile = await options.profiles.getProfile(id);
      for (const [service, sp] of Object.entries(profile?.services ?? {})) {
        for (const a of sp?.longTerm.items ?? []) {
          if (a.score > 0) scores.set(`${service}:${a.key}`, (scores.get(`${service}:${a.key}`) ?? 0) + 1);
        }
      }
    }
    return scores;
  }

  // Popularity scans every profile, so it is never computed inside a turn: a turn uses the last result
  // (empty at first) and, when it is older than the TTL, starts a refresh in the background.
  function popular(): { scores: Map<string, number>; max: number } {
    const stale = !popularity || now() - popularity.at >= (options.popularityTtlMs ?? 60_000);
    if (stale && !refreshing) {
      refreshing = computePopularity()
        .then((scores) => {
          let max = 1;
          for (const value of scores.values()) max = Math.max(max, value);
          popularity = { at: now(), scores, max };
        })
        .catch(() => { popularity = { at: now(), scores: popularity?.scores ?? new Map(), max: popularity?.max ?? 1 }; })
        .finally(() => { refreshing = undefined; });
    }
    return popularity ?? { scores: new Map(), max: 1 };
  }

  // A conversation asks several times within seconds; digesting hundreds of events once is enough.
  const histories = new Map<string, { at: number; revision: number; history: History }>();
  async function cachedHistory(shopperId: string, snapshot: CatalogSnapshot): Promise<History> {
    const cached = histories.get(shopperId);
    if (cached && cached.revision === snapshot.revision && now() - cached.at < (options.historyTtlMs ?? 5_000)) return cached.history;
    const lookup = (key: string) => {
      const i = key.indexOf(':');
      return snapshot.get(key.slice(0, i) as CatalogItem['service'], key.slice(i + 1));
    };
    const history = await historyOf(options.events, lookup, shopperId);
    if (histories.size > 10_000) histories.clear();
    histories.set(shopperId, { at: now(), revision: snapshot.revision, history });
    return history;
  }

  async function context(query: ShoppingQuery) {
    const snapshot = await options.catalog.snapshot();
    const history = query.shopperId && query.personalize ? await cachedHistory(query.shopperId, snapshot) : EMPTY_HISTORY;
    return { snapshot, history, popularity: popular() };
  }

  /** The personal part of an item's score; cheap, since it runs for every candidate. */
  function personalScore(key: string, item: CatalogItem, history: History): number {
    const entry = history.items.get(key);
    if (entry?.rating !== undefined && entry.rating <= 2) return -10;
    let score = 0;
    if (entry?.orders) score += 3 + Math.min(entry.orders, 10) * 0.3;
    else if (entry?.carts || entry?.views) score += 1;
    const category = history.categories.get(item.category) ?? 0;
    return category > 0 ? score + Math.min(category, 20) * 0.1 : score;
  }

  /** Why an item ranked where it did, built only for the items that are returned. */
  function reasonsFor(key: string, item: CatalogItem, query: ShoppingQuery, history: History, text: number, pop: number): Reason[] {
    const entry = history.items.get(key);
    const reasons: Reason[] = [];
    if (text > 0) reasons.push({ code: 'matches_query', vars: { query: query.text, matched: matchedText(item, query.text ?? '') } });
    if (entry?.orders) reasons.push({ code: 'ordered_before', vars: { count: entry.orders, service: item.service } });
    else if (entry?.carts || entry?.views) reasons.push({ code: 'viewed_before', vars: { service: item.service } });
    if (!entry?.orders && (history.categories.get(item.category) ?? 0) > 0) {
      // The shelf is named in the reply's language, or not at all (no Russian shelf name in an English reason).
      const category = categoryName(item.category, query.locale);
      reasons.push(category ? { code: 'likes_category', vars: { category } } : { code: 'likes_category_unnamed' });
    }
    if (suitsOccasion(item, query.occasion)) reasons.push({ code: 'occasion', vars: { occasion: query.occasion } });
    if (suitsNeed(item, query.need)) {
      const category = categoryName(item.category, query.locale);
      reasons.push({ code: category ? 'need' : 'need_unnamed', vars: { need: query.need, ...(category ? { category } : {}) } });
    }
    if (reasons.length === 0) reasons.push({ code: pop > 0 ? 'popular' : 'pick', vars: { service: item.service } });
    return reasons;
  }

  function rank(items: readonly CatalogItem[], query: ShoppingQuery, ctx: Awaited<ReturnType<typeof context>>, queryStems: string[]): Suggestion[] {
    const { scores, max } = ctx.popularity;
    const scored: Array<{ item: CatalogItem; key: string; score: number; text: number; pop: number; full: boolean }> = [];
    for (const item of items) {
      if (!fits(item, query)) continue;
      const text = queryStems.length ? matchScore(item, queryStems) : 0;
      const head = namesHead(item, queryStems);
      // A charger for "зарядка для айфона" names the thing asked for, even without the word "iPhone".
      if (queryStems.length && text < 0.5 && !head) continue;
      const key = itemKey(item.service, item.id);
      const pop = (scores.get(key) ?? 0) / max;
      // The product itself (its title says so) outranks what only shares its shelf or mentions it, unless the shopper's
      // own habit says otherwise (an oat drink bought weekly for "молоко").
      const score = text * 5 + titleFit(item, queryStems) * 3 + (head ? 3 : 0) + personalScore(key, item, ctx.history) + (suitsOccasion(item, query.occasion) ? 2 : 0) + pop;
      scored.push({ item, key, score, text, pop, full: queryStems.length > 1 && matchesAll(item, queryStems) });
    }
    // An item with every word of the request ("cat food") comes before one with only some ("cat litter").
    // Within a need, its first shelves lead (a dog's food before its leads).
    scored.sort((a, b) => Number(b.full) - Number(a.full) || needOrder(a.item, query.need) - needOrder(b.item, query.need) || b.score - a.score || a.item.price - b.item.price || a.item.id.localeCompare(b.item.id));
    return scored.slice(0, Math.max(query.limit * 4, 20))
      .map((s) => ({ item: s.item, reasons: reasonsFor(s.key, s.item, query, ctx.history, s.text, s.pop) }));
  }

  function forget(shopperId: string): void {
    statedPreferences.delete(shopperId);
    histories.delete(shopperId);
    withdrawn.delete(shopperId);
  }

  return {
    async recommend(query) {
      const ctx = await context(query);
      if (query.need) return rank(shelf(ctx.snapshot.items, query.service, undefined, query.need), query, ctx, []);
      const queryStems = query.text ? stems(query.text) : [];
      // An occasion binds the answer (a dinner is dinner food), so only its shelf is ranked.
      const items = shelf(ctx.snapshot.items, query.service, queryStems.length ? undefined : query.occasion);
      if (queryStems.length === 0) return rank(items, query, ctx, []);
      const named = rank([...stemIndex(ctx.snapshot.items).candidates(queryStems)], query, ctx, queryStems);
      // Words that name nothing here ("что-нибудь вкусненькое"): the usual picks; the dialog decides whether the
      // words name a product sold elsewhere, which must not be padded over.
      return named.length > 0 ? named : rank(shelf(ctx.snapshot.items, query.service, query.occasion), query, ctx, []);
    },
    async search(query) {
      const ctx = await context(query);
      const queryStems = stems(query.text ?? '');
      const found = rank([...stemIndex(ctx.snapshot.items).candidates(queryStems)], query, ctx, queryStems);
      if (found.length > 0 || !query.text) return found;
      // "мололко": the catalog's own words correct the typo, and the reasons name the word that matched.
      const corrected = spellingOf(ctx.snapshot.items).correctText(query.text);
      if (!corrected) return found;
      const correctedStems = stems(corrected);
      return rank([...stemIndex(ctx.snapshot.items).candidates(correctedStems)], { ...query, text: corrected }, ctx, correctedStems);
    },
    async reorder(query: ReorderQuery) {
      const snapshot = await options.catalog.snapshot();
      const lookup = (key: string) => {
        const i = key.indexOf(':');
        return snapshot.get(key.slice(0, i) as CatalogItem['service'], key.slice(i + 1));
      };
      const history = await historyOf(options.events, lookup, query.shopperId);
      const orders = history.orders.filter((o) => !query.service || o.service === query.service);
      if (orders.length === 0) return [];
      const orderKey = (o: ShopEvent) => `${o.service}:${o.orderId ?? o.ts}`;
      const distinct = new Map<string, Set<string>>();
      for (const o of orders) {
        const key = itemKey(o.service, o.itemId!);
        if (!distinct.has(key)) distinct.set(key, new Set());
        distinct.get(key)!.add(orderKey(o));
      }
      let keys: string[];
      if (query.mode === 'last') {
        const last = orders.reduce((a, b) => (Date.parse(b.ts) >= Date.parse(a.ts) ? b : a));
        keys = [...new Set(orders.filter((o) => orderKey(o) === orderKey(last)).map((o) => itemKey(o.service, o.itemId!)))];
      } else {
        const repeated = [...distinct].filter(([, set]) => set.size >= 2).sort((a, b) => b[1].size - a[1].size);
        keys = (repeated.length ? repeated : [...distinct].sort((a, b) => b[1].size - a[1].size)).map(([k]) => k);
      }
      const result: Suggestion[] = [];
      for (const key of keys.slice(0, query.limit)) {
        const item = lookup(key);
        const entry = history.items.get(key);
        if (!item || item.available === false || !entry) continue;
        const quantity = median(entry.quantities);
        const reason: Reason = query.mode === 'last'
          ? { code: 'last_order', vars: { quantity, service: item.service } }
          : { code: 'usual_order', vars: { count: distinct.get(key)!.size, quantity, service: item.service } };
        result.push({ item, reasons: [reason], quantity });
      }
      return result;
    },
    async companions({ service, itemId, query }) {
      // The shopper's own orders speak only with their consent; this backend knows no other shoppers' baskets.
      if (!query.personalize || !query.shopperId) return [];
      const snapshot = await options.catalog.snapshot();
      const lookup = (key: string) => snapshot.get(key.slice(0, key.indexOf(':')) as CatalogItem['service'], key.slice(key.indexOf(':') + 1));
      return ownCompanions(await options.events.listByUser(query.shopperId), { service, itemId }, lookup);
    },
    async profile(shopperId) {
      return options.profiles?.getProfile(shopperId);
    },
    async addPreference(shopperId, preference: StatedPreference) {
      const stated: ExplicitPreference = { ...preference, addedAt: new Date(now()).toISOString() };
      const list = statedPreferences.get(shopperId) ?? [];
      if (!list.some((p) => p.kind === stated.kind && p.value === stated.value)) list.push(stated);
      statedPreferences.set(shopperId, list);
      await options.savePreference?.(shopperId, stated);
    },
    async removePreference(shopperId, preference: StatedPreference) {
      const list = statedPreferences.get(shopperId);
      if (list) statedPreferences.set(shopperId, list.filter((p) => !(p.kind === preference.kind && p.value === preference.value)));
      await options.removePreference?.(shopperId, preference);
    },
    async preferences(shopperId) {
      const fromProfile = (await options.profiles?.getProfile(shopperId))?.preferences ?? [];
      const local = statedPreferences.get(shopperId) ?? [];
      return [...fromProfile, ...local.filter((p) => !fromProfile.some((q) => q.kind === p.kind && q.value === p.value))];
    },
    async personalizationAllowed(shopperId) {
      if (withdrawn.has(shopperId)) return false;
      const state = await options.consent?.current(shopperId);
      return state?.personalization?.granted !== false;
    },
    async withdrawConsent(shopperId) {
      withdrawn.add(shopperId);
      await options.consent?.record({
        shopperId, purpose: 'personalization', granted: false, at: new Date(now()).toISOString(), source: 'chat',
      });
    },
    forget,
    async erase(shopperId) {
      forget(shopperId);
      if (options.erase) await options.erase(shopperId);
      else {
        await options.events.deleteByUser(shopperId);
        await options.profiles?.delete(shopperId);
        await options.consent?.deleteByShopper(shopperId);
      }
    },
  };
}
