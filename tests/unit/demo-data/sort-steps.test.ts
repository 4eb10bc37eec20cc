import { describe, expect, it } from 'vitest';
import { sortSteps } from '../../../bots/demo-data/sort-steps.ts';
import { Rng } from '../../../bots/demo-data/prng.ts';

function drain<T>(steps: Generator<void, T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, yields };
    yields += 1;
  }
}

describe('sortSteps', () => {
  it('orders like a stable native sort, ties kept in input order, yielding along the way', () => {
    const rng = new Rng(7);
    const values = Array.from({ length: 20_000 }, (_, i) => ({ key: Math.floor(rng.next() * 500), i }));
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    const { value, yields } = drain(sortSteps(values, byKey));
    expect(value).toEqual([...values].sort(byKey));
    expect(yields).toBeGreaterThan(4);
    expect(values.every((v, i) => v.i === i)).toBe(true); // the input is left as it was
  });

  it('sorts empty and short inputs', () => {
    expect(drain(sortSteps([], (a: number, b: number) => a - b)).value).toEqual([]);
    expect(drain(sortSteps([3, 1, 2], (a, b) => a - b)).value).toEqual([1, 2, 3]);
  });
});
