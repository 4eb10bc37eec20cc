import { z } from 'zod';
import { SERVICES } from '../reply.ts';

/** Diet and safety facts the recommender treats as hard constraints. */
export const KNOWN_TAGS = [
  'vegan', 'vegetarian', 'lactose_free', 'gluten_free', 'sugar_free', 'contains_nuts', 'meat', 'fish',
  'alcohol', '18+', 'organic', 'halal', 'kids', 'spicy',
] as const;

/** The catalog item schema of `PUT /api/v1/catalog/items` (DESIGN.md). */
export const catalogItemSchema = z.strictObject({
  id: z.string().min(1).max(200),
  service: z.enum(SERVICES as unknown as ['samokat', 'megamarket', 'kuper']),
  title: z.strictObject({ ru: z.string().min(1).max(500), en: z.string().min(1).max(500).optional() }),
  category: z.string().min(1).max(300),
  brand: z.string().min(1).max(200).optional(),
  price: z.number().finite().nonnegative().max(100_000_000),
  currency: z.literal('RUB'),
  tags: z.array(z.string().min(1).max(100)).max(100).optional(),
  available: z.boolean().optional(),
  imageUrl: z.url().max(2000).optional(),
});

/** A product of one of the three services. `category` is a path such as "Молочные продукты/Молоко". */
export type CatalogItem = z.infer<typeof catalogItemSchema>;

/** The category path split into its levels. */
export function categoryPath(item: Pick<CatalogItem, 'category'>): string[] {
  return item.category.split('/').map((part) => part.trim()).filter(Boolean);
}
