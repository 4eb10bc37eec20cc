import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globalTopFrequent, personalThenGlobal, personalTopFrequent } from '../../../core/reco/next-basket/baselines.ts';
import { ndcgAtK, recallAtK, scoreRankings } from '../../../core/reco/next-basket/metrics.ts';

describe('recall@K and NDCG@K', () => {
  it('computes the textbook values', () => {
    expect(recallAtK(['a', 'b', 'c'], ['b', 'x'], 10)).toBe(0.5);
    expect(recallAtK(['a', 'b', 'c'], ['c'], 2)).toBe(0);
    // hit at rank 2 of 2 targets: (1/log2(3)) / (1 + 1/log2(3))
    expect(ndcgAtK(['a', 'b'], ['b', 'x'], 10)).toBeCloseTo((1 / Math.log2(3)) / (1 + 1 / Math.log2(3)), 12);
    expect(ndcgAtK(['b', 'x'], ['b', 'x'], 10)).toBe(1);
  });

  it('counts repeated items in a ranking once', () => {
    expect(recallAtK(['a', 'a'], ['a', 'b'], 10)).toBe(0.5);
    expect(ndcgAtK(['a', 'a'], ['a', 'b'], 10)).toBeLessThan(1);
  });

  it('averages per user', () => {
    const scores = scoreRankings([{ ranked: ['a'], target: ['a'] }, { ranked: ['a'], target: ['b', 'c'] }], 10);
    expect(scores).toEqual({ users: 2, recall: 0.5, ndcg: 0.5 });
  });

  it('stays in [0, 1] and is 1 when the ranking starts with the whole target', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l');
    fc.assert(fc.property(fc.array(id, { maxLength: 15 }), fc.array(id, { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 12 }), (ranked, target, k) => {
        const recall = recallAtK(ranked, target, k);
        const ndcg = ndcgAtK(ranked, target, k);
        expect(recall).toBeGreaterThanOrEqual(0); expect(recall).toBeLessThanOrEqual(1);
        expect(ndcg).toBeGreaterThanOrEqual(0); expect(ndcg).toBeLessThanOrEqual(1 + 1e-12);
        const perfect = [...new Set(target)];
        if (perfect.length <= k) {
          expect(recallAtK(perfect, target, k)).toBe(1);
          expect(ndcgAtK(perfect, target, k)).toBeCloseTo(1, 12);
        }
      }));
  });
});

describe('TopFreq baselines', () => {
  const baskets = [{ items: ['a', 'b'] }, { items: ['b', 'c'] }, { items: ['b', 'd'] }, { items: ['a'] }];

  it('ranks by basket frequency (recent first among ties) and fills with global items', () => {
    expect(personalTopFrequent(baskets, 2)).toEqual(['b', 'a']);
    expect(personalTopFrequent(baskets, 10)).toEqual(['b', 'a', 'd', 'c']);
    const global = globalTopFrequent([baskets, [{ items: ['z'] }, { items: ['z'] }, { items: ['z'] }]], 3);
    expect(global).toEqual(['b', 'z', 'a']);
    expect(personalThenGlobal([{ items: ['q'] }], global, 3)).toEqual(['q', 'b', 'z']);
  });
});
