import type { CatalogItem } from '../../catalog/catalog-item.ts';
import type { ShopperProfile } from '../../context/shopper-profile.ts';
import { ValidationError } from '../../errors.ts';
import type { TimeSlicer } from '../../time-slicer.ts';
import { createTimeSlicer } from '../../time-slicer.ts';
import type { ShopEvent } from '../../events/shop-event.ts';
import type { Service } from '../../reply.ts';
import type { CatalogStore } from '../../stores/catalog-store.ts';
import type { EventStore } from '../../stores/event-store.ts';
import type { ProfileStore } from '../../stores/profile-store.ts';
import type { Embedder } from '../embedding/embedder.ts';
import { MemoryVectorIndex } from '../vector/memory-vector-index.ts';
import type { VectorIndex } from '../vector/vector-index.ts';
import type { CandidateContext } from './candidates.ts';
import {
  addBoughtTogether, CandidateParts, addCrossService, addPopular, addRepurchases, addSemanticHits, addSimilarShoppers, CandidatePool,
  warmPersonalLists,
} from './candidates.ts';
import { CatalogIndex } from './catalog-index.ts';
import type { CompiledConstraints } from './constraints.ts';
import { compileConstraints, isDiet } from './constraints.ts';
import type { Translate } from './explanations.ts';
import { renderExplanation } from './explanations.ts';
import type { FeedbackStore } from './feedback-store.ts';
import { MemoryFeedbackStore } from './feedback-store.ts';
import { InteractionModel } from './interaction-model.ts';
import type { Scored } from './ranking.ts';
import { diversify, diversifyPool, scoreCandidates } from './ranking.ts';
import { semanticSearch } from './semantic-match.ts';
import type { ShopperHistory } from './shopper-history.ts';
import type { ShopperState } from './shopper-state.ts';
import { ShopperStateCache } from './shopper-state.ts';
import { storeShopperVectors } from './shopper-vectors.ts';
import type {
  BoughtWith, BoughtWithRequest, Diet, HardConstraints, Recommendation, RecommendRequest, SearchRequest, SuggestionFeedback,
} from './types.ts';

const DAY = 86_400_000;

/** Options of {@link createRecommender}. */
export interface RecommenderOptions {
  catalog: CatalogStore;
  /** Each shopper's own history is read from here on every request (so erasure takes effect at once). */
  events: EventStore;
  /** Stated preferences (diets, excluded tags, dislikes) become hard constraints when given. */
  profiles?: ProfileStore;
  feedback?: FeedbackStore;
  /** Default: the in-process index (exact scan, inverted-file ANN from 5,000 vectors). */
  vectorIndex?: VectorIndex;
  /** Default: a TF-IDF embedder trained on the catalog. */
  embedder?: Embedder;
  /** Dense dimensions of the default embedder and index. Default 256. */
  dimensions?: number;
  /** Global statistics are rebuilt at most this often while events keep arriving. Default 2,000 ms. */
  rebuildIntervalMs?: number;
  /** Store each observed shopper's taste vector (kind `shopper`) in the index. Default true. */
  shopperVectors?: boolean;
  /** How many known shoppers `refresh()` prepares per-shopper caches for. Default 5,000. */
  warmShoppers?: number;
  /** For explanations through i18n (`reco.reason.<kind>` keys); built-in ru/en templates otherwise. */
  t?: Translate;
  now?: () => number;
}

/**
 * The recommendation and retrieval facade used by the dialogs.
 *
 * - `recommend` answers "what should I buy": the shopper's due repurchases, items their nearest shoppers buy
 *   (TIFUKNN), items co-bought with their usual ones, counterparts of what they buy in other services, semantic
 *   matches of `query`, then popularity; hard constraints (budget, diets, allergens via excluded tags, 18+ only
 *   with `allowAdult`, availability, service, category, dislikes, rejected items) are never violated; the list
 *   is diversified (MMR plus a per-category cap) and every item carries a true, rendered explanation.
 * - `search` answers "find me X" over the catalog with the same constraints.
 * - `recordFeedback` makes accepted/rejected/ignored suggestions change the next answer.
 * - `observe` feeds events of all shoppers into the global statistics; `erase` forgets a shopper everywhere it
 *   holds data (an ErasureParticipant for core/context's ErasureService).
 */
