import { describe, expect, it } from 'vitest';
import { fitBoostedTrees, scoreBoostedTrees } from '../../../core/reco/next-basket/gbdt.ts';
import { fitLogistic, scoreLogistic } from '../../../core/reco/next-basket/logistic.ts';
import { createRandom } from '../../../core/reco/random.ts';

/** Labels depend on an interaction (x0 > 0.5 xor x1 > 0.5) plus noise: linear models cannot rank this. */
function data(n: number, seed: number) {
  const random = createRandom(seed);
  const rows = new Float64Array(n * 3);
  const labels = new Uint8Array(n);
  for (let r = 0; r < n; r += 1) {
    const a = random.next(); const b = random.next();
    rows.set([a, b, random.next()], r * 3);
    labels[r] = ((a > 0.5) !== (b > 0.5)) !== (random.next() < 0.1) ? 1 : 0;
  }
  return { rows, labels };
}

function accuracy(scores: Float64Array, labels: Uint8Array): number {
  let right = 0;
  scores.forEach((z, r) => { if ((z > 0 ? 1 : 0) === labels[r]) right += 1; });
  return right / labels.length;
}

describe('boosted trees', () => {
  it('learn an interaction a logistic ranker cannot', () => {
    const train = data(4000, 1);
    const test = data(2000, 2);
    const trees = fitBoostedTrees(train.rows, train.labels, 3, { trees: 30, depth: 3 });
    const linear = fitLogistic(train.rows, train.labels, 3);
    expect(accuracy(scoreBoostedTrees(trees, test.rows, 3), test.labels)).toBeGreaterThan(0.85);
    expect(accuracy(scoreLogistic(linear, test.rows, 3), test.labels)).toBeLessThan(0.65);
  });

  it('are deterministic', () => {
    const train = data(1000, 3);
    const a = scoreBoostedTrees(fitBoostedTrees(train.rows, train.labels, 3, { trees: 10 }), train.rows, 3);
    const b = scoreBoostedTrees(fitBoostedTrees(train.rows, train.labels, 3, { trees: 10 }), train.rows, 3);
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
