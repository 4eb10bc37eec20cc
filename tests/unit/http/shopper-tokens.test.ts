import { describe, expect, it } from 'vitest';
import { createShopperTokens } from '../../../adapters/http/shopper-tokens.ts';

const SECRET = 'unit-secret-unit-secret-unit-secret-0001';

describe('shopper tokens: verified-token cache', () => {
  it('knows a token only after verify accepted it, with the same claims', async () => {
    const tokens = createShopperTokens({ secret: SECRET });
    const { token } = await tokens.sign({ shopperId: 'alice', channel: 'web' });
    expect(tokens.known(token)).toBeUndefined();
    expect(tokens.known(undefined)).toBeUndefined();
    const claims = await tokens.verify(token);
    expect(claims).toMatchObject({ shopperId: 'alice', channel: 'web' });
    expect(tokens.known(token)).toEqual(claims);
  });

  it('never knows a token that failed verification', async () => {
    const tokens = createShopperTokens({ secret: SECRET });
    const other = createShopperTokens({ secret: 'another-secret-another-secret-another-01' });
    const { token } = await other.sign({ shopperId: 'mallory' });
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(tokens.known(token)).toBeUndefined();
  });

  it('forgets a token at its exp, and verify then rejects it as expired', async () => {
    let now = 1_800_000_000_000;
    const tokens = createShopperTokens({ secret: SECRET, now: () => now });
    const { token } = await tokens.sign({ shopperId: 'bob', ttlSeconds: 60 });
    await tokens.verify(token);
    now += 59_000;
    expect(tokens.known(token)?.shopperId).toBe('bob');
    now += 1_000;
    expect(tokens.known(token)).toBeUndefined();
    await expect(tokens.verify(token)).rejects.toThrow(/expired/);
  });

  it('checks a long-lived token again after the cache age (five minutes)', async () => {
    let now = 1_800_000_000_000;
    const tokens = createShopperTokens({ secret: SECRET, now: () => now });
    const { token } = await tokens.sign({ shopperId: 'carol', ttlSeconds: 86_400 });
    await tokens.verify(token);
    now += 5 * 60_000;
    expect(tokens.known(token)).toBeUndefined();
    expect((await tokens.verify(token)).shopperId).toBe('carol');
    expect(tokens.known(token)?.shopperId).toBe('carol');
  });
});
