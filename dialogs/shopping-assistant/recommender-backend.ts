import type { Recommender } from '../../core/reco/recommender/recommender.ts';
import type { Diet, HardConstraints, Recommendation } from '../../core/reco/recommender/types.ts';
import { dislikeRoot } from './extract.ts';
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

function toSuggestion(r: Recommendation): Suggestion {
  return { item: r.item, reasons: [{ code: 'text', vars: { text: r.reason } }] };
}

/**
 * The shopping backend with the learned recommender (core/reco) for recommendations and search: repurchases,
 * similar shoppers, co-purchases and semantic matches, with explanations it renders from the data. Occasions
 * are the dialogs' own knowledge, so suited items come first; whatever it returns still passes the dialogs'
 * constraint gate. When it finds nothing the base backend answers.
 */
export function withRecommender(options: RecommenderBackendOptions): ShoppingBackend {
  const { base, recommender } = options;
  return {
    ...base,
    async recommend(query) {
      const request = {
        ...constraintsOf(query),
        limit: Math.min(50, Math.max(query.limit * 4, 20)),
        locale: query.locale,
        ...(query.personalize && query.shopperId ? { shopperId: query.shopperId } : {}),
        ...(query.text ? { query: query.text } : {}),
      };
      const found = (await recommender.recommend(request)).map(toSuggestion);
      if (found.length === 0) return base.recommend(query);
      if (!query.occasion) return found;
      const suited = found.filter((s) => suitsOccasion(s.item, query.occasion));
      if (suited.length === 0) return base.recommend(query);
      return [...suited, ...found.filter((s) => !suited.includes(s))];
    },
    async search(query) {
      if (!query.text) return base.search(query);
      const found = await recommender.search({
        query: query.text, filters: constraintsOf(query), limit: Math.max(query.limit * 4, 20), locale: query.locale,
        ...(query.personalize && query.shopperId ? { shopperId: query.shopperId } : {}),
      });
      // A search answers with the product asked for: loose neighbours in meaning ("nuts" for "milk") stay out.
      const words = stems(query.text);
      const relevant = found.filter((r) => matchScore(r.item, words) >= 0.5);
      return relevant.length ? relevant.map(toSuggestion) : base.search(query);
    },
    async erase(shopperId) {
      await base.erase(shopperId);
      await recommender.erase(shopperId);
    },
  };
}
