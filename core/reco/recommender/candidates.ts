import type { CatalogItem } from '../../catalog/catalog-item.ts';
import type { Service } from '../../reply.ts';
import { SemanticIds } from '../semantic-ids.ts';
import type { CatalogIndex } from './catalog-index.ts';
import type { CompiledConstraints } from './constraints.ts';
import { inCategory } from './constraints.ts';
import type { InteractionSnapshot } from './interaction-model.ts';
import type { SemanticHit } from './semantic-match.ts';
import type { ShopperHistory } from './shopper-history.ts';
import type { PersonalLists, ShopperState, Suggestion } from './shopper-state.ts';
import { basketShareOf, repurchaseFacts } from './shopper-history.ts';
import type { Reason } from './types.ts';

/** What one source gave a candidate: its weighted score and the reason behind it. */
export interface CandidatePart {
  score: number;
  reason: Reason;
}

/**
 * A candidate's parts by source kind, in the order the kinds were first added (a short list searched linearly:
 * at most seven kinds, and far less garbage than a Map per candidate; the order keeps score sums identical).
 */
export class CandidateParts {
  private readonly list: CandidatePart[] = [];

  get(kind: Reason['kind']): CandidatePart | undefined {
    for (const part of this.list) if (part.reason.kind === kind) return part;
    return undefined;
  }

  has(kind: Reason['kind']): boolean {
    return this.get(kind) !== undefined;
  }

  /** Sets the part of its reason's kind, in place when that kind is already there. */
  set(part: CandidatePart): void {
    const { list } = this;
    for (let i = 0; i < list.length; i += 1) if (list[i]!.reason.kind === part.reason.kind) { list[i] = part; return; }
    list.push(part);
  }

  values(): readonly CandidatePart[] {
    return this.list;
  }
}

/** A candidate with the score each source gave it and the reason behind each. */
export interface Candidate {
  key: string;
  item: CatalogItem;
  parts: CandidateParts;
}

/** Everything generators read. */
export interface CandidateContext {
  catalog: CatalogIndex;
  model: InteractionSnapshot;
  history?: ShopperHistory;
  now: number;
  constraints: CompiledConstraints;
  service?: Service;
  category?: string;
  /** Cached per-shopper derivations (the same history); generators fall back to computing them. */
  shopper?: ShopperState;
}

/** Relative weights of the sources (the next-basket evaluation's findings: own history first, then neighbours). */
export const SOURCE_WEIGHTS = {
  repurchase: 1, similar_shoppers: 0.7, bought_together: 0.45, query_match: 2.2, cross_service: 0.35, popular: 0.15, catalog: 0.05,
} as const;

/** Collects candidates that pass every hard constraint. */
export class CandidatePool {
  readonly candidates = new Map<string, Candidate>();

  constructor(private readonly context: CandidateContext) {}

  add(key: string, score: number, reason: Reason): void {
    if (!(score > 0)) return;
    let candidate = this.candidates.get(key);
    if (!candidate) {
      const row = this.context.catalog.rowOf.get(key);
      if (row === undefined || !this.context.constraints.allowsRow(row)) return;
      const item = this.context.catalog.items[row]!;
      candidate = { key, item, parts: new CandidateParts() };
      this.candidates.set(key, candidate);
    }
    const weighted = score * SOURCE_WEIGHTS[reason.kind];
    const existing = candidate.parts.get(reason.kind);
    if (!existing || existing.score < weighted) candidate.parts.set({ score: weighted, reason });
  }
}

/** The shopper's own items: decayed order frequency times how due the next purchase is. */
export function addRepurchases(pool: CandidatePool, context: CandidateContext): void {
  const history = context.history;
  if (!history || history.baskets.length === 0) return;
  const share = context.shopper?.history === history ? context.shopper.basketShare : basketShareOf(history);
  for (const [key, item] of history.items) {
    if (item.orderTimes.length === 0 || (item.rating !== undefined && item.rating <= 2)) continue;
    const facts = repurchaseFacts(item, context.now);
    const frequency = share.get(key) ?? 0;
    const { dueness, ...stated } = facts;
    pool.add(key, (0.35 + frequency) * (0.3 + 0.7 * dueness), { kind: 'repurchase', facts: stated });
  }
}

/** The shopper's cached candidate lists for this statistics build and catalog (reset when either changes). */
function personalLists(context: CandidateContext): PersonalLists | undefined {
  const { shopper, history, model, catalog } = context;
  if (!shopper || shopper.history !== history) return undefined;
  if (shopper.personal?.model !== model || shopper.personal.catalog !== catalog) shopper.personal = { model, catalog };
  return shopper.personal;
}

