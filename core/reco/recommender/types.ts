import type { CatalogItem } from '../../catalog/catalog-item.ts';
import type { Service } from '../../reply.ts';

/** Why an item was suggested: a kind and the facts behind it, all true of the data at the time of the answer. */
export type Reason =
  | { kind: 'repurchase'; facts: { timesOrdered: number; everyDays?: number; daysSinceLast: number; due: boolean } }
  | { kind: 'bought_together'; facts: { anchorItemId: string; anchorService: Service; anchorTitle: string; anchorTitleEn?: string; shoppers: number } }
  | { kind: 'similar_shoppers'; facts: { shoppers: number } }
  | { kind: 'query_match'; facts: { query: string; matchedWords: string[] } }
  | { kind: 'cross_service'; facts: { fromService: Service; anchorItemId: string; anchorTitle: string; anchorTitleEn?: string } }
  | { kind: 'popular'; facts: { buyers: number; category?: string } }
  | { kind: 'catalog'; facts: { category: string } };

/** Constraint facts that hold for the item and are worth saying ("vegan", "under 300 ₽"). */
export interface ConstraintFacts {
  /** Requested or preferred tags the item carries. */
  tags: string[];
  /** The stated budget the price is under. */
  underBudget?: number;
}

/** A structured explanation: the main reason plus the constraints the item satisfies. */
export interface Explanation {
  reason: Reason;
  constraints: ConstraintFacts;
}

/** One suggested item. */
export interface Recommendation {
  item: CatalogItem;
  score: number;
  /** The residual-quantization code of the item ("c12-7-33"): a compact reference for prompts. */
  semanticId?: string;
  explanation: Explanation;
  /** The explanation rendered in the requested locale. */
  reason: string;
}

/** Diet names the recommender understands as hard constraints. */
export type Diet = 'vegan' | 'vegetarian' | 'lactose_free' | 'gluten_free' | 'sugar_free' | 'halal' | 'organic' | 'sober';

/** Hard constraints shared by `recommend` and `search`. */
export interface HardConstraints {
  service?: Service;
  /** A category path or its prefix ("Молочные продукты"). */
  category?: string;
  /** Stated budget: no suggested item costs more. */
  budget?: number;
  minPrice?: number;
  diet?: Diet | Diet[];
  /** Never suggest items with these tags (allergens such as `contains_nuts`). */
  excludeTags?: string[];
  /** Every suggested item carries all of these tags. */
  includeTags?: string[];
  /** Items tagged `alcohol` or `18+` are suggested only when this is true (the shopper's explicit consent). */
  allowAdult?: boolean;
  /** Words the shopper dislikes: items whose title contains one are left out. */
  dislikes?: string[];
}

/** `recommend()` input. */
export interface RecommendRequest extends HardConstraints {
  shopperId?: string;
  /** Free text of the request ("что-нибудь на завтрак"): adds semantic matches. */
  query?: string;
  /** How many items (default 5, at most 50). */
  limit?: number;
  locale?: 'ru' | 'en';
  /** `familiar` favours the shopper's own items, `new` favours items they never bought. Default `balanced`. */
  novelty?: 'familiar' | 'balanced' | 'new';
}

/** `search()` input. */
export interface SearchRequest {
  query: string;
  filters?: HardConstraints;
  /** Personalizes ties and applies the shopper's stated dislikes and rejections. */
  shopperId?: string;
  limit?: number;
  locale?: 'ru' | 'en';
}

/** `boughtWith()` input: the item, and the constraints every answer keeps. */
export interface BoughtWithRequest {
  service: Service;
  itemId: string;
  filters?: HardConstraints;
  /** Applies the shopper's stated constraints and rejections. */
  shopperId?: string;
  /** How many items (default 10, at most 50). */
  limit?: number;
}

/** An item bought together with another: by how many shoppers, and the cosine of their buyer sets. */
export interface BoughtWith {
  item: CatalogItem;
  shoppers: number;
  score: number;
}

/** Feedback on a suggestion. */
export type FeedbackOutcome = 'accepted' | 'rejected' | 'ignored';

/** A shopper's reaction to one suggested item. */
export interface SuggestionFeedback {
  shopperId: string;
  service: Service;
  itemId: string;
  outcome: FeedbackOutcome;
  /** ISO time; default now. */
  at?: string;
}
