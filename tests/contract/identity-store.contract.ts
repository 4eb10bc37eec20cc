import { afterAll, describe, expect, it } from 'vitest';
import type { IdentityStore } from '../../core/stores/identity-store.ts';

/** Creates an empty identity store. */
export interface IdentityStoreFactory {
  create(): Promise<IdentityStore>;
}

const future = (ms: number) => new Date(Date.now() + ms).toISOString();

/** The shared contract of {@link IdentityStore}. */
export function identityStoreContract(name: string, factory: IdentityStoreFactory): void {
  describe(`IdentityStore contract: ${name}`, () => {
    const opened: IdentityStore[] = [];
    const open = async () => {
      const store = await factory.create();
      opened.push(store);
      return store;
    };
    afterAll(async () => Promise.all(opened.map((s) => s.close())));

    it('links channel identities to one shopper, moves a relinked identity, and unlinks', async () => {
      const store = await open();
      await store.link({ channel: 'telegram', channelUserId: '42', shopperId: 's1', linkedAt: '2026-01-01T00:00:00.000Z' });
      await store.link({ channel: 'slack', channelUserId: 'U1', shopperId: 's1', linkedAt: '2026-01-02T00:00:00.000Z' });
      await store.link({ channel: 'telegram', channelUserId: '43', shopperId: 's2', linkedAt: '2026-01-02T00:00:00.000Z' });
      expect(await store.resolve({ channel: 'telegram', channelUserId: '42' })).toBe('s1');
      expect(await store.resolve({ channel: 'slack', channelUserId: '42' })).toBeUndefined();
      expect((await store.listByShopper('s1')).map((l) => `${l.channel}:${l.channelUserId}`)).toEqual(['telegram:42', 'slack:U1']);
      await store.link({ channel: 'telegram', channelUserId: '42', shopperId: 's2', linkedAt: '2026-01-03T00:00:00.000Z' });
      expect(await store.resolve({ channel: 'telegram', channelUserId: '42' })).toBe('s2');
      expect(await store.listByShopper('s1')).toEqual([{ channel: 'slack', channelUserId: 'U1', shopperId: 's1', linkedAt: '2026-01-02T00:00:00.000Z' }]);
      expect(await store.unlink({ channel: 'slack', channelUserId: 'U1' })).toBe(true);
      expect(await store.unlink({ channel: 'slack', channelUserId: 'U1' })).toBe(false);
      expect(await store.listByShopper('s1')).toEqual([]);
    });

    it('link codes are one-time and expire', async () => {
      const store = await open();
      await store.saveLinkCode({ code: 'ABC123', shopperId: 's1', expiresAt: future(60_000) });
      await store.saveLinkCode({ code: 'OLD999', shopperId: 's1', expiresAt: future(60_000) });
      expect(await store.consumeLinkCode('ABC123', new Date())).toMatchObject({ code: 'ABC123', shopperId: 's1' });
      expect(await store.consumeLinkCode('ABC123', new Date())).toBeUndefined();
      expect(await store.consumeLinkCode('OLD999', new Date(Date.now() + 120_000))).toBeUndefined();
      expect(await store.consumeLinkCode('NOPE', new Date())).toBeUndefined();
    });

    it('deletes every link and pending code of a shopper', async () => {
      const store = await open();
      await store.link({ channel: 'teams', channelUserId: 't', shopperId: 'gone', linkedAt: '2026-01-01T00:00:00.000Z' });
      await store.link({ channel: 'web', channelUserId: 'w', shopperId: 'gone', linkedAt: '2026-01-01T00:00:00.000Z' });
      await store.link({ channel: 'web', channelUserId: 'x', shopperId: 'kept', linkedAt: '2026-01-01T00:00:00.000Z' });
      await store.saveLinkCode({ code: 'GONE01', shopperId: 'gone', expiresAt: future(60_000) });
      expect(await store.deleteByShopper('gone')).toBe(2);
      expect(await store.listByShopper('gone')).toEqual([]);
      expect(await store.resolve({ channel: 'web', channelUserId: 'w' })).toBeUndefined();
      expect(await store.consumeLinkCode('GONE01', new Date())).toBeUndefined();
      expect(await store.resolve({ channel: 'web', channelUserId: 'x' })).toBe('kept');
    });
  });
}
