import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../core/activity.ts';
import { createBot } from '../../../core/bot.ts';
import { conversationLogMiddleware } from '../../../core/context/conversation-log-middleware.ts';
import { MemoryConversationLogStore } from '../../../core/stores/memory-conversation-log-store.ts';

const translator = { forLocale: () => (key: string) => key };

function message(text: string, shopperId?: string): Activity {
  return {
    type: 'message', id: `m-${Math.random()}`, channel: 'telegram', conversationId: 'c1',
    user: { channelUserId: 'tg-1', ...(shopperId ? { shopperId } : {}) }, timestamp: new Date(), text,
  };
}

describe('conversationLogMiddleware', () => {
  it('logs both sides of an identified shopper’s turn, redacted; skips anonymous users', async () => {
    const log = new MemoryConversationLogStore();
    const at = new Date(Date.now() - 60_000);
    const bot = createBot({
      translator,
      middleware: [conversationLogMiddleware({ log, now: () => at })],
      handler: async (context) => {
        await context.reply('Записал: позвоню на +7 999 123-45-67');
        await context.reply({ type: 'cards', text: 'Вот:', cards: [{ itemId: 'tofu', service: 'samokat', title: 'Тофу', price: 150, currency: 'RUB' }] });
      },
    });
    await bot.handle(message('мой email ivan@example.com', 's1'));
    await bot.handle(message('привет'));
    const turns = await log.listByShopper('s1');
    expect(turns.map((t) => [t.role, t.text])).toEqual([
      ['user', expect.not.stringContaining('ivan@example.com')],
      ['assistant', expect.not.stringContaining('123-45-67')],
      ['assistant', 'Вот:\n• Тофу (samokat:tofu)'],
    ]);
    expect(turns[0]).toMatchObject({ channel: 'telegram', conversationId: 'c1', at: at.toISOString() });
  });

  it('still logs the shopper’s message when the handler fails, and never fails a turn itself', async () => {
    const log = new MemoryConversationLogStore();
    const failing = createBot({ translator, middleware: [conversationLogMiddleware({ log })], handler: async () => { throw new Error('boom'); } });
    await expect(failing.handle(message('hi', 's2'))).rejects.toThrow('boom');
    expect((await log.listByShopper('s2')).map((t) => t.text)).toEqual(['hi']);
    const broken = { ...log, append: async () => { throw new Error('log down'); } } as unknown as MemoryConversationLogStore;
    const bot = createBot({ translator, middleware: [conversationLogMiddleware({ log: broken })], handler: async (c) => c.reply('ok') });
    expect(await bot.handle(message('hi', 's3'))).toEqual([{ type: 'text', text: 'ok' }]);
  });
});
