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
      expect(await store.isStale('u1')).toBe(false);
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

    it('update changes a record atomically: creates it when absent, skips the write when asked to', async () => {
      const store = await open();
      const created = await store.update('u4', (record) => {
        record.appliedEventIds.push('e3');
        return true;
      }, () => sampleRecord('u4'));
      expect(created).toEqual({ written: true, version: 1 });
      expect((await store.get('u4'))!.appliedEventIds).toEqual(['e1', 'e2', 'e3']);
      expect(await store.update('u4', () => false, () => sampleRecord('u4'))).toEqual({ written: false, version: 1 });
      expect(await store.update('absent', () => false, () => sampleRecord('absent'))).toEqual({ written: false, version: 0 });
      expect(await store.get('absent')).toBeUndefined();
      const updated = await store.update('u4', (record) => {
        record.stale = true;
        record.preferences = [];
        return true;
      }, () => sampleRecord('u4'));
      expect(updated).toEqual({ written: true, version: 2 });
      expect(await store.isStale('u4')).toBe(true);
      expect(await store.isStale('u3-missing')).toBe(false);
      const got = await store.get('u4');
      expect(got).toMatchObject({ version: 2, stale: true, preferences: [] });
      expect(got!.state.services.get('kuper')!.searches.get('молоко')).toBeInstanceOf(Map);
    });

    it('concurrent updates of one record all land', async () => {
      const store = await open();
      await store.put(sampleRecord('u5'));
      await Promise.all(Array.from({ length: 10 }, (_, i) => store.update('u5', (record) => {
        record.appliedEventIds.push(`c${i}`);
        return true;
      }, () => sampleRecord('u5'))));
      const got = await store.get('u5');
      expect(got!.version).toBe(11);
      expect(got!.appliedEventIds.filter((id) => id.startsWith('c')).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `c${i}`).sort());
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