/**
 * Builds the shopper's cached candidate lists ahead of a request (after a statistics build), so a returning
 * shopper's first request does not pay for them.
 */
export function warmPersonalLists(context: Pick<CandidateContext, 'catalog' | 'model' | 'history' | 'shopper'>, k = 20): void {
  const full = context as CandidateContext;
  const memo = personalLists(full);
  if (!memo || !context.history || context.history.baskets.length === 0) return;
  if (context.model.shopperIds.length > 0) {
    memo.similar ??= similarShopperItems(context.history, context.model, k).map(({ key, score, shoppers }) =>
      ({ key, score, reason: frozen({ kind: 'similar_shoppers', facts: { shoppers } }) }));
  }
  memo.together ??= boughtTogether(context.history, full);
}

/** A reason shared by cached lists: frozen so no caller can change what later answers say. */
function frozen(reason: Reason): Reason {
  Object.freeze(reason.facts);
  return Object.freeze(reason);
}

/** TIFUKNN: items of the shoppers whose repeat vectors are closest to this shopper's. */
export function addSimilarShoppers(pool: CandidatePool, context: CandidateContext, k = 20): void {
  const { history, model } = context;
  if (!history || history.baskets.length === 0 || model.shopperIds.length === 0) return;
  const make = () => similarShopperItems(history, model, k).map(({ key, score, shoppers }) =>
    ({ key, score, reason: frozen({ kind: 'similar_shoppers', facts: { shoppers } }) }));
  const memo = personalLists(context);
  const list = memo ? (memo.similar ??= make()) : make();
  for (const entry of list) pool.add(entry.key, entry.score, entry.reason);
}

/** The items of the `k` nearest shoppers (by repeat vector), weighted by similarity; at most 80, best first. */
export function similarShopperItems(history: ShopperHistory, model: InteractionSnapshot, k: number): { key: string; score: number; shoppers: number }[] {
  const baskets = history.baskets.map((b) => Int32Array.from(b.keys.map((key) => model.vocabulary.find(key))
    .filter((index): index is number => index !== undefined)));
  const n = baskets.length;
  const values = new Map<number, number>();
  let total = 0;
  baskets.forEach((basket, b) => {
    const weight = model.decay ** (n - 1 - b);
    total += weight;
    for (const item of basket) values.set(item, (values.get(item) ?? 0) + weight);
  });
  if (values.size === 0) return [];
  let norm = 0;
  for (const [item, value] of values) { values.set(item, value / total); norm += (value / total) ** 2; }
  const query = { idx: Int32Array.from(values.keys()), val: Float64Array.from(values.values()), norm: Math.sqrt(norm) };
  const self = model.shopperRow.get(history.shopperId) ?? -1;
  const nearest = model.neighbours.nearest(query, k, self);
  const scores = new Map<number, { score: number; shoppers: number }>();
  let weights = 0;
  for (const [row, similarity] of nearest) {
    weights += similarity;
    const vector = model.vectors[row]!;
    vector.idx.forEach((item, j) => {
      const entry = scores.get(item) ?? { score: 0, shoppers: 0 };
      entry.score += similarity * vector.val[j]!;
      entry.shoppers += 1;
      scores.set(item, entry);
    });
  }
  if (weights === 0) return [];
  return [...scores.entries()].filter(([, e]) => e.shoppers >= 2).sort((a, b) => b[1].score - a[1].score).slice(0, 80)
    .map(([item, entry]) => ({ key: model.vocabulary.ids[item]!, score: entry.score / weights, shoppers: entry.shoppers }));
}

/** Items bought by the same shoppers as the shopper's usual items. */
export function addBoughtTogether(pool: CandidatePool, context: CandidateContext): void {
  const { history } = context;
  if (!history) return;
  const memo = personalLists(context);
  const list = memo ? (memo.together ??= boughtTogether(history, context)) : boughtTogether(history, context);
  for (const entry of list) pool.add(entry.key, entry.score, entry.reason);
}

