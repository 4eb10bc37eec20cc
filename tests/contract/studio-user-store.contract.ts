import { afterAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../core/errors.ts';
import type { StudioUser, StudioUserStore } from '../../core/studio/studio-user-store.ts';

/** Creates an empty studio user store. */
export interface StudioUserStoreFactory {
  create(): Promise<StudioUserStore>;
}

const user = (username: string, extra: Partial<StudioUser> = {}): StudioUser => ({
  username, role: 'editor', passwordHash: 'scrypt$1$1$1$salt$hash', disabled: false, sessionEpoch: 0,
  createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'admin', updatedAt: '2026-01-01T00:00:00.000Z', ...extra,
});

/** The shared contract of {@link StudioUserStore}. */
export function studioUserStoreContract(name: string, factory: StudioUserStoreFactory): void {
  describe(`StudioUserStore contract: ${name}`, () => {
    const opened: StudioUserStore[] = [];
    const open = async () => {
      const store = await factory.create();
      opened.push(store);
      return store;
    };
    afterAll(async () => Promise.all(opened.map((s) => s.close())));

    it('creates accounts, refuses a taken name, lists them sorted', async () => {
      const store = await open();
      expect(await store.get('zoe')).toBeUndefined();
      await store.create(user('zoe', { role: 'viewer' }));
      await store.create(user('adam', { role: 'admin' }));
      await expect(store.create(user('zoe'))).rejects.toBeInstanceOf(ConflictError);
      expect(await store.get('zoe')).toEqual(user('zoe', { role: 'viewer' }));
      expect((await store.list()).map((u) => `${u.username}:${u.role}`)).toEqual(['adam:admin', 'zoe:viewer']);
    });

    it('updates fields and returns before and after; unknown accounts are NotFoundError', async () => {
      const store = await open();
      await store.create(user('ann'));
      const { before, after } = await store.update('ann', { role: 'publisher', sessionEpoch: 3 }, '2026-02-02T00:00:00.000Z');
      expect(before.role).toBe('editor');
      expect(after).toEqual(user('ann', { role: 'publisher', sessionEpoch: 3, updatedAt: '2026-02-02T00:00:00.000Z' }));
      expect(await store.get('ann')).toEqual(after);
      await store.update('ann', { disabled: true }, '2026-02-03T00:00:00.000Z');
      expect((await store.get('ann'))?.disabled).toBe(true);
      await expect(store.update('nobody', { role: 'admin' }, '2026-02-02T00:00:00.000Z')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('returns copies: changing a returned account changes nothing stored', async () => {
      const store = await open();
      const created = await store.create(user('kim'));
      created.role = 'admin';
      const read = await store.get('kim');
      read!.disabled = true;
      expect(await store.get('kim')).toEqual(user('kim'));
    });
  });
}
