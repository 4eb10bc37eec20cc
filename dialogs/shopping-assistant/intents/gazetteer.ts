import type { GazetteerEntry } from '../../../core/nlu/gazetteer.ts';

/**
 * Fixed vocabulary of the shopping assistant: the three services, diets and allergens. Brands, categories and
 * products come from the catalogs at build time (see `gazetteerFromCatalog` in core/nlu).
 */
export const SHOPPING_GAZETTEER: GazetteerEntry[] = [
  { type: 'service', value: 'samokat', phrases: ['самокат', 'samokat', 'самокатом'] },
  { type: 'service', value: 'megamarket', phrases: ['мегамаркет', 'megamarket', 'мега маркет', 'сбермегамаркет'] },
  { type: 'service', value: 'kuper', phrases: ['купер', 'kuper', 'сбермаркет', 'sbermarket'] },
  { type: 'diet', value: 'vegan', phrases: ['веган', 'веганский', 'веганское', 'веганка', 'vegan', 'plant based', 'растительный'] },
  { type: 'diet', value: 'vegetarian', phrases: ['вегетарианец', 'вегетарианка', 'вегетарианский', 'vegetarian'] },
  { type: 'diet', value: 'gluten_free', phrases: ['без глютена', 'безглютеновый', 'gluten free', 'целиакия', 'celiac'] },
  { type: 'diet', value: 'lactose_free', phrases: ['без лактозы', 'безлактозный', 'lactose free', 'непереносимость лактозы', 'lactose intolerant'] },
  { type: 'diet', value: 'sugar_free', phrases: ['без сахара', 'sugar free', 'диабет', 'diabetic'] },
  { type: 'diet', value: 'halal', phrases: ['халяль', 'халяльный', 'halal'] },
  { type: 'diet', value: 'organic', phrases: ['органика', 'органический', 'organic'] },
  { type: 'allergen', value: 'contains_nuts', phrases: ['орехи', 'орех', 'арахис', 'nuts', 'peanuts', 'nut'] },
  { type: 'allergen', value: 'meat', phrases: ['мясо', 'meat', 'свинина', 'pork'] },
  { type: 'allergen', value: 'fish', phrases: ['рыба', 'fish'] },
  { type: 'allergen', value: 'alcohol', phrases: ['алкоголь', 'alcohol'] },
  { type: 'language', value: 'en', phrases: ['английский', 'english', 'по-английски'] },
  { type: 'language', value: 'ru', phrases: ['русский', 'russian', 'по-русски'] },
];
