import { afterAll, describe, expect, it } from 'vitest';
import { accumulateEvent } from '../../core/context/profile-accumulator.ts';
import { emptyProfileState } from '../../core/context/profile-state.ts';
import { deriveProfile } from '../../core/context/profile-view.ts';
import { ConcurrencyError } from '../../core/errors.ts';
import type { ProfileRecord, ProfileStore } from '../../core/stores/profile-store.ts';

/** Creates an empty profile store. */
export interface ProfileStoreFactory {
  create(): Promise<ProfileStore>;
}

const EMPTY_CATALOG = { revision: 0, items: [], get: () => undefined };

/** A record with real accumulators, including an awkward item id. */
export function sampleRecord(shopperId: string): ProfileRecord {
  const state = emptyProfileState();
  accumulateEvent(state, { id: 'e1', userId: shopperId, service: 'samokat', type: 'order', itemId: 'a.b$__proto__', ts: '2026-01-01T00:00:00Z', price: 99.9 });
  accumulateEvent(state, { id: 'e2', userId: shopperId, service: 'kuper', type: 'search', query: 'Молоко', ts: '2026-01-02T00:00:00Z' });
  const preferences = [{ kind: 'diet' as const, value: 'vegan', addedAt: '2026-01-01T00:00:00.000Z' }];
  return {
    shopperId,
    version: 0,
    updatedAt: '2026-01-02T00:00:00.000Z',
    state,
    preferences,
    appliedEventIds: ['e1', 'e2'],
    profile: deriveProfile(shopperId, state, preferences, EMPTY_CATALOG),
  };
}

/** The shared contract of {@link ProfileStore}. */
export function profileStoreContract(name: string, factory: ProfileStoreFactory): void {
  describe(`ProfileStore contract: ${name}`, () => {
    const opened: ProfileStore[] = [];
    const open = async () => {
      const store = await factory.create();
      opened.push(store);
      return store;
    };
    afterAll(async () => Promise.all(opened.map((s) => s.close())));

    it('stores a record with its accumulators and read view, and versions every write', async () => {
      const store = await open();
      const record = sampleRecord('u1');
      expect(await store.get('u1')).toBeUndefined();
      expect(await store.getProfile('u1')).toBeUndefined();
      expect(await store.put(record)).toBe(1);
      const got = await store.get('u1');
      expect(got).toEqual({ ...record, version: 1 });
      expect(got!.state.services.get('samokat')!.longItems.get('a.b$__proto__')).toBeInstanceOf(Map);
      expect(await store.getProfile('u1')).toEqual(record.profile);
      expect(await store.put(got!)).toBe(2);
      expect((await store.get('u1'))!.version).toBe(2);
    });

    it('rejects a write whose expected version is stale', async () => {
      const store = await open();
      await store.put(sampleRecord('u2'), { expectedVersion: 0 });
      await expect(store.put(sampleRecord('u2'), { expectedVersion: 0 })).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.put(sampleRecord('u2'), { expectedVersion: 1 })).toBe(2);
      await expect(store.put(sampleRecord('u2'), { expectedVersion: 1 })).rejects.toMatchObject({ code: 'concurrency_conflict', actualVersion: 2 });
    });

    it('never shares mutable state with callers', async () => {
      const store = await open();
      const record = sampleRecord('u3');
      await store.put(record);
      record.appliedEventIds.push('changed');
      record.state.events = 99;
      const got = await store.get('u3');
      expect(got!.appliedEventIds).toEqual(['e1', 'e2']);
      got!.preferences.push({ kind: 'like', value: 'x', addedAt: '2026-01-01T00:00:00.000Z' });
      expect((await store.get('u3'))!.preferences).toHaveLength(1);
      expect((await store.get('u3'))!.state.events).toBe(2);
    });

    it('deletes, counts and lists ids', async () => {
      const store = await open();
      await store.put(sampleRecord('a'));
      await store.put(sampleRecord('b'));
      const ids: string[] = [];
      for await (const id of store.ids()) ids.push(id);
      expect(ids.sort()).toEqual(['a', 'b']);
      expect(await store.count()).toBe(2);
      expect(await store.delete('a')).toBe(true);
      expect(await store.delete('a')).toBe(false);
      expect(await store.getProfile('a')).toBeUndefined();
      expect(await store.count()).toBe(1);
    });
  });
}
