import type { Recommender } from '../../core/reco/recommender/recommender.ts';
import type { Diet, HardConstraints, Recommendation } from '../../core/reco/recommender/types.ts';
import { dislikeRoot } from './extract.ts';
import { needOrder, suitsNeed } from './needs.ts';
import { suitsOccasion } from './occasions.ts';
import type { ShoppingBackend, ShoppingQuery, Suggestion } from './ports.ts';
import { matchScore, stems } from './text-match.ts';

const DIETS = new Set(['vegan', 'vegetarian', 'lactose_free', 'gluten_free', 'sugar_free', 'halal', 'organic']);

/** Options for {@link withRecommender}. */
export interface RecommenderBackendOptions {
  /** Reorders, profile, preferences, consent and erasure come from here. */
  base: ShoppingBackend;
  recommender: Recommender;
}

function constraintsOf(query: ShoppingQuery): HardConstraints {
  const diet = query.requireTags.filter((t) => DIETS.has(t)) as Diet[];
  const constraints: HardConstraints = {
    excludeTags: query.excludeTags,
    dislikes: query.dislikes.map(dislikeRoot),
    allowAdult: Boolean(query.text),
  };
  if (diet.length) constraints.diet = diet;
  if (query.service) constraints.service = query.service;
  if (query.budget !== undefined) constraints.budget = query.budget;
  return constraints;
}

const PERSONAL_KINDS = new Set(['repurchase', 'bought_together', 'similar_shoppers', 'cross_service']);

/** The item words the recommender matched to the request (spelling-corrected), none for other reasons. */
function matchedWords(r: Recommendation): string[] {
  return r.explanation.reason.kind === 'query_match' ? r.explanation.reason.facts.matchedWords : [];
}

function toSuggestion(r: Recommendation): Suggestion {
  const personal = PERSONAL_KINDS.has(r.explanation.reason.kind);
  return { item: r.item, reasons: [{ code: 'text', vars: { text: r.reason, personal, queryMatch: matchedWords(r).length > 0 } }] };
}

/** What the request is about beyond its constraints: its occasion (when no product is named) and its need. */
function suitsRequest(s: Suggestion, query: ShoppingQuery): boolean {
  if (query.need && !suitsNeed(s.item, query.need)) return false;
  return !query.occasion || Boolean(query.text) || suitsOccasion(s.item, query.occasion);
}

/**
 * The shopping backend with the learned recommender (core/reco) for recommendations and search: repurchases,
 * similar shoppers, co-purchases and semantic matches, with explanations it renders from the data. Search is
 * lexical first (exact and fast) and asks the recommender's meaning-based search only when that finds nothing. Occasions
 * are the dialogs' own knowledge, so suited items come first; when too few suit, the base backend tops the answer
 * up. Whatever comes back still passes the dialogs' constraint gate.
 */
export function withRecommender(options: RecommenderBackendOptions): ShoppingBackend {
  const { base, recommender } = options;
  return {
    ...base,
    async recommend(query) {
      const request = {
        ...constraintsOf(query),
        limit: Math.min(50, query.limit * 3),
        locale: query.locale,
        ...(query.personalize && query.shopperId ? { shopperId: query.shopperId } : {}),
        ...(query.text ? { query: query.text } : {}),
      };
      const learned = (await recommender.recommend(request)).map(toSuggestion);
      // Within a need, its first shelves lead (a dog's food before its leads); the sort is stable otherwise.
      const suited = learned.filter((s) => suitsRequest(s, query))
        .sort((a, b) => needOrder(a.item, query.need) - needOrder(b.item, query.need));
      const ordered = [...suited, ...learned.filter((s) => !suited.includes(s))];
      if (suited.length >= query.limit) return ordered;
      // Too few for a full answer: the catalog backend tops it up, after what the recommender chose.
      const seen = new Set(ordered.map((s) => `${s.item.service}:${s.item.id}`));
      const more = (await base.recommend(query)).filter((s) => !seen.has(`${s.item.service}:${s.item.id}`));
      return [...suited, ...more, ...learned.filter((s) => !suited.includes(s))];
    },
    async search(query) {
      // Lexical search over the catalog is exact and fast; meaning-based search answers what it cannot.
      const lexical = await base.search(query);
      if (lexical.length > 0 || !query.text) return lexical;
      const found = await recommender.search({
        query: query.text, filters: constraintsOf(query), limit: Math.min(50, query.limit * 3), locale: query.locale,
        ...(query.personalize && query.shopperId ? { shopperId: query.shopperId } : {}),
      });
      // A search answers with the product asked for: loose neighbours in meaning ("nuts" for "milk") stay out;
      // a typo ("мололко") counts by the words the recommender's spelling correction matched.
      const words = stems(query.text);
      const relevant = found.filter((r) => matchScore(r.item, words) >= 0.5 || matchedWords(r).length * 2 >= words.length);
      return relevant.map(toSuggestion);
    },
    async companions(request) {
      const { service, itemId, query } = request;
      const own = (await base.companions?.(request)) ?? [];
      const mine = new Set(own.map((c) => `${c.item.service}:${c.item.id}`));
      const others = await recommender.boughtWith({ service, itemId, filters: constraintsOf(query), limit: Math.min(50, query.limit * 3),
        ...(query.personalize && query.shopperId ? { shopperId: query.shopperId } : {}) });
      return [...own, ...others.filter((b) => !mine.has(`${b.item.service}:${b.item.id}`))
        .map((b) => ({ item: b.item, together: { by: 'shoppers' as const, shoppers: b.shoppers } }))];
    },
    async erase(shopperId) {
      await base.erase(shopperId);
      await recommender.erase(shopperId);
    },
  };
}