function boughtTogether(history: ShopperHistory, { model, catalog }: CandidateContext): Suggestion[] {
  const anchors = [...history.items.values()].filter((i) => i.orderTimes.length >= 2)
    .sort((a, b) => b.orderTimes.length - a.orderTimes.length || (a.key < b.key ? -1 : 1)).slice(0, 10);
  const out: Suggestion[] = [];
  for (const anchor of anchors) {
    const anchorItem = catalog.item(anchor.key);
    if (!anchorItem) continue;
    for (const co of model.coPurchases.get(anchor.key) ?? []) {
      out.push({ key: co.key, score: co.score, reason: frozen({ kind: 'bought_together', facts: {
        anchorItemId: anchor.itemId, anchorService: anchor.service, anchorTitle: anchorItem.title.ru,
        ...(anchorItem.title.en ? { anchorTitleEn: anchorItem.title.en } : {}), shoppers: co.shoppers,
      } }) });
    }
  }
  return out;
}

/** Semantic matches of the request's text. */
export function addSemanticHits(pool: CandidatePool, hits: readonly SemanticHit[], query: string): void {
  for (const hit of hits) {
    // A hit sharing no content word with the request (not even one typo away) has no true reason to give: "close
    // in meaning" to "m over wine" is how headphones got suggested for wine, and a shared "на", "for" or "8" is no
    // reason either (matchedWords lists content words only). Such hits are not candidates.
    if (hit.matchedWords.length === 0) continue;
    pool.add(hit.key, hit.score, { kind: 'query_match', facts: { query, matchedWords: hit.matchedWords } });
  }
}

/** The requested service's counterparts of what the shopper buys elsewhere: same semantic-id prefix. */
export function addCrossService(pool: CandidatePool, context: CandidateContext): void {
  const { history, catalog, service } = context;
  if (!history || !service) return;
  const anchors = [...history.items.values()].filter((i) => i.service !== service && i.orderTimes.length > 0)
    .sort((a, b) => b.orderTimes.length - a.orderTimes.length || (a.key < b.key ? -1 : 1)).slice(0, 6);
  for (const anchor of anchors) {
    const anchorItem = catalog.item(anchor.key);
    const code = catalog.semanticIds.codeOf(anchor.key);
    const anchorVector = catalog.embedding(anchor.key);
    if (!anchorItem || !code || !anchorVector) continue;
    const leaf = anchorItem.category.split('/').at(-1);
    let added = 0;
    for (const key of catalog.semanticIds.idsWithPrefix(SemanticIds.prefix(code, 2))) {
      const item = catalog.item(key);
      if (!item || item.service !== service || item.category.split('/').at(-1) !== leaf) continue;
      pool.add(key, cosine(anchorVector, catalog.embedding(key)!), { kind: 'cross_service', facts: {
        fromService: anchor.service, anchorItemId: anchor.itemId, anchorTitle: anchorItem.title.ru,
        ...(anchorItem.title.en ? { anchorTitleEn: anchorItem.title.en } : {}),
      } });
      if ((added += 1) >= 5) break;
    }
  }
}

/** Popular items of the requested service(s) and category, then (with no events at all) catalog items. */
export function addPopular(pool: CandidatePool, context: CandidateContext, wanted: number): void {
  const { model, catalog, constraints } = context;
  const services: Service[] = context.service ? [context.service] : [...model.popularByService.keys()];
  for (const service of services) {
    let added = 0;
    let checked = 0;
    for (const key of model.popularByService.get(service) ?? []) {
      // Bounded: under narrow constraints the long tail of popularity is not worth scanning per request.
      if ((checked += 1) > 3000) break;
      const row = catalog.rowOf.get(key);
      if (row === undefined || !constraints.allowsRow(row)) continue;
      const item = catalog.items[row]!;
      if (context.category && !inCategory(item.category, context.category)) continue;
      const buyers = model.buyers.get(key)!;
      pool.add(key, Math.log1p(buyers) / Math.log1p(model.maxBuyers), { kind: 'popular', facts: { buyers } });
      if ((added += 1) >= wanted) break;
    }
  }
  // Only without purchase statistics (a fresh deployment) does the catalog itself fill in, in bounded slices.
  if (model.buyers.size > 0 || pool.candidates.size >= wanted) return;
  let added = 0;
  let checked = 0;
  for (const item of catalog.items) {
    if ((checked += 1) > 20_000) break;
    if (!constraints.allows(item) || (context.category && !inCategory(item.category, context.category))) continue;
    pool.add(`${item.service}:${item.id}`, 0.1, { kind: 'catalog', facts: { category: item.category } });
    if ((added += 1) >= wanted) break;
  }
}

/** Cosine of two dense vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0; let na = 0; let nb = 0;
  for (let i = 0; i < a.length; i += 1) { dot += a[i]! * b[i]!; na += a[i]! * a[i]!; nb += b[i]! * b[i]!; }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
