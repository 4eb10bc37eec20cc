import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import { isFoodCategory } from './catalog/product-base.ts';
import type { ItemPick, Persona } from './persona.ts';

const DAIRY_ROOTS = ['Молочные продукты', 'Сыры'];

/** Whether a persona's diet and age rules allow this item at all: the guarantee behind "the vegan never buys meat". */
export function personaAllows(persona: Persona, item: CatalogItem): boolean {
  const tags = item.tags ?? [];
  if (tags.includes('alcohol') && !persona.alcohol) return false;
  const diet = persona.diet;
  if (!diet) return true;
  if (diet.never?.some((tag) => tags.includes(tag))) return false;
  const food = isFoodCategory(item.category);
  if (food && diet.foodMust && !diet.foodMust.every((tag) => tags.includes(tag))) return false;
  if (diet.dairyMust && isDairy(item.category) && !diet.dairyMust.every((tag) => tags.includes(tag))) return false;
  return true;
}

function isDairy(category: string): boolean {
  return DAIRY_ROOTS.some((root) => category === root || category.startsWith(`${root}/`)) || category.includes('Мороженое');
}

/** The in-stock items a persona would take from each of its habits, computed once per persona and pick. */
export class ItemPools {
  private readonly cache = new Map<string, CatalogItem[]>();
  private readonly byService = new Map<string, CatalogItem[]>();

  constructor(items: readonly CatalogItem[]) {
    for (const item of items) {
      if (item.available === false) continue;
      const list = this.byService.get(item.service) ?? [];
      list.push(item);
      this.byService.set(item.service, list);
    }
  }

  /** Items matching `pick` that `persona` may buy; the cheapest third of them for budget personas. */
  pool(persona: Persona, pick: ItemPick): CatalogItem[] {
    const key = `${persona.key}|${pick.service}|${pick.category}|${pick.text?.source ?? ''}|${(pick.tags ?? []).join(',')}`;
    let pool = this.cache.get(key);
    if (!pool) {
      pool = (this.byService.get(pick.service) ?? []).filter((item) => matches(pick, item) && personaAllows(persona, item));
      if (persona.budget && pool.length > 3) {
        pool = pool.slice().sort((a, b) => a.price - b.price || a.id.localeCompare(b.id)).slice(0, Math.ceil(pool.length / 3));
      }
      this.cache.set(key, pool);
    }
    return pool;
  }
}

function matches(pick: ItemPick, item: CatalogItem): boolean {
  if (item.category !== pick.category && !item.category.startsWith(`${pick.category}/`)) return false;
  if (pick.text && !pick.text.test(item.title.ru)) return false;
  return !pick.tags || pick.tags.every((tag) => item.tags?.includes(tag));
}
