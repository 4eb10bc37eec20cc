import { describe, expect, it } from 'vitest';
import { Deadlines, type DeadlineEntry } from '../../../adapters/http/turn-deadlines.ts';

function entry(name: string, expired: string[]): DeadlineEntry {
  return { dueAt: 0, earlier: undefined, later: undefined, listed: false, expire: () => expired.push(name) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('turn deadlines', () => {
  it('expires each entry still listed at its deadline, once, in start order', async () => {
    const expired: string[] = [];
    const deadlines = new Deadlines(40);
    const a = entry('a', expired);
    const b = entry('b', expired);
    deadlines.add(a);
    await sleep(15);
    deadlines.add(b);
    const c = entry('c', expired);
    deadlines.add(c);
    deadlines.remove(c);
    await sleep(35);
    expect(expired).toEqual(['a']);
    await sleep(30);
    expect(expired).toEqual(['a', 'b']);
    expect([a.listed, b.listed, c.listed]).toEqual([false, false, false]);
  });

  it('never expires a removed entry, and re-times a later one when the earliest leaves first', async () => {
    const expired: string[] = [];
    const deadlines = new Deadlines(30);
    const first = entry('first', expired);
    const second = entry('second', expired);
    deadlines.add(first);
    await sleep(10);
    deadlines.add(second);
    deadlines.remove(first);
    deadlines.remove(first);
    await sleep(25);
    expect(expired).toEqual([]);
    await sleep(30);
    expect(expired).toEqual(['second']);
  });

  it('keeps no timer once nothing is listed (a closing server waits for none)', async () => {
    const expired: string[] = [];
    const deadlines = new Deadlines(20);
    for (let i = 0; i < 1000; i += 1) {
      const e = entry(String(i), expired);
      deadlines.add(e);
      deadlines.remove(e);
    }
    await sleep(40);
    expect(expired).toEqual([]);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBeLessThanOrEqual(1);
  });
});
