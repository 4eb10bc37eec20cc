import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { RedisSessionStore } from '../../../adapters/stores/redis/redis-session-store.ts';
import type { MessageActivity } from '../../../core/activity.ts';
import { createBot } from '../../../core/bot.ts';
import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import { createDialogEngine } from '../../../core/dialog/engine.ts';
import type { Recognizer } from '../../../core/nlu/recognizer.ts';
import { MemorySessionStore } from '../../../core/stores/memory-session-store.ts';
import type { SessionStore } from '../../../core/stores/session-store.ts';
import { loadLocalesTranslator } from '../../support/transcript-translator.ts';

/** Every message is a "note"; recognition waits a little so two turns overlap. */
const slowNotes: Recognizer = {
  async recognize(text) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const intent = { name: 'note', confidence: 0.9 };
    return { text, language: 'en', intent, intents: [intent], entities: [] };
  },
};

function engineOn(sessions: SessionStore) {
  const translator = loadLocalesTranslator({ en: { test: { noted: 'noted {{count}}' } }, ru: { test: { noted: 'записал {{count}}' } } });
  const note = createActionDialog({
    id: 'note',
    intents: ['note'],
    run: async (turn) => {
      const notes = (turn.memory.notes as string[] | undefined) ?? [];
      turn.memory.notes = [...notes, turn.text];
      turn.say('test:noted', { count: notes.length + 1 });
    },
  });
  const engine = createDialogEngine({ recognizer: slowNotes, sessions, translator, dialogs: [note] });
  return { engine, bot: createBot({ translator, handler: engine.handler }) };
}

const message = (text: string): MessageActivity => ({
  type: 'message', id: randomUUID(), channel: 'test', conversationId: 'occ', text, timestamp: new Date(),
  user: { channelUserId: 'u1', shopperId: 'shopper-occ' },
});

describe('conversation state in the SessionStore', () => {
  it('re-runs a turn that lost an optimistic-concurrency race, so no update is lost and nothing is answered twice', async () => {
    const { engine, bot } = engineOn(new MemorySessionStore());
    const [a, b] = await Promise.all([bot.handle(message('first')), bot.handle(message('second'))]);
    const state = await engine.state('shopper-occ/test/occ/dialog');
    expect((state?.memory.notes as string[]).sort()).toEqual(['first', 'second']);
    expect(state?.turns).toBe(2);
    const texts = [...a, ...b].map((r) => (r.type === 'text' ? r.text : ''));
    expect(texts.sort()).toEqual(['noted 1', 'noted 2']);
  });

  describe('on Redis', () => {
    const client = new Redis(inject('redisUrl'), { lazyConnect: false });
    const prefix = `dialog-test:${randomUUID()}:`;
    afterAll(async () => {
      const keys = await client.keys(`${prefix}*`);
      if (keys.length) await client.del(...keys);
      await client.quit();
    });

    it('keeps the conversation across engine instances (stateless workers) with a time to live', async () => {
      const sessions = new RedisSessionStore({ client, keyPrefix: prefix, ttlSeconds: 60 });
      const first = engineOn(sessions);
      await first.bot.handle(message('one'));
      const second = engineOn(sessions);
      const replies = await second.bot.handle(message('two'));
      expect(replies[0]).toMatchObject({ type: 'text', text: 'noted 2' });
      const ttl = await client.pttl(`${prefix}shopper-occ/test/occ/dialog`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
      const [a, b] = await Promise.all([second.bot.handle(message('three')), first.bot.handle(message('four'))]);
      expect([...a, ...b]).toHaveLength(2);
      expect(((await second.engine.state('shopper-occ/test/occ/dialog'))?.memory.notes as string[])).toHaveLength(4);
    });
  });
});
