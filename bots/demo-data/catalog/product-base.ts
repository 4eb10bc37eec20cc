/**
 * The hand-written catalog vocabulary: a product base ("UHT milk") is multiplied by its brands and by every
 * combination of its variant axes (fat %, size, flavour) into concrete catalog items.
 */

/** One choice on a variant axis: Russian label, English label, price factor, extra tags (space separated). */
export type VariantOption = readonly [ru: string, en: string, priceFactor?: number, tags?: string];

/** A family of products on one shelf. */
export interface ProductBase {
  /** Russian category path, "Молочные продукты/Молоко". */
  category: string;
  /** Russian product name as it starts the title ("Молоко ультрапастеризованное"). */
  ru: string;
  /** English product name placed after the brand ("UHT milk"). */
  en: string;
  /** Typical price in rubles of the first variant of a mid-priced brand. */
  price: number;
  /** "Brand", "Brand|Model" or "Brand|Model|price" (a model may be "ru~en"); an empty string is an unbranded product. */
  brands: readonly string[];
  /** Diet and safety facts true for every variant (space separated). */
  tags?: string;
  /** Variant axes; every combination becomes one item. */
  axes?: readonly (readonly VariantOption[])[];
}

/** The fields of a base other than its shelf. */
export type ShelfEntry = Omit<ProductBase, 'category'>;

/** Puts several bases on one shelf. */
export function shelf(category: string, entries: readonly ShelfEntry[]): ProductBase[] {
  return entries.map((entry) => ({ category, ...entry }));
}

/** Top-level categories whose items are eaten or drunk by people (diet tags apply to them). */
export const FOOD_ROOTS: ReadonlySet<string> = new Set([
  'Готовая еда', 'Молочные продукты', 'Сыры', 'Яйца', 'Хлеб и выпечка', 'Овощи и фрукты', 'Мясо и птица',
  'Колбасы и сосиски', 'Рыба и морепродукты', 'Растительные продукты', 'Бакалея', 'Замороженные продукты',
  'Снеки', 'Сладости', 'Напитки', 'Алкоголь', 'Спортивное питание',
]);

/** Food shelves under non-food departments. */
const FOOD_SHELVES = ['Детские товары/Детское питание', 'Здоровье/Здоровое питание'];

/** Whether items on this shelf are eaten or drunk by people, so diet tags apply to them. */
export function isFoodCategory(category: string): boolean {
  const root = category.split('/')[0] ?? '';
  return FOOD_ROOTS.has(root) || FOOD_SHELVES.some((prefix) => category.startsWith(prefix));
}

/** Common size axes. */
export const SIZES = {
  milk: [['1 л', '1 L', 1], ['1,5 л', '1.5 L', 1.4], ['0,5 л', '0.5 L', 0.6]],
  drink: [['0,5 л', '0.5 L', 1], ['1 л', '1 L', 1.6], ['1,5 л', '1.5 L', 2.1]],
  can: [['0,33 л', '0.33 L', 1], ['0,45 л', '0.45 L', 1.25]],
  beer: [['0,45 л', '0.45 L', 1], ['1,3 л', '1.3 L', 2.5]],
  grams: [['100 г', '100 g', 1], ['200 г', '200 g', 1.85]],
  cup: [['125 г', '125 g', 1], ['270 г', '270 g', 1.9]],
  pack: [['400 г', '400 g', 1], ['800 г', '800 g', 1.85]],
  kg: [['500 г', '500 g', 1], ['1 кг', '1 kg', 1.9]],
} as const satisfies Record<string, readonly VariantOption[]>;
