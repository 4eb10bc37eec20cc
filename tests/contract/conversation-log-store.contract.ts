import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationLogStore, ConversationTurn } from '../../core/stores/conversation-log-store.ts';

/** Creates an empty log with the given retention and clock. */
export interface ConversationLogStoreFactory {
  create(options: { retentionDays?: number; now: () => number }): Promise<ConversationLogStore>;
}

const DAY = 86_400_000;

/** The shared contract of {@link ConversationLogStore}. */
export function conversationLogStoreContract(name: string, factory: ConversationLogStoreFactory): void {
  describe(`ConversationLogStore contract: ${name}`, () => {
    const opened: ConversationLogStore[] = [];
    const start = Date.now();
    let now = start;
    const open = async (retentionDays?: number) => {
      const store = await factory.create({ retentionDays, now: () => now });
      opened.push(store);
      return store;
    };
    const turn = (shopperId: string, text: string, minutesAgo: number, extra: Partial<ConversationTurn> = {}): ConversationTurn => ({
      shopperId,
      conversationId: 'c1',
      channel: 'telegram',
      role: 'user',
      text,
      at: new Date(start - minutesAgo * 60_000).toISOString(),
      ...extra,
    });
    afterAll(async () => Promise.all(opened.map((s) => s.close())));

    it('lists a shopper’s turns oldest first, by conversation, since a time, and the latest N', async () => {
      now = start;
      const store = await open();
      await store.append([turn('s', 'two', 2, { role: 'assistant' }), turn('s', 'one', 3), turn('s', 'other conv', 1, { conversationId: 'c2' }), turn('t', 'x', 1)]);
      expect((await store.listByShopper('s')).map((t) => t.text)).toEqual(['one', 'two', 'other conv']);
      expect((await store.listByShopper('s', { conversationId: 'c1' })).map((t) => t.text)).toEqual(['one', 'two']);
      expect((await store.listByShopper('s', { since: new Date(start - 2 * 60_000) })).map((t) => t.text)).toEqual(['two', 'other conv']);
      expect((await store.listByShopper('s', { limit: 2 })).map((t) => t.text)).toEqual(['two', 'other conv']);
      expect((await store.listByShopper('s'))[1]).toEqual(turn('s', 'two', 2, { role: 'assistant' }));
    });

    it('hides turns after the retention period (default 90 days) and purges them', async () => {
      now = start;
      const store = await open();
      await store.append([turn('r', 'kept', 0), turn('r', 'old', 60 * 24 * 89)]);
      now = start + 2 * DAY;
      expect((await store.listByShopper('r')).map((t) => t.text)).toEqual(['kept']);
      expect(await store.purgeExpired()).toBeGreaterThanOrEqual(1);
      now = start;
      expect((await store.listByShopper('r')).map((t) => t.text)).toEqual(['kept']);
    });

    it('honours a configured retention', async () => {
      now = start;
      const store = await open(1);
      await store.append([turn('q', 'recent', 60), turn('q', 'stale', 60 * 25)]);
      expect((await store.listByShopper('q')).map((t) => t.text)).toEqual(['recent']);
    });

    it('deletes a shopper’s turns', async () => {
      now = start;
      const store = await open();
      await store.append([turn('gone', 'a', 1), turn('gone', 'b', 1), turn('kept', 'c', 1)]);
      expect(await store.deleteByShopper('gone')).toBe(2);
      expect(await store.listByShopper('gone')).toEqual([]);
      expect(await store.listByShopper('kept')).toHaveLength(1);
    });
  });
}
