import type { Service } from '../../../core/reply.ts';
import { KUPER_LABELS, SAMOKAT_LABELS } from './brand-names.ts';
import { DAIRY } from './groceries-dairy.ts';
import { FRESH } from './groceries-fresh.ts';
import { PANTRY } from './groceries-pantry.ts';
import { ELECTRONICS } from './electronics.ts';
import { HOME, KIDS, PETS } from './home-kids-pets.ts';
import { PHARMACY, SPORT } from './pharmacy-sport.ts';
import type { ProductBase } from './product-base.ts';
import { READY_FOOD } from './ready-food.ts';
import { SNACKS_AND_DRINKS } from './snacks-drinks.ts';

/** What one service sells and how its prices compare with the others. */
export interface ServiceAssortment {
  service: Service;
  bases: ProductBase[];
  /** Quick commerce charges for speed; the marketplace undercuts. */
  priceFactor: number;
  /** Brands kept per base; a dark store stocks fewer brands than a hypermarket. */
  maxBrands: number;
  /** Other retailers' own labels this service does not carry. */
  excludedBrands: ReadonlySet<string>;
}

const BABY_FOOD = PANTRY.filter((base) => base.category.startsWith('Детские товары/'));
const GROCERY = [...DAIRY, ...FRESH, ...PANTRY.filter((base) => !BABY_FOOD.includes(base))];
const NO_LABELS = new Set([...SAMOKAT_LABELS, ...KUPER_LABELS]);

/** The three services' assortments, in id order. */
export const ASSORTMENTS: readonly ServiceAssortment[] = [
  { service: 'samokat', bases: [...READY_FOOD, ...GROCERY, ...SNACKS_AND_DRINKS, ...BABY_FOOD], priceFactor: 1.08, maxBrands: 5,
    excludedBrands: KUPER_LABELS },
  { service: 'megamarket', bases: [...ELECTRONICS, ...HOME, ...KIDS, ...BABY_FOOD, ...PETS], priceFactor: 0.97, maxBrands: 99,
    excludedBrands: NO_LABELS },
  { service: 'kuper', bases: [...GROCERY, ...SNACKS_AND_DRINKS, ...BABY_FOOD, ...KIDS.filter((b) => /Подгузники|Гигиена/.test(b.category)),
    ...PHARMACY, ...SPORT], priceFactor: 1, maxBrands: 99, excludedBrands: SAMOKAT_LABELS },
];
