import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationLockStore, LockAttempt, LockRequest } from '../../core/pipeline/conversation-lock-store.ts';

/** Creates lock stores that share one backend (two stores = two workers). */
export interface ConversationLockStoreFactory {
  create(): Promise<ConversationLockStore>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const LONG = { lockTtlMs: 60_000, mailboxTtlMs: 120_000 };

/** The shared contract of {@link ConversationLockStore}, run by every implementation. */
export function conversationLockStoreContract(name: string, factory: ConversationLockStoreFactory): void {
  describe(`ConversationLockStore contract: ${name}`, () => {
    const opened: ConversationLockStore[] = [];
    const open = async (): Promise<ConversationLockStore> => {
      const store = await factory.create();
      opened.push(store);
      return store;
    };
    const conversation = (): string => `web:${randomUUID()}`;
    const message = (n: number | string, token: string = randomUUID()): LockRequest => ({
      ...LONG,
      token,
      entry: { activityId: `a${n}`, text: `text ${n}` },
    });
    afterAll(async () => {
      await Promise.all(opened.map((store) => store.close()));
    });

    it('gives a free conversation to the first message, with that message as the batch', async () => {
      const store = await open();
      const attempt = await store.acquire(conversation(), message(1));
      expect(attempt).toEqual({ state: 'acquired', seq: 1, batch: [{ seq: 1, activityId: 'a1', text: 'text 1' }] });
    });

    it('queues messages while the lock is held and hands all of them to the next holder, in order', async () => {
      const [a, b] = [await open(), await open()];
      const conv = conversation();
      const first = message(1);
      await a.acquire(conv, first);
      const waiting = [await b.acquire(conv, message(2)), await a.acquire(conv, message(3)), await b.acquire(conv, message(4))];
      expect(waiting.map((w) => [w.state, w.seq])).toEqual([
        ['waiting', 2],
        ['waiting', 3],
        ['waiting', 4],
      ]);
      // Still held: a poll keeps waiting.
      expect((await b.acquire(conv, { ...LONG, token: randomUUID(), seq: 3 })).state).toBe('waiting');
      expect(await a.release(conv, first.token)).toBe(true);

      const next = await b.acquire(conv, { ...LONG, token: 'runner', seq: 3 });
      expect(next.state).toBe('acquired');
      expect(next.state === 'acquired' && next.batch.map((e) => [e.seq, e.activityId, e.text])).toEqual([
        [2, 'a2', 'text 2'],
        [3, 'a3', 'text 3'],
        [4, 'a4', 'text 4'],
      ]);
      // The others' messages were taken by that turn.
      expect((await a.acquire(conv, { ...LONG, token: randomUUID(), seq: 2 })).state).toBe('consumed');
      expect((await a.acquire(conv, { ...LONG, token: randomUUID(), seq: 4 })).state).toBe('consumed');
      await b.release(conv, 'runner');
      // A later message starts a fresh batch with the next sequence number.
      const later = await a.acquire(conv, message(5));
      expect(later.state === 'acquired' && later.batch.map((e) => e.seq)).toEqual([5]);
    });

    it('keeps texts exactly (unicode, newlines, spaces, quotes)', async () => {
      const store = await open();
      const conv = conversation();
      const holder = message('h');
      await store.acquire(conv, holder);
      const text = 'молоко "3,2%"\nи  хлеб 🍞 \\ end ';
      const queued = await store.acquire(conv, { ...LONG, token: 'q', entry: { activityId: 'x 1', text } });
      await store.release(conv, holder.token);
      const next = await store.acquire(conv, { ...LONG, token: 'q', seq: queued.seq });
      expect(next.state === 'acquired' && next.batch).toEqual([{ seq: queued.seq, activityId: 'x 1', text }]);
    });

    it('lets a non-message take the lock without taking queued messages', async () => {
      const store = await open();
      const conv = conversation();
      const holder = message(1);
      await store.acquire(conv, holder);
      const queued = await store.acquire(conv, message(2));
      await store.release(conv, holder.token);
      const action = await store.acquire(conv, { ...LONG, token: 'button' });
      expect(action).toMatchObject({ state: 'acquired', batch: [] });
      expect((await store.acquire(conv, { ...LONG, token: 'x', seq: queued.seq })).state).toBe('waiting');
      await store.release(conv, 'button');
      const next = await store.acquire(conv, { ...LONG, token: 'x', seq: queued.seq });
      expect(next.state === 'acquired' && next.batch.map((e) => e.activityId)).toEqual(['a2']);
    });

    it('renews and releases only for the holder token', async () => {
      const store = await open();
      const conv = conversation();
      const holder = message(1);
      await store.acquire(conv, holder);
      expect(await store.renew(conv, 'intruder', 60_000)).toBe(false);
      expect(await store.release(conv, 'intruder')).toBe(false);
      expect((await store.acquire(conv, { ...LONG, token: 'other' })).state).toBe('waiting');
      expect(await store.renew(conv, holder.token, 60_000)).toBe(true);
      expect(await store.release(conv, holder.token)).toBe(true);
      expect(await store.release(conv, holder.token)).toBe(false);
      expect((await store.acquire(conv, { ...LONG, token: 'other' })).state).toBe('acquired');
    });

    it('frees the lock of a dead holder after its TTL; renewal keeps a live one', async () => {
      const store = await open();
      const [dead, live] = [conversation(), conversation()];
      await store.acquire(dead, { ...message(1), lockTtlMs: 400 });
      await store.acquire(live, { ...message(1, 'live'), lockTtlMs: 400 });
      for (let i = 0; i < 6; i += 1) {
        await sleep(100);
        expect(await store.renew(live, 'live', 400)).toBe(true);
      }
      expect((await store.acquire(dead, { ...LONG, token: 'next' })).state).toBe('acquired');
      expect((await store.acquire(live, { ...LONG, token: 'next' })).state).toBe('waiting');
      expect(await store.renew(dead, 'next', 60_000)).toBe(true);
    });

    it('takes back a queued message, but not one a turn already took', async () => {
      const store = await open();
      const conv = conversation();
      const holder = message(1);
      await store.acquire(conv, holder);
      const two = await store.acquire(conv, message(2));
      const three = await store.acquire(conv, message(3));
      expect(await store.withdraw(conv, two.seq ?? -1)).toBe(true);
      expect(await store.withdraw(conv, two.seq ?? -1)).toBe(false);
      await store.release(conv, holder.token);
      const next = await store.acquire(conv, { ...LONG, token: 't3', seq: three.seq });
      expect(next.state === 'acquired' && next.batch.map((e) => e.activityId)).toEqual(['a3']);
      expect(await store.withdraw(conv, three.seq ?? -1)).toBe(false);
    });

    it('announces to every worker the release of a conversation with queued messages, and only that', async () => {
      const [a, b] = [await open(), await open()];
      const heard: string[] = [];
      const stop = b.onRelease((conv) => heard.push(conv));
      try {
        await sleep(50); // a subscription may need a moment to be in place
        const [quiet, busy] = [conversation(), conversation()];
        const lone = message(1);
        await a.acquire(quiet, lone);
        await a.release(quiet, lone.token);
        const holder = message(2);
        await a.acquire(busy, holder);
        await a.acquire(busy, message(3));
        await a.release(busy, holder.token);
        for (let i = 0; i < 100 && heard.length === 0; i += 1) await sleep(10);
        await sleep(50);
        expect(heard).toEqual([busy]);
      } finally {
        stop();
      }
    });

    it('keeps conversations independent', async () => {
      const store = await open();
      expect((await store.acquire(conversation(), message(1))).state).toBe('acquired');
      expect((await store.acquire(conversation(), message(1))).state).toBe('acquired');
    });

    it('puts every message of a concurrent stampede in exactly one batch', async () => {
      const [a, b] = [await open(), await open()];
      const conv = conversation();
      const callers = Array.from({ length: 30 }, (_, i) => ({ store: i % 2 ? a : b, request: message(i) }));
      const attempts = await Promise.all(callers.map(({ store, request }) => store.acquire(conv, request)));
      expect(attempts.filter((t) => t.state === 'acquired')).toHaveLength(1);
      expect(new Set(attempts.map((t) => t.seq)).size).toBe(30);

      // Drive every caller like the middleware does until each is acquired or consumed.
      const handled: string[] = [];
      const pending = callers.map((caller, i) => ({ ...caller, attempt: attempts[i] as LockAttempt }));
      let turns = 0;
      while (pending.length > 0 && turns < 100) {
        turns += 1;
        const holder = pending.find((p) => p.attempt.state === 'acquired');
        if (holder && holder.attempt.state === 'acquired') {
          // A message's holder always carries its own message: it was never handled by anyone else.
          expect(holder.attempt.batch.map((e) => e.seq)).toContain(holder.attempt.seq);
          handled.push(...holder.attempt.batch.map((e) => e.activityId));
          await holder.store.release(conv, holder.request.token);
          pending.splice(pending.indexOf(holder), 1);
        }
        for (const p of pending) {
          p.attempt = await p.store.acquire(conv, { ...LONG, token: p.request.token, seq: p.attempt.seq });
        }
        for (const p of pending.filter((q) => q.attempt.state === 'consumed')) pending.splice(pending.indexOf(p), 1);
      }
      expect(pending).toEqual([]);
      expect(handled.sort()).toEqual(callers.map((c) => c.request.entry?.activityId).sort());
    });
  });
}