export interface Recommender {
  recommend(request: RecommendRequest): Promise<Recommendation[]>;
  search(request: SearchRequest): Promise<Recommendation[]>;
  recordFeedback(feedback: SuggestionFeedback): Promise<void>;
  /**
   * Items other shoppers buy together with one item (co-purchases of the global statistics), best first, within
   * the hard constraints (and the shopper's stated ones and rejections when `shopperId` is given).
   */
  boughtWith(request: BoughtWithRequest): Promise<BoughtWith[]>;
  observe(events: Iterable<ShopEvent>): void;
  /** The semantic id ("c12-7-33") of a catalog item. */
  semanticId(service: Service, itemId: string): Promise<string | undefined>;
  /** The item a semantic id names. */
  itemBySemanticId(code: string): Promise<CatalogItem | undefined>;
  readonly name: string;
  erase(shopperId: string): Promise<number>;
  /**
   * Re-reads the catalog and rebuilds the statistics now (otherwise both happen lazily), and waits for the vector
   * index's training (otherwise it runs in the background while queries use the exact scan).
   */
  refresh(): Promise<void>;
}

/** Creates the recommender; see {@link Recommender}. */
export function createRecommender(options: RecommenderOptions): Recommender {
  return new DefaultRecommender(options);
}

class DefaultRecommender implements Recommender {
  readonly name = 'recommender';
  private readonly index: VectorIndex;
  private readonly feedbackStore: FeedbackStore;
  private readonly model = new InteractionModel();
  private readonly shopperStates = new ShopperStateCache();
  private catalogIndex: CatalogIndex | undefined;
  private building: Promise<CatalogIndex> | undefined;
  private lastModelBuild = -Infinity;
  private readonly now: () => number;

  constructor(private readonly options: RecommenderOptions) {
    const dimensions = options.embedder?.dimensions ?? options.dimensions ?? 256;
    // Few probes: lexical postings already guarantee exact-word recall, the dense index adds related items.
    this.index = options.vectorIndex ?? new MemoryVectorIndex({ dimensions, probes: 3 });
    this.feedbackStore = options.feedback ?? new MemoryFeedbackStore();
    this.now = options.now ?? Date.now;
  }

  observe(events: Iterable<ShopEvent>): void {
    this.model.observe(events);
  }

  async refresh(): Promise<void> {
    const catalog = await this.catalog();
    // Sliced like the catalog build: requests and timers keep being served while the statistics are rebuilt.
    const slicer = createTimeSlicer();
    const model = await this.statistics(true, slicer);
    // Warm the per-shopper caches of the shoppers the statistics know (bounded): their next request skips
    // deriving the history and the personal candidate lists. Events are still re-read and checked per request.
    for (const shopperId of model.shopperIds.slice(0, this.options.warmShoppers ?? 5_000)) {
      const state = this.shopperStates.get(shopperId, await this.options.events.listByUser(shopperId));
      warmPersonalLists({ catalog, model, history: state.history, shopper: state });
      await slicer.pause();
    }
    await this.index.train?.();
  }

  async recommend(request: RecommendRequest): Promise<Recommendation[]> {
    const limit = checkLimit(request.limit ?? 5);
    const catalog = await this.catalog();
    const model = await this.statistics(false);
    const now = this.now();
    const shopper = await this.shopper(request.shopperId, now);
    const constraints = this.constraints(request, shopper, catalog);
    const context: CandidateContext = { catalog, model, history: shopper.history, now, constraints,
      service: request.service, category: request.category, shopper: shopper.state };
    const pool = new CandidatePool(context);
    const query = request.query?.trim();
    if (query) addSemanticHits(pool, await semanticSearch(query, catalog, this.index, constraints, limit * 2), query);
    addRepurchases(pool, context);
    addSimilarShoppers(pool, context);
    addBoughtTogether(pool, context);
    addCrossService(pool, context);
    addPopular(pool, context, limit * 3);
    const scored = scoreCandidates(pool.candidates.values(), {
      preferTags: shopper.preferTags, owned: shopper.owned, novelty: request.novelty ?? 'balanced',
      feedback: shopper.feedback, now,
      // A stated request narrows the answer: personal picks that do not match it sink below those that do.
      demoteWithout: query ? 'query_match' : undefined,
      keep: diversifyPool(limit),
    });
    const narrow = Boolean(query) || (request.category?.split('/').filter(Boolean).length ?? 0) >= 2;
    const chosen = diversify(scored, catalog, limit, narrow ? { perCategory: Infinity, lambda: 0.85 } : {});
    return chosen.map((s) => this.present(s, catalog, constraints, request.locale));
  }

