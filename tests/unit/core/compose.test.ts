import { describe, expect, it } from 'vitest';
import { compose, type Middleware } from '../../../core/compose.ts';

describe('compose', () => {
  it('runs middleware around each other in order', async () => {
    const seen: string[] = [];
    const step = (name: string): Middleware<string[]> => async (log, next) => {
      log.push(`>${name}`);
      await next();
      log.push(`<${name}`);
    };
    await compose([step('a'), step('b')])(seen, async () => {
      seen.push('handler');
    });
    expect(seen).toEqual(['>a', '>b', 'handler', '<b', '<a']);
  });

  it('stops when a middleware does not call next', async () => {
    let reached = false;
    await compose<object>([async () => {}])({}, async () => {
      reached = true;
    });
    expect(reached).toBe(false);
  });

  it('rejects next() called twice', async () => {
    const twice: Middleware<object> = async (_c, next) => {
      await next();
      await next();
    };
    await expect(compose([twice])({}, async () => {})).rejects.toThrow(/more than once/);
  });
});
