import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../../core/stores/memory-session-store.ts';
import { sessionStoreContract } from './session-store.contract.ts';

// Stores created with the same options share one instance, as two connections share one Redis.
const shared = new Map<string, MemorySessionStore>();
sessionStoreContract('MemorySessionStore', {
  async create(options = {}) {
    const id = String(options.ttlSeconds ?? 'default');
    let store = shared.get(id);
    if (!store) {
      store = new MemorySessionStore(options);
      shared.set(id, store);
    }
    return store;
  },
});

describe('MemorySessionStore', () => {
  it('sweeps expired entries that are never read again', async () => {
    let now = 0;
    const store = new MemorySessionStore({ ttlSeconds: 1, now: () => now });
    for (let i = 0; i < 1000; i += 1) await store.set(`old/${i}`, i);
    now = 5_000;
    for (let i = 0; i < 1100; i += 1) await store.set(`new/${i}`, i);
    expect(store.heldEntries).toBeLessThan(2000);
    expect(await store.get('new/5')).toEqual({ data: 5, version: 1 });
  });

  it('uses the injected clock for expiry', async () => {
    let now = 1_000;
    const store = new MemorySessionStore({ ttlSeconds: 10, now: () => now });
    await store.set('k', 'v');
    now += 9_999;
    expect(await store.get('k')).toBeDefined();
    now += 1;
    expect(await store.get('k')).toBeUndefined();
  });
});