  async search(request: SearchRequest): Promise<Recommendation[]> {
    const limit = checkLimit(request.limit ?? 10);
    if (typeof request.query !== 'string') throw new ValidationError('search needs a query');
    const catalog = await this.catalog();
    const shopper = await this.shopper(request.shopperId, this.now());
    const constraints = this.constraints(request.filters ?? {}, shopper, catalog);
    const hits = await semanticSearch(request.query, catalog, this.index, constraints, limit * 2);
    const ranked = hits.map((hit) => ({ hit, score: hit.score * (shopper.owned.has(hit.key) ? 1.05 : 1) }))
      .sort((a, b) => b.score - a.score || (a.hit.key < b.hit.key ? -1 : 1)).slice(0, limit);
    return ranked.map(({ hit, score }) => this.present({
      candidate: { key: hit.key, item: hit.item, parts: new CandidateParts() }, score,
      main: { score, reason: { kind: 'query_match', facts: { query: request.query, matchedWords: hit.matchedWords } } },
    }, catalog, constraints, request.locale));
  }

  async boughtWith(request: BoughtWithRequest): Promise<BoughtWith[]> {
    const limit = checkLimit(request.limit ?? 10);
    const catalog = await this.catalog();
    const model = await this.statistics(false);
    const constraints = this.constraints(request.filters ?? {}, await this.shopper(request.shopperId, this.now()), catalog);
    const out: BoughtWith[] = [];
    for (const co of model.coPurchases.get(`${request.service}:${request.itemId}`) ?? []) {
      const item = catalog.item(co.key);
      if (item && constraints.allows(item, co.key)) out.push({ item, shoppers: co.shoppers, score: co.score });
      if (out.length >= limit) break;
    }
    return out;
  }

  async recordFeedback(feedback: SuggestionFeedback): Promise<void> {
    if (!feedback.shopperId || !feedback.itemId || !['accepted', 'rejected', 'ignored'].includes(feedback.outcome)) {
      throw new ValidationError('feedback needs shopperId, service, itemId and outcome accepted|rejected|ignored');
    }
    const at = feedback.at ?? new Date(this.now()).toISOString();
    if (Number.isNaN(Date.parse(at))) throw new ValidationError('feedback.at must be an ISO date');
    await this.feedbackStore.add({ ...feedback, at });
  }

  async semanticId(service: Service, itemId: string): Promise<string | undefined> {
    return (await this.catalog()).semanticIds.codeOf(`${service}:${itemId}`);
  }

  async itemBySemanticId(code: string): Promise<CatalogItem | undefined> {
    const catalog = await this.catalog();
    const key = catalog.semanticIds.idOf(code);
    return key === undefined ? undefined : catalog.item(key);
  }

  async erase(shopperId: string): Promise<number> {
    const dropped = this.model.forget(shopperId);
    this.shopperStates.forget(shopperId);
    await this.index.deleteByShopper(shopperId);
    const feedback = await this.feedbackStore.deleteByShopper(shopperId);
    return dropped + feedback;
  }

  private async catalog(): Promise<CatalogIndex> {
    const snapshot = await this.options.catalog.snapshot();
    if (this.catalogIndex?.revision === snapshot.revision) return this.catalogIndex;
    if (!this.building) {
      this.building = CatalogIndex.build({ snapshot, vectorIndex: this.index, embedder: this.options.embedder,
        dimensions: this.options.dimensions, previous: this.catalogIndex })
        .then((built) => { this.trainInBackground(); return built; })
        .finally(() => { this.building = undefined; });
    }
    this.catalogIndex = await this.building;
    return this.catalogIndex;
  }

