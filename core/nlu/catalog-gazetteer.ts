import type { CatalogItem } from '../catalog/catalog-item.ts';
import { categoryPath } from '../catalog/catalog-item.ts';
import type { GazetteerEntry } from './gazetteer.ts';

/**
 * Gazetteer entries from catalog items: each brand (`brand`, value = the brand), each category level
 * (`category`, value = the path up to that level) and each product title (`product`, value = the item id).
 */
export function gazetteerFromCatalog(items: readonly CatalogItem[]): GazetteerEntry[] {
  const brands = new Map<string, GazetteerEntry>();
  const categories = new Map<string, GazetteerEntry>();
  const products: GazetteerEntry[] = [];
  for (const item of items) {
    if (item.brand && !brands.has(item.brand.toLowerCase())) {
      brands.set(item.brand.toLowerCase(), { type: 'brand', value: item.brand, phrases: [item.brand] });
    }
    const path = categoryPath(item);
    path.forEach((level, i) => {
      const value = path.slice(0, i + 1).join('/');
      if (!categories.has(value)) categories.set(value, { type: 'category', value, phrases: [level] });
    });
    products.push({ type: 'product', value: item.id, phrases: [item.title.ru, ...(item.title.en ? [item.title.en] : [])] });
  }
  return [...brands.values(), ...categories.values(), ...products];
}
