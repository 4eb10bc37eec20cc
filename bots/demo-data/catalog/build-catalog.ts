import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import { hashString, type Rng } from '../prng.ts';
import { englishBrand, isPrivateLabel, SAMOKAT_LABELS } from './brand-names.ts';
import { isFoodCategory, type ProductBase, type VariantOption } from './product-base.ts';
import { ASSORTMENTS, type ServiceAssortment } from './services.ts';

/** Share of items shown as out of stock. */
const UNAVAILABLE_SHARE = 0.03;

interface BrandSpec {
  brand: string;
  modelRu: string;
  modelEn: string;
  price?: number;
}

/**
 * Expands the hand-written bases into concrete items for the three services. The list and the ids depend only on
 * the code; the seed moves prices by a few percent and decides which items are out of stock.
 */
export function buildCatalog(rng: Rng): CatalogItem[] {
  const steps = buildCatalogSteps(rng);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** {@link buildCatalog} as a generator yielding after each product base (the same items). */
export function* buildCatalogSteps(rng: Rng): Generator<void, CatalogItem[]> {
  const items: CatalogItem[] = [];
  for (const assortment of ASSORTMENTS) {
    let counter = 0;
    for (const base of assortment.bases) {
      for (const spec of brandsFor(base, assortment)) {
        for (const combo of combinations(base.axes ?? [])) {
          counter += 1;
          items.push(makeItem({ assortment, base, spec, combo, rng, index: counter }));
        }
      }
      yield;
    }
  }
  return items;
}

function brandsFor(base: ProductBase, assortment: ServiceAssortment): BrandSpec[] {
  const allowed = base.brands.filter((entry) => !assortment.excludedBrands.has(entry.split('|')[0] ?? ''));
  const kept = allowed.slice(0, assortment.maxBrands);
  for (const label of allowed) if (SAMOKAT_LABELS.has(label) && !kept.includes(label)) kept.push(label);
  return kept.map(parseBrand);
}

function parseBrand(entry: string): BrandSpec {
  const [brand = '', model = '', price] = entry.split('|');
  const [modelRu = '', modelEn] = model.split('~');
  return { brand, modelRu, modelEn: modelEn ?? modelRu, price: price ? Number(price) : undefined };
}

function combinations(axes: readonly (readonly VariantOption[])[]): VariantOption[][] {
  let result: VariantOption[][] = [[]];
  for (const axis of axes) result = result.flatMap((prefix) => axis.map((option) => [...prefix, option]));
  return result;
}

interface ItemInput {
  assortment: ServiceAssortment;
  base: ProductBase;
  spec: BrandSpec;
  combo: VariantOption[];
  rng: Rng;
  index: number;
}

function makeItem({ assortment, base, spec, combo, rng, index }: ItemInput): CatalogItem {
  const factor = combo.reduce((product, option) => product * (option[2] ?? 1), 1);
  const raw = (spec.price ?? base.price * brandFactor(spec.brand)) * factor * assortment.priceFactor * rng.float(0.94, 1.06);
  const item: CatalogItem = {
    id: `${assortment.service}-${String(index).padStart(6, '0')}`,
    service: assortment.service,
    title: { ru: russianTitle(base, spec, combo), en: englishTitle(base, spec, combo) },
    category: base.category,
    price: roundPrice(raw),
    currency: 'RUB',
    tags: finalTags(base, combo),
    available: !rng.chance(UNAVAILABLE_SHARE),
  };
  if (spec.brand) item.brand = spec.brand;
  return item;
}

function russianTitle(base: ProductBase, spec: BrandSpec, combo: VariantOption[]): string {
  // Multi-word Russian brands are quoted, as shops do: Молоко «Домик в деревне».
  const brand = /[а-яё]/i.test(spec.brand) && spec.brand.includes(' ') ? `«${spec.brand}»` : spec.brand;
  const head = [base.ru, brand, spec.modelRu].filter(Boolean).join(' ');
  return [head, ...combo.map((option) => option[0]).filter(Boolean)].join(', ');
}

function englishTitle(base: ProductBase, spec: BrandSpec, combo: VariantOption[]): string {
  const head = [spec.brand ? englishBrand(spec.brand) : '', spec.modelEn, base.en].filter(Boolean).join(' ');
  const title = [head, ...combo.map((option) => option[1]).filter(Boolean)].join(', ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** Private labels are cheaper; other brands sit at a stable level between 0.85 and 1.2 of the base price. */
function brandFactor(brand: string): number {
  if (!brand) return 0.95;
  if (isPrivateLabel(brand)) return 0.88;
  return 0.85 + (hashString(brand) % 1000) / 1000 * 0.35;
}

/** Shelf-style ruble prices: 89, 1 490, 38 990. */
export function roundPrice(raw: number): number {
  if (raw < 1000) return Math.max(9, Math.round(raw / 10) * 10 - 1);
  if (raw < 10_000) return Math.round(raw / 100) * 100 - 10;
  return Math.round(raw / 1000) * 1000 - 10;
}

/** Tags true for this variant, with the implied ones added (vegan food is vegetarian and lactose free). */
function finalTags(base: ProductBase, combo: VariantOption[]): string[] {
  const tags = new Set<string>();
  for (const source of [base.tags, ...combo.map((option) => option[3])]) {
    for (const tag of (source ?? '').split(' ')) if (tag) tags.add(tag);
  }
  if (tags.has('vegan')) tags.add('vegetarian');
  if (tags.has('vegan') && isFoodCategory(base.category)) tags.add('lactose_free');
  if (tags.has('alcohol')) tags.add('18+');
  if (tags.has('vegetarian') && (tags.has('meat') || tags.has('fish'))) {
    throw new Error(`contradictory tags for ${base.ru}: ${[...tags].join(' ')}`);
  }
  return [...tags].sort();
}
