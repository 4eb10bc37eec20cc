import { describe, expect, it } from 'vitest';
import { PollLoop } from '../../../adapters/stores/redis/poll-loop.ts';

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
}

describe('the stream readers poll loop', () => {
  it('retries its preparation and its reads after failures, reports each, and stops after the current read', async () => {
    const failures: string[] = [];
    let prepares = 0;
    let steps = 0;
    const loop = new PollLoop({
      prepare: async () => {
        prepares += 1;
        if (prepares < 3) throw new Error('redis down');
      },
      step: async () => {
        steps += 1;
        if (steps === 2) throw new Error('read failed');
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
      onError: (error, phase) => failures.push(`${phase}: ${(error as Error).message}`),
      retryMs: 1,
      prepareRetryMs: 1,
    });
    loop.start();
    loop.start(); // a second start while running is ignored
    await until(() => steps >= 5);
    await loop.stop();
    expect(loop.stopping).toBe(true);
    expect(prepares).toBe(3);
    expect(failures).toEqual(['prepare: redis down', 'prepare: redis down', 'step: read failed']);
    const stoppedAt = steps;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toBe(stoppedAt);
  });

  it('starts again after a stop', async () => {
    let steps = 0;
    const loop = new PollLoop({ step: async () => void (steps += 1, await new Promise((r) => setTimeout(r, 1))), onError: () => {} });
    loop.start();
    await until(() => steps >= 2);
    await loop.stop();
    const first = steps;
    loop.start();
    await until(() => steps >= first + 2);
    await loop.stop();
    expect(loop.stopping).toBe(true);
  });
});
