import type { Service } from '../reply.ts';

/**
 * The unified, read-only profile of one shopper across the three services, as the recommender (core/reco),
 * the dialogs and `GET /api/v1/users/{id}/profile` see it. It is derived from the shopper's events and stated
 * preferences only, so replaying the same events in any order gives the same profile.
 *
 * Scores are computed as of `asOf` (the time of the shopper's latest event), not "now": to compare them with
 * the present multiply a whole view by `decayFactor(profile, 'shortTerm' | 'longTerm', now)` — ranking inside
 * a view does not change.
 */
export interface ShopperProfile {
  shopperId: string;
  /** ISO time of the latest event applied; null when the shopper has only stated preferences. */
  asOf: string | null;
  /** How many distinct events were applied. */
  events: number;
  /** The half-lives used for the scores, so callers can decay them further. */
  decay: { shortTermHalfLifeDays: number; longTermHalfLifeDays: number };
  /** One entry per service the shopper used. */
  services: Partial<Record<Service, ServiceProfile>>;
  /** What the shopper's purchases say about diet and safety, across services. */
  diet: DietSignals;
  /** What the shopper said in chat, oldest first. */
  preferences: ExplicitPreference[];
  /** Signals that travel from one service to another (Kuper sport shelves -> healthier Samokat). */
  crossService: CrossServiceSignal[];
  /** Explicit preferences turned into filters for the recommender; derived signals never become hard filters. */
  constraints: ProfileConstraints;
}

/** A scored key: an item id, a category path or a brand. Higher is stronger; negative means disliked. */
export interface Affinity {
  key: string;
  /** Decayed sum of event weights as of `asOf`. */
  score: number;
}

/** Affinities over one horizon, strongest first (ties by key). */
export interface AffinityView {
  items: Affinity[];
  /** Every level of the category path counts: "Молочные продукты" and "Молочные продукты/Молоко". */
  categories: Affinity[];
  brands: Affinity[];
}

/** "This shopper buys milk every ~4 days." */
export interface RepurchaseCycle {
  itemId: string;
  /** Distinct orders of the item that the cycle is based on (at least 2). */
  orders: number;
  medianIntervalDays: number;
  lastOrderAt: string;
  /** `lastOrderAt` plus the median interval. */
  nextDueAt: string;
}

/** The shopper's typical price in a category compared with the category's median catalog price. */
export interface CategoryPriceLevel {
  /** The leaf category path. */
  category: string;
  typicalPrice: number;
  categoryMedian: number;
  /** typicalPrice / categoryMedian. */
  ratio: number;
  level: 'budget' | 'mid' | 'premium';
  /** Distinct items ordered in this category that the price is based on. */
  items: number;
}

/** Everything known about the shopper in one service. */
export interface ServiceProfile {
  service: Service;
  events: number;
  orders: number;
  firstEventAt: string;
  lastEventAt: string;
  /** Days: half-life of a few days over the last weeks. */
  shortTerm: AffinityView;
  /** Months: half-life of a few months over the last two years. */
  longTerm: AffinityView;
  /** Items bought repeatedly, soonest due first. */
  repurchase: RepurchaseCycle[];
  /** Price level per leaf category, most ordered first. */
  priceLevels: CategoryPriceLevel[];
  /** The shopper's strongest recent search queries (normalized to lower case). */
  recentSearches: string[];
}

/** The share of the shopper's grocery orders whose item carries a tag. */
export interface TagShare {
  tag: string;
  share: number;
  orders: number;
}

/** Diet and safety facts derived from the tags of ordered items. */
export interface DietSignals {
  /** Grocery orders (samokat and kuper by default) of catalog items the signals are based on. */
  orders: number;
  /** Shares per tag, highest first. */
  tagShares: TagShare[];
  /** Tags on (almost) every grocery order, e.g. `vegan`: "buys only vegan". Needs enough orders. */
  mostly: string[];
  /** Watched tags (alcohol, meat, fish, contains_nuts, 18+) never bought, e.g. "never alcohol". Needs enough orders. */
  never: string[];
}

/** Kinds of preference a shopper can state in chat. */
export type PreferenceKind = 'diet' | 'exclude_tag' | 'prefer_tag' | 'dislike' | 'like';

/** Something the shopper said: `{kind:'diet', value:'vegan'}`, `{kind:'dislike', value:'кинза'}`. */
export interface ExplicitPreference {
  kind: PreferenceKind;
  value: string;
  /** ISO time the shopper stated it. */
  addedAt: string;
}

/** A signal inferred in some services that should tilt suggestions everywhere. */
export interface CrossServiceSignal {
  kind: 'sport_health' | 'kids' | 'pets';
  /** Services whose activity produced the signal. */
  from: Service[];
  /** 0..1: share of the long-term category affinity behind the signal. */
  strength: number;
}

/** Filters derived from explicit preferences (diet vegan -> exclude meat and fish, prefer vegan). */
export interface ProfileConstraints {
  diets: string[];
  /** Never suggest items carrying any of these tags. */
  excludeTags: string[];
  /** Rank items carrying these tags higher. */
  preferTags: string[];
  /** Words the shopper dislikes; items whose title contains one are excluded. */
  dislikes: string[];
  likes: string[];
}

/** The factor that brings scores of a view from `profile.asOf` to `now` (1 when now <= asOf). */
export function decayFactor(profile: ShopperProfile, horizon: 'shortTerm' | 'longTerm', now: Date): number {
  if (!profile.asOf) return 1;
  const days = (now.getTime() - Date.parse(profile.asOf)) / 86_400_000;
  if (days <= 0) return 1;
  const halfLife = horizon === 'shortTerm' ? profile.decay.shortTermHalfLifeDays : profile.decay.longTermHalfLifeDays;
  return 2 ** (-days / halfLife);
}
