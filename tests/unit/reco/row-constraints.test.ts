import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../bots/demo-data/index.ts';
import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import { CatalogFacts } from '../../../core/reco/recommender/catalog-facts.ts';
import { compileConstraints, DietRelevance } from '../../../core/reco/recommender/constraints.ts';
import type { Diet, HardConstraints } from '../../../core/reco/recommender/types.ts';

const base = generateDemoData({ seed: 1, shoppers: 0 }).items;
// Adversarial rows on top of the demo catalog: unavailable, price exactly at a budget, no tags, 40 distinct tags
// (beyond the 31 tag bits, so the row check must fall back to the item), a blocked key.
const extraTags = Array.from({ length: 40 }, (_, i) => `t${i}`);
const items: CatalogItem[] = [
  ...base,
  { ...base[0]!, id: 'gone', available: false },
  { ...base[1]!, id: 'at-300', price: 300 },
  { ...base[2]!, id: 'untagged', tags: undefined },
  { ...base[3]!, id: 'many-tags', tags: [...extraTags, 'vegan', 'alcohol'] },
  { ...base[4]!, id: 'vegan-meat', tags: ['vegan', 'meat'] },
];
const keys = items.map((item) => `${item.service}:${item.id}`);
const relevance = new DietRelevance(items);
const facts = new CatalogFacts(items, keys);
const categories = [...new Set(items.map((item) => item.category))];
const diets: Diet[] = ['vegan', 'vegetarian', 'lactose_free', 'gluten_free', 'sugar_free', 'halal', 'organic', 'sober'];

const constraintsArb: fc.Arbitrary<HardConstraints> = fc.record({
  service: fc.option(fc.constantFrom('samokat', 'megamarket', 'apteka', 'kuper', 'nowhere'), { nil: undefined }),
  category: fc.option(fc.oneof(fc.constantFrom(...categories), fc.constantFrom(...categories).map((c) => c.split('/')[0]!)), { nil: undefined }),
  budget: fc.option(fc.constantFrom(0, 99, 300, 1500, 50_000), { nil: undefined }),
  minPrice: fc.option(fc.constantFrom(0, 100, 300, 5000), { nil: undefined }),
  diet: fc.option(fc.subarray(diets), { nil: undefined }),
  excludeTags: fc.option(fc.subarray(['meat', 'fish', 'nuts', 't35', 'never-used']), { nil: undefined }),
  includeTags: fc.option(fc.subarray(['vegan', 'organic', 't3', 't39', 'never-used'], { maxLength: 2 }), { nil: undefined }),
  allowAdult: fc.option(fc.boolean(), { nil: undefined }),
  dislikes: fc.option(fc.subarray(['молоко', 'банан', 'кофе']), { nil: undefined }),
}, { requiredKeys: [] }) as fc.Arbitrary<HardConstraints>;

describe('row-facts constraint check', () => {
  it('gives exactly the item check on every row for arbitrary constraints', () => {
    fc.assert(fc.property(constraintsArb, fc.subarray(keys.slice(-8)), (constraints, blockedKeys) => {
      const compiled = compileConstraints(constraints, relevance, new Set(blockedKeys), facts);
      for (let row = 0; row < items.length; row += 1) {
        if (compiled.allowsRow(row) !== compiled.allows(items[row]!)) {
          throw new Error(`row ${keys[row]} differs under ${JSON.stringify(constraints)}`);
        }
      }
    }), { numRuns: 60, seed: 7 });
  });

  it('rejects the adversarial rows for the reason they were built for', () => {
    const at = (id: string) => items.findIndex((item) => item.id === id);
    expect(compileConstraints({}, relevance, new Set(), facts).allowsRow(at('gone'))).toBe(false);
    expect(compileConstraints({ budget: 300 }, relevance, new Set(), facts).allowsRow(at('at-300'))).toBe(true);
    expect(compileConstraints({ budget: 299 }, relevance, new Set(), facts).allowsRow(at('at-300'))).toBe(false);
    expect(compileConstraints({ diet: 'vegan' }, relevance, new Set(), facts).allowsRow(at('vegan-meat'))).toBe(false);
    // Alcohol past the tag bits: still forbidden without consent, allowed with it.
    expect(compileConstraints({}, relevance, new Set(), facts).allowsRow(at('many-tags'))).toBe(false);
    expect(compileConstraints({ allowAdult: true }, relevance, new Set(), facts).allowsRow(at('many-tags'))).toBe(true);
    expect(compileConstraints({}, relevance, new Set([keys[at('untagged')]!]), facts).allowsRow(at('untagged'))).toBe(false);
  });
});
