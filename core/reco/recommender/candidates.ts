import type { CatalogItem } from '../../catalog/catalog-item.ts';
import type { Service } from '../../reply.ts';
import { SemanticIds } from '../semantic-ids.ts';
import type { CatalogIndex } from './catalog-index.ts';
import type { CompiledConstraints } from './constraints.ts';
import { inCategory } from './constraints.ts';
import type { InteractionSnapshot } from './interaction-model.ts';
import type { SemanticHit } from './semantic-match.ts';
import type { ShopperHistory } from './shopper-history.ts';
import type { PersonalLists, ShopperState } from './shopper-state.ts';
import { boughtTogether, similarShopperSuggestions } from './personal-sources.ts';
import { basketShareOf, repurchaseFacts } from './shopper-history.ts';
import type { Reason } from './types.ts';

export { similarShopperItems } from './personal-sources.ts';

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
  if (context.model.shopperIds.length > 0) memo.similar ??= similarShopperSuggestions(context.history, context.model, k);
  memo.together ??= boughtTogether(context.history, context.model, context.catalog);
}

/** TIFUKNN: items of the shoppers whose repeat vectors are closest to this shopper's. */
export function addSimilarShoppers(pool: CandidatePool, context: CandidateContext, k = 20): void {
  const { history, model } = context;
  if (!history || history.baskets.length === 0 || model.shopperIds.length === 0) return;
  const memo = personalLists(context);
  const list = memo ? (memo.similar ??= similarShopperSuggestions(history, model, k)) : similarShopperSuggestions(history, model, k);
  for (const entry of list) pool.add(entry.key, entry.score, entry.reason);
}

/** Items bought by the same shoppers as the shopper's usual items. */
export function addBoughtTogether(pool: CandidatePool, context: CandidateContext): void {
  const { history, model, catalog } = context;
  if (!history) return;
  const memo = personalLists(context);
  const list = memo ? (memo.together ??= boughtTogether(history, model, catalog)) : boughtTogether(history, model, catalog);
  for (const entry of list) pool.add(entry.key, entry.score, entry.reason);
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
  const { facts } = catalog;
  const serviceIndex = facts.services.indexOf(service);
  const anchors = [...history.items.values()].filter((i) => i.service !== service && i.orderTimes.length > 0)
    .sort((a, b) => b.orderTimes.length - a.orderTimes.length || (a.key < b.key ? -1 : 1)).slice(0, 6);
  for (const anchor of anchors) {
    const anchorItem = catalog.item(anchor.key);
    const code = catalog.semanticIds.codeOf(anchor.key);
    const anchorVector = catalog.embedding(anchor.key);
    if (!anchorItem || !code || !anchorVector) continue;
    const leaf = anchorItem.category.split('/').at(-1);
    let added = 0;
    // By row facts: the prefix group can hold hundreds of items of other services and shelves.
    for (const key of catalog.semanticIds.idsWithPrefix(SemanticIds.prefix(code, 2))) {
      const row = catalog.rowOf.get(key);
      if (row === undefined || facts.service[row] !== serviceIndex || facts.leaves[facts.category[row]!] !== leaf) continue;
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