  /**
   * Starts the vector index's training after a catalog (re)load, not awaited: the request that triggered the load
   * is answered by the exact scan meanwhile instead of waiting seconds for k-means.
   */
  private trainInBackground(): void {
    // A failure leaves queries on the exact scan (or the previous file); refresh() awaits train() and reports it.
    this.index.train?.().catch(() => undefined);
  }

  /** The global statistics, rebuilt when due; `slicer` spreads a rebuild over event-loop turns (refresh). */
  private async statistics(force: boolean, slicer?: TimeSlicer) {
    const due = force || this.now() - this.lastModelBuild >= (this.options.rebuildIntervalMs ?? 2000);
    const before = this.model.builds;
    // A request arriving during a sliced rebuild (refresh) joins it instead of blocking on a build of its own.
    const snapshot = slicer || this.model.building
      ? await this.model.snapshotSliced(slicer ?? createTimeSlicer(), due) : this.model.snapshot(due);
    if (this.model.builds !== before) {
      this.lastModelBuild = this.now();
      if (this.options.shopperVectors !== false && this.catalogIndex) {
        await storeShopperVectors(this.index, snapshot, this.catalogIndex, slicer);
      }
    }
    return snapshot;
  }

  private async shopper(shopperId: string | undefined, now: number) {
    const empty = { history: undefined as ShopperHistory | undefined, profile: undefined as ShopperProfile | undefined,
      feedback: [] as Required<SuggestionFeedback>[], owned: new Set<string>(), preferTags: new Set<string>(),
      blocked: new Set<string>(), state: undefined as ShopperState | undefined };
    if (!shopperId) return empty;
    const [events, profile, feedback] = await Promise.all([
      this.options.events.listByUser(shopperId), this.options.profiles?.getProfile(shopperId), this.feedbackStore.listByShopper(shopperId),
    ]);
    const state = this.shopperStates.get(shopperId, events);
    let blocked = state.ratedLow;
    for (const entry of feedback) {
      if (entry.outcome === 'rejected' && now - Date.parse(entry.at) <= 90 * DAY) {
        if (blocked === state.ratedLow) blocked = new Set(blocked); // the cached set stays as derived from events
        blocked.add(`${entry.service}:${entry.itemId}`);
      }
    }
    return { history: state.history, profile, feedback, owned: state.owned,
      preferTags: new Set(profile?.constraints.preferTags ?? []), blocked, state };
  }

  private constraints(request: HardConstraints, shopper: Awaited<ReturnType<DefaultRecommender['shopper']>>,
    catalog: CatalogIndex): CompiledConstraints {
    const stated = shopper.profile?.constraints;
    const requested = request.diet === undefined ? [] : Array.isArray(request.diet) ? request.diet : [request.diet];
    const diets = [...new Set([...requested, ...(stated?.diets ?? []).filter(isDiet)])] as Diet[];
    return compileConstraints({
      ...request,
      diet: diets,
      excludeTags: [...new Set([...(request.excludeTags ?? []), ...(stated?.excludeTags ?? [])])],
      dislikes: [...new Set([...(request.dislikes ?? []), ...(stated?.dislikes ?? [])])],
    }, catalog.relevance, shopper.blocked, catalog.facts);
  }

  private present(scored: Scored, catalog: CatalogIndex, constraints: CompiledConstraints,
    locale: 'ru' | 'en' = 'ru'): Recommendation {
    const { item } = scored.candidate;
    const explanation = {
      reason: scored.main.reason,
      constraints: { tags: constraints.statedTags(item), underBudget: constraints.budget },
    };
    return {
      item, score: scored.score, semanticId: catalog.semanticIds.codeOf(scored.candidate.key), explanation,
      reason: renderExplanation(explanation, locale, this.options.t),
    };
  }
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new ValidationError('limit must be an integer from 1 to 50');
  return limit;
}
