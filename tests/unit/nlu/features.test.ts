import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/nlu/hashing.ts';
import { intentFeatures } from '../../../core/nlu/intent-features.ts';
import { viterbi } from '../../../core/nlu/slot-tagger.ts';
import { tokenize } from '../../../core/nlu/text.ts';

const asMap = (text: string): Map<number, number> => {
  const v = intentFeatures(tokenize(text));
  return new Map([...v.ids].map((id, i) => [id, v.values[i] as number]));
};

describe('intentFeatures', () => {
  // 300 distinct letter-only words: a few thousand distinct n-grams, past the accumulator's initial capacity.
  const letters = (i: number): string => [...i.toString(26).padStart(3, '0')].map((d) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(d, 26)]).join('');
  const long = Array.from({ length: 300 }, (_, i) => `w${letters(i * 37)}q`).join(' ');

  it('gives unique ids with unit norm, also for messages with thousands of n-grams', () => {
    for (const text of ['купи молоко', 'show me flights from boston to denver', long]) {
      const v = intentFeatures(tokenize(text));
      expect(new Set(v.ids).size).toBe(v.ids.length);
      const norm = v.values.reduce((s, x) => s + x * x, 0);
      expect(norm).toBeCloseTo(1, 5);
    }
    expect(intentFeatures(tokenize(long)).ids.length).toBeGreaterThan(2000);
  });

  it('does not depend on the messages analysed before (the accumulator is reused)', () => {
    const first = asMap('добавь сыр в корзину');
    asMap(long);
    asMap('cheap flights');
    expect(asMap('добавь сыр в корзину')).toEqual(first);
  });
});

// Exhaustive search over every BIO-valid tag sequence: the reference Viterbi must match.
function bruteForce(scores: Float64Array, len: number, n: number, transitions: Float64Array): number {
  let best = -Infinity;
  const tags = new Array<number>(len).fill(0);
  const visit = (pos: number, prev: number, total: number): void => {
    if (pos === len) {
      best = Math.max(best, total);
      return;
    }
    for (let cur = 0; cur < n; cur++) {
      const inside = cur > 0 && cur % 2 === 0;
      if (inside && (pos === 0 || (prev !== cur && prev !== cur - 1))) continue;
      tags[pos] = cur;
      visit(pos + 1, cur, total + (transitions[(pos === 0 ? n : prev) * n + cur] as number) + (scores[pos * n + cur] as number));
    }
  };
  visit(0, n, 0);
  return best;
}

function pathScore(tags: Int32Array, scores: Float64Array, n: number, transitions: Float64Array): number {
  let total = 0;
  tags.forEach((tag, pos) => {
    total += (transitions[(pos === 0 ? n : (tags[pos - 1] as number)) * n + tag] as number) + (scores[pos * n + tag] as number);
  });
  return total;
}

describe('viterbi', () => {
  it('finds the best BIO-valid sequence, across calls of different lengths (its buffers are reused)', () => {
    const random = createRandom(3);
    const n = 5;
    for (const len of [1, 4, 2, 6, 3, 5, 1, 6]) {
      const scores = Float64Array.from({ length: len * n }, () => random() * 4 - 2);
      const transitions = Float64Array.from({ length: (n + 1) * n }, () => random() * 4 - 2);
      const tags = viterbi(scores, len, n, transitions);
      expect(tags.length).toBe(len);
      tags.forEach((tag, pos) => {
        if (tag > 0 && tag % 2 === 0) expect(pos > 0 && (tags[pos - 1] === tag || tags[pos - 1] === tag - 1)).toBe(true);
      });
      expect(pathScore(tags, scores, n, transitions)).toBeCloseTo(bruteForce(scores, len, n, transitions), 9);
    }
  });

  it('never starts with an inside tag, however strongly it is favoured', () => {
    const n = 3;
    const scores = Float64Array.from([0, 0, 100, 0, 0, 100]);
    const tags = viterbi(scores, 2, n, new Float64Array((n + 1) * n));
    expect(tags[0]).toBe(1);
    expect(tags[1]).toBe(2);
  });
});
