import { describe, expect, it } from 'vitest';
import { createTimeSlicer } from '../../../core/time-slicer.ts';

/** A slicer on a hand-moved clock whose yields are counted instead of waiting for the event loop. */
function fakeSlicer(budgetMs: number) {
  const clock = { now: 0 };
  let loopTurns = 0;
  const slicer = createTimeSlicer({ budgetMs, now: () => clock.now, yieldToLoop: async () => { loopTurns += 1; } });
  return { clock, slicer, loopTurns: () => loopTurns };
}

describe('time slicer', () => {
  it('lets the event loop in only once the budget since the last yield is spent', async () => {
    const { clock, slicer, loopTurns } = fakeSlicer(10);
    clock.now = 4;
    await slicer.pause();
    expect(loopTurns()).toBe(0);
    expect(slicer.due()).toBe(false);
    clock.now = 10;
    expect(slicer.due()).toBe(true);
    await slicer.pause();
    expect(loopTurns()).toBe(1);
    // A new slice starts after the yield.
    clock.now = 15;
    await slicer.pause();
    expect(loopTurns()).toBe(1);
    clock.now = 21;
    await slicer.pause();
    expect(loopTurns()).toBe(2);
    expect(slicer.yields).toBe(2);
  });

  it('drains a generator, yielding only between steps that overrun the budget, and returns its value', async () => {
    const { clock, slicer, loopTurns } = fakeSlicer(10);
    function* work(): Generator<void, string> {
      for (let step = 0; step < 10; step += 1) {
        clock.now += 3; // each step takes 3 ms
        yield;
      }
      return 'done';
    }
    await expect(slicer.drain(work())).resolves.toBe('done');
    // 30 ms of work in slices of at least 10 ms: after steps 4, 8 (12 ms each).
    expect(loopTurns()).toBe(2);
  });

  it('by default gives a due timer its turn at a pause (a macrotask, not a microtask)', async () => {
    const slicer = createTimeSlicer({ budgetMs: 0 });
    let fired = false;
    setTimeout(() => { fired = true; }, 0);
    const started = Date.now();
    while (Date.now() - started < 3) { /* synchronous work: the timer becomes due meanwhile */ }
    await Promise.resolve();
    expect(fired).toBe(false); // microtasks alone never let it run
    for (let turn = 0; turn < 3 && !fired; turn += 1) await slicer.pause();
    expect(fired).toBe(true);
  });
});
