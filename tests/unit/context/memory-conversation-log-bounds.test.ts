import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../core/activity.ts';
import { createBot } from '../../../core/bot.ts';
import { conversationLogMiddleware } from '../../../core/context/conversation-log-middleware.ts';
import type { ConversationTurn } from '../../../core/stores/conversation-log-store.ts';
import { MemoryConversationLogStore } from '../../../core/stores/memory-conversation-log-store.ts';

const turn = (shopperId: string, conversationId: string, text: string): ConversationTurn => ({
  shopperId, conversationId, channel: 'inapp', role: 'user', text, at: new Date().toISOString(),
});

describe('MemoryConversationLogStore bounds', () => {
  it('keeps only the latest turns of a shopper (so of each conversation)', async () => {
    const store = new MemoryConversationLogStore({ maxTurnsPerShopper: 3 });
    for (let i = 1; i <= 10; i += 1) await store.append([turn('s', 'c1', `m${i}`)]);
    await store.append([turn('other', 'c1', 'kept')]);
    expect((await store.listByShopper('s', { conversationId: 'c1' })).map((t) => t.text)).toEqual(['m8', 'm9', 'm10']);
    await store.append([turn('s', 'c2', 'newest')]);
    expect((await store.listByShopper('s')).map((t) => t.text)).toEqual(['m9', 'm10', 'newest']);
    expect((await store.listByShopper('other')).map((t) => t.text)).toEqual(['kept']);
    expect(store.heldTurns).toBe(4);
  });

  it('stays within its total under steady traffic of many shoppers, dropping the oldest turns first', async () => {
    const store = new MemoryConversationLogStore({ maxTurns: 1_000, maxTurnsPerShopper: 50 });
    for (let i = 0; i < 20_000; i += 1) {
      await store.append([turn(`shopper-${i % 5_000}`, `conv-${i % 5_000}`, `hi ${i}`), { ...turn(`shopper-${i % 5_000}`, `conv-${i % 5_000}`, 'hello'), role: 'assistant' }]);
      expect(store.heldTurns).toBeLessThanOrEqual(1_000);
    }
    expect(store.heldShoppers).toBeLessThanOrEqual(500);
    // The shoppers who wrote last are all still there; the first ones were dropped.
    expect((await store.listByShopper('shopper-4999')).map((t) => t.text)).toEqual(['hi 19999', 'hello']);
    expect(await store.listByShopper('shopper-0')).toEqual([]);
    // The counts stay exact through deletes and purges.
    expect(await store.deleteByShopper('shopper-4999')).toBe(2);
    expect(store.heldTurns).toBe(998);
    expect(await store.purgeExpired()).toBe(0);
    expect(store.heldTurns).toBe(998);
  });

  it('counts purged turns out of its total', async () => {
    let now = Date.now();
    const store = new MemoryConversationLogStore({ retentionDays: 1, now: () => now });
    await store.append([turn('p', 'c', 'a'), turn('p', 'c', 'b')]);
    now += 2 * 86_400_000;
    expect(await store.purgeExpired()).toBe(2);
    expect(store.heldTurns).toBe(0);
    expect(store.heldShoppers).toBe(0);
  });
});

describe('conversationLogMiddleware redaction of repeated replies', () => {
  it('redacts a reply text every time it is said, not only the first', async () => {
    const log = new MemoryConversationLogStore();
    const bot = createBot({
      translator: { forLocale: () => (key: string) => key },
      middleware: [conversationLogMiddleware({ log })],
      handler: async (context) => context.reply('Позвоните нам: +7 999 123-45-67'),
    });
    const message = (id: string): Activity => ({
      type: 'message', id, channel: 'inapp', conversationId: 'c', user: { channelUserId: 'u', shopperId: 'u' }, timestamp: new Date(), text: 'hi',
    });
    for (let i = 0; i < 3; i += 1) await bot.handle(message(`m${i}`));
    const said = (await log.listByShopper('u')).filter((t) => t.role === 'assistant').map((t) => t.text);
    expect(said).toHaveLength(3);
    for (const text of said) expect(text).toBe('Позвоните нам: [phone]');
  });
});
