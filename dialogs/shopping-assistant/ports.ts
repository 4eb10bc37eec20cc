import type { Locale } from '../../core/activity.ts';
import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import type { ShopperProfile, ExplicitPreference, PreferenceKind } from '../../core/context/shopper-profile.ts';
import type { Service } from '../../core/reply.ts';

/** Every constraint a shopper stated for one request, plus what they said earlier. */
export interface ShoppingQuery {
  shopperId?: string;
  locale: Locale;
  service?: Service;
  /** Product words ("безлактозное молоко" -> "молоко"), when the shopper named a product. */
  text?: string;
  occasion?: string;
  people?: number;
  /** Upper price bound in roubles. */
  budget?: number;
  /** Items must carry each of these facts (tags, or the word in their title). */
  requireTags: string[];
  /** Items must carry none of these tags. */
  excludeTags: string[];
  /**
   * Facts this very request names ("gluten-free groceries"): every item carries them, food or not. The shopper's
   * standing diet (`requireTags`) binds food only, so a vegan can still buy a phone.
   */
  strictTags?: string[];
  /** The request asks for food as such ("продукты", "groceries"): no medicines or electronics. */
  foodOnly?: boolean;
  /** A need the request states instead of a product ("kids_gift", "pain"): every item answers it. */
  need?: string;
  /** Words the shopper dislikes: items whose title contains one are never suggested. */
  dislikes: string[];
  /** `service:id` keys never to suggest again ("это мне не подходит"). */
  excludeItems: string[];
  /** Whether the shopper's history may be used (consent). */
  personalize: boolean;
  /** Diet facts the shopper's purchases almost always carry ("mostly vegan"): such items come first, none is required. */
  habitTags?: string[];
  limit: number;
}

/** Why an item was suggested: a locale key under `assistant:reasons.` with its variables. */
export interface Reason {
  code: string;
  vars?: Record<string, unknown>;
}

/** One suggested item with the grounded reasons for it, strongest first. */
export interface Suggestion {
  item: CatalogItem;
  reasons: Reason[];
  /** For reorders: how many the shopper usually takes. */
  quantity?: number;
}

/** A past order to repeat: `usual` = the items ordered most often, `last` = the latest order. */
export interface ReorderQuery {
  shopperId: string;
  service?: Service;
  mode: 'usual' | 'last';
  limit: number;
}

/** An item that goes with another because it was bought with it: by this shopper, or by other shoppers. */
export interface Companion {
  item: CatalogItem;
  together: { by: 'you'; times: number; last: string } | { by: 'shoppers'; shoppers: number };
}

/** The item companions are asked for, and the request's constraints. */
export interface CompanionQuery {
  service: Service;
  itemId: string;
  query: ShoppingQuery;
}

/** The preference the shopper stated in chat. */
export interface StatedPreference {
  kind: PreferenceKind;
  value: string;
}

/**
 * What the shopping dialogs need from the rest of the system: recommendations, search, past orders, the
 * profile and the shopper's rights. The composition root implements it over the stores and the recommender.
 */
export interface ShoppingBackend {
  recommend(query: ShoppingQuery): Promise<Suggestion[]>;
  search(query: ShoppingQuery): Promise<Suggestion[]>;
  reorder(query: ReorderQuery): Promise<Suggestion[]>;
  /** What was bought together with an item: the shopper's own orders first (with consent), then other shoppers'. */
  companions?(query: CompanionQuery): Promise<Companion[]>;
  profile(shopperId: string): Promise<ShopperProfile | undefined>;
  /** Saves a stated preference in the profile (no-op for anonymous shoppers is the caller's choice). */
  addPreference(shopperId: string, preference: StatedPreference): Promise<void>;
  /** Forgets a stated preference ("я больше не веган"); nothing happens when it was not saved. */
  removePreference(shopperId: string, preference: StatedPreference): Promise<void>;
  preferences(shopperId: string): Promise<ExplicitPreference[]>;
  /** Whether the shopper allows their history to be used. */
  personalizationAllowed(shopperId: string): Promise<boolean>;
  withdrawConsent(shopperId: string): Promise<void>;
  /** Erases the shopper everywhere (profile, events, sessions, vectors, conversation log, identities). */
  erase(shopperId: string): Promise<void>;
}
