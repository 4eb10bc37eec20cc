import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import type { ShopEvent } from '../../../core/events/shop-event.ts';

/** A tiny bilingual catalog covering diet tags, brands, nested categories and the three services. */
export const CATALOG: CatalogItem[] = [
  { id: 'milk-oat', service: 'samokat', title: { ru: 'Овсяное молоко', en: 'Oat milk' }, category: 'Молочные продукты/Молоко', brand: 'Nemoloko', price: 120, currency: 'RUB', tags: ['vegan', 'lactose_free'] },
  { id: 'milk-cow', service: 'samokat', title: { ru: 'Молоко 3,2%' }, category: 'Молочные продукты/Молоко', brand: 'Простоквашино', price: 90, currency: 'RUB', tags: ['vegetarian'] },
  { id: 'milk-premium', service: 'samokat', title: { ru: 'Фермерское молоко' }, category: 'Молочные продукты/Молоко', brand: 'Ферма', price: 200, currency: 'RUB', tags: ['vegetarian'] },
  { id: 'tofu', service: 'samokat', title: { ru: 'Тофу', en: 'Tofu' }, category: 'Вегетарианское/Тофу', brand: 'Vego', price: 150, currency: 'RUB', tags: ['vegan'] },
  { id: 'beer', service: 'samokat', title: { ru: 'Пиво' }, category: 'Напитки/Пиво', price: 100, currency: 'RUB', tags: ['alcohol', '18+'] },
  { id: 'protein', service: 'kuper', title: { ru: 'Протеин', en: 'Protein' }, category: 'Спортивное питание/Протеин', brand: 'Optimum', price: 2500, currency: 'RUB', tags: ['vegan'] },
  { id: 'vitamins', service: 'kuper', title: { ru: 'Витамины' }, category: 'Аптека/Витамины', brand: 'Solgar', price: 1200, currency: 'RUB', tags: ['vegan'] },
  { id: 'apples', service: 'kuper', title: { ru: 'Яблоки' }, category: 'Фрукты', price: 80, currency: 'RUB', tags: ['vegan'] },
  { id: 'headphones', service: 'megamarket', title: { ru: 'Наушники', en: 'Headphones' }, category: 'Электроника/Аудио', brand: 'Sony', price: 9000, currency: 'RUB' },
  { id: 'cat-food', service: 'megamarket', title: { ru: 'Корм для кошек' }, category: 'Зоотовары/Корм для кошек', brand: 'Whiskas', price: 400, currency: 'RUB' },
];

let counter = 0;

/** Builds a valid event with defaults; ids are unique unless given. */
export function event(overrides: Partial<ShopEvent> & Pick<ShopEvent, 'type'>): ShopEvent {
  counter += 1;
  return {
    id: `e${counter}`,
    userId: 'u1',
    service: 'samokat',
    ts: '2026-03-01T10:00:00Z',
    ...(overrides.type === 'search' ? { query: 'молоко' } : { itemId: 'milk-oat' }),
    ...(overrides.type === 'rating' ? { rating: 5 } : {}),
    ...overrides,
  } as ShopEvent;
}
