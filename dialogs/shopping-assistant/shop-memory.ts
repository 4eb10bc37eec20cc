import type { DialogTurn } from '../../core/dialog/dialog.ts';
import type { Service } from '../../core/reply.ts';
import type { Reason } from './ports.ts';

/** A product as it was shown to the shopper, with what is needed to refer back to it. */
export interface ShownItem {
  itemId: string;
  service: Service;
  title: string;
  price: number;
  reasons: Reason[];
  /** For reorders: the usual quantity. */
  quantity?: number;
  /** The catalog's diet and safety facts of the item (tags), so a comparison states facts, not guesses. */
  tags?: string[];
  /** The catalog category path, for the card's pictogram. */
  category?: string;
}

/** One line of the cart. */
export interface CartLine {
  itemId: string;
  service: Service;
  title: string;
  price: number;
  quantity: number;
  /** The catalog category path, for the card's pictogram. */
  category?: string;
}

/** The request the last suggestions answered, so follow-ups ("а подешевле?", "а в Купере?") can refine it. */
export interface LastRequest {
  kind: 'recommend' | 'search' | 'reorder';
  service?: Service;
  text?: string;
  occasion?: string;
  /** A need instead of a product ("подарок ребёнку" -> kids_gift, "от головной боли" -> pain). */
  need?: string;
  /** Food as such was asked for ("продукты", "groceries"). */
  foodOnly?: boolean;
  people?: number;
  /** The total budget of the request. */
  budget?: number;
  /** A per-item price bound ("а подешевле?" sets it below what was shown). */
  maxPrice?: number;
  requireTags: string[];
  excludeTags: string[];
  /** Product words this request rules out ("без курицы" -> "курицы"). */
  avoid?: string[];
  /** The cheapest first ("самая дешёвая пицца"). */
  cheapest?: boolean;
  /** `service:id` keys this request leaves out (what was just shown, for cheaper alternatives). */
  skip?: string[];
  mode?: 'usual' | 'last';
}

/** What the shopping dialogs remember in a conversation. */
export interface ShopMemory {
  shown: ShownItem[];
  /** Items shown in earlier answers too (newest first, bounded), so an older card's button still adds its item. */
  recent?: ShownItem[];
  /** The item the shopper referred to last ("ещё две такие"). */
  focus?: ShownItem;
  last?: LastRequest;
  cart: CartLine[];
  /** What the last cart change was, so "нет, три" can correct it. */
  lastAdded?: { itemId: string; service: Service; quantity: number };
  /** Preferences stated in this conversation (kept for anonymous shoppers too). */
  prefs: Array<{ kind: string; value: string }>;
  excludeItems: string[];
  /** Shopper said no to history-based suggestions. */
  noPersonalization?: boolean;
  /**
   * What the shopper saw last: a list of suggestions (not in the cart yet) or the cart (or a change to it), so
   * "убери второе" edits the one on screen.
   */
  view?: 'list' | 'cart';
  /** A yes/no offer made in the last answer: what "да" means. */
  offer?: { intent: string; args: Record<string, string> };
  /** The two items of the last side-by-side (keys), so "какой лучше?" weighs those two. */
  compared?: [string, string];
}

/** The typed shopping memory of a turn (created on first use). */
export function shopMemory(turn: DialogTurn): ShopMemory {
  const m = turn.memory as Partial<ShopMemory>;
  m.shown ??= [];
  m.cart ??= [];
  m.prefs ??= [];
  m.excludeItems ??= [];
  return m as ShopMemory;
}

/** The key of a shown item or cart line. */
export function keyOf(x: { service: Service; itemId: string }): string {
  return `${x.service}:${x.itemId}`;
}

const RECENT_LIMIT = 20;

/** Puts a new list on screen: it becomes what references resolve against, and is remembered as recent. */
export function showItems(memory: ShopMemory, items: ShownItem[]): void {
  memory.shown = items;
  memory.view = 'list';
  const keys = new Set(items.map(keyOf));
  memory.recent = [...items, ...(memory.recent ?? []).filter((s) => !keys.has(keyOf(s)))].slice(0, RECENT_LIMIT);
}
