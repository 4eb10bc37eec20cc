import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import { itemKey } from '../../core/stores/catalog-store.ts';
import type { ShoppingQuery } from './ports.ts';
import { suitsNeed } from './needs.ts';
import { isForPet } from './pets.ts';
import { namesItem } from './text-match.ts';

/** Words that ask for alcohol as such ("что-нибудь выпить покрепче" is not enough: the shopper must say it). */
const ADULT_WORDS =
  /алкогол|спиртн|выпивк|alcohol|booze|пив[оау]?(?!\p{L})|пивн|beer|(?<!\p{L})вин(?:о|а|у|е|ом|ишко)(?!\p{L})|wine|водк|vodka|коньяк|cognac|виски|whisk|(?<!\p{L})ром(?!\p{L})|\brum\b|(?<!\p{L})джин(?!\p{L})|\bgin\b|сидр|cider|шампанск|champagne|игрист|sparkling/iu;

/** Words in a title that state a fact even when the catalog forgot the tag. */
const TAG_WORDS: Readonly<Record<string, RegExp>> = {
  vegan: /веган|vegan|растительн|plant[- ]based/i,
  vegetarian: /вегетариан|vegetarian/i,
  lactose_free: /безлактоз|без лактоз|lactose[- ]free/i,
  gluten_free: /безглютен|без глютен|gluten[- ]free/i,
  sugar_free: /без сахара|sugar[- ]free/i,
  halal: /халяль|халал|halal/i,
  organic: /органическ|organic|\bbio\b|\bэко\b/i,
};

/** Tags that rule an item out for each required diet, whatever else it carries. */
const CONFLICTS: Readonly<Record<string, string[]>> = {
  vegan: ['meat', 'fish'],
  vegetarian: ['meat', 'fish'],
  halal: ['alcohol'],
};

/** Tags that also satisfy a requirement (everything vegan is vegetarian). */
const IMPLIED_BY: Readonly<Record<string, string[]>> = {
  vegetarian: ['vegan'],
  lactose_free: ['vegan'],
};

function titles(item: CatalogItem): string {
  return `${item.title.ru} ${item.title.en ?? ''}`;
}

/** Whether the item carries a fact: by tag, by an implying tag, or by the words of its title. */
export function hasFact(item: CatalogItem, tag: string): boolean {
  const tags = item.tags ?? [];
  if (tags.includes(tag)) return true;
  if ((IMPLIED_BY[tag] ?? []).some((t) => tags.includes(t))) return true;
  return TAG_WORDS[tag]?.test(titles(item)) ?? false;
}

const FOOD_TAGS = ['vegan', 'vegetarian', 'meat', 'fish', 'lactose_free', 'gluten_free', 'contains_nuts', 'sugar_free', 'halal'];
const FOOD_CATEGORY = /молоч|мяс|птиц|рыб|морепрод|овощ|фрукт|ягод|зелен|хлеб|выпеч|бакале|напит|вод|сок|сладост|конфет|шоколад|снек|готов|заморож|сыр|яйц|круп|макарон|консерв|соус|специ|кофе|чай|детское\s+питание|продукт|еда|кулинар|десерт|food|grocer|dairy|meat|fish|drink|snack|bakery|produce|frozen|sweets/i;

/** Whether an item is food, so diet requirements apply to it (a vegan can still buy a phone). */
export function isFood(item: CatalogItem): boolean {
  return (item.tags ?? []).some((t) => FOOD_TAGS.includes(t)) || FOOD_CATEGORY.test(item.category);
}

/** Whether the title contains a word the shopper dislikes. */
export function hasDisliked(item: CatalogItem, dislikes: readonly string[]): boolean {
  if (dislikes.length === 0) return false;
  const text = titles(item).toLowerCase().replace(/ё/g, 'е');
  return dislikes.some((word) => word.length > 0 && text.includes(word.toLowerCase()));
}

/**
 * The first constraint an item breaks, or undefined when it fits them all. This is the last gate before
 * anything is shown: whatever the recommender returns, an item that breaks a stated constraint never reaches
 * the shopper.
 */
export function violation(item: CatalogItem, query: ShoppingQuery): string | undefined {
  if (item.available === false) return 'unavailable';
  if (query.service && item.service !== query.service) return 'service';
  if (query.budget !== undefined && item.price > query.budget) return 'budget';
  const tags = item.tags ?? [];
  // "у меня больше нет кошки" keeps `pet_cat` out: the catalog tags no pet, its shelves name them.
  for (const tag of query.excludeTags) if (tags.includes(tag) || isForPet(item, tag)) return `exclude:${tag}`;
  for (const tag of query.requireTags) {
    if (!hasFact(item, tag) && (isFood(item) || tag === 'organic')) return `require:${tag}`;
    if ((CONFLICTS[tag] ?? []).some((t) => tags.includes(t))) return `conflict:${tag}`;
  }
  for (const tag of query.strictTags ?? []) if (!hasFact(item, tag)) return `require:${tag}`;
  if (query.foodOnly && !isFood(item)) return 'not_food';
  if (query.need && !suitsNeed(item, query.need)) return 'need';
  if (hasDisliked(item, query.dislikes)) return 'dislike';
  if (query.excludeItems.includes(itemKey(item.service, item.id))) return 'excluded';
  // Adult goods only when the shopper asked for them by name, never as a side effect of a wider request.
  if ((tags.includes('18+') || tags.includes('alcohol')) && !asksForAdult(item, query.text)) return 'adult';
  return undefined;
}

/** Shelf words that name no particular product ("drinks" must not bring energy drinks). */
const GENERIC_WORDS = /(?<!\p{L})(?:напит\p{L}*|питье|питья|drinks?|beverages?)(?!\p{L})/giu;

function asksForAdult(item: CatalogItem, text: string | undefined): boolean {
  return text !== undefined && (ADULT_WORDS.test(text) || namesItem(item, text.replace(GENERIC_WORDS, ' ')));
}

/** True when the item fits every stated constraint. */
export function fits(item: CatalogItem, query: ShoppingQuery): boolean {
  return violation(item, query) === undefined;
}
