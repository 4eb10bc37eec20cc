import { describe, expect, it } from 'vitest';
import { coalescedMessages } from '../../../core/pipeline/conversation-lock-middleware.ts';
import { turnOutcome } from '../../../core/pipeline/turn-outcome.ts';
import { action, gate, message, pipelineBot, texts, until } from './pipeline-harness.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('conversation lock and burst coalescing', () => {
  it('coalesces 5 messages sent during a slow turn into one next turn, answered once', async () => {
    const slow = gate();
    const { bot, turns } = pipelineBot({ during: async (_c, turn) => (turn === 1 ? slow.promise : undefined) });
    const firstActivity = message('привет');
    const first = bot.handle(firstActivity);
    await until(() => turns.length === 1);

    const burst = ['найди молоко', 'безлактозное', 'в Самокате', 'до 100 рублей', 'две штуки'].map((text) => message(text));
    const pending = burst.map((activity) => bot.handle(activity));
    await sleep(60);
    expect(turns).toHaveLength(1); // nothing runs alongside the slow turn
    slow.open();

    const [firstReplies, ...burstReplies] = await Promise.all([first, ...pending]);
    expect(turns).toHaveLength(2);
    expect(texts(firstReplies)).toEqual(['echo: привет']);
    expect(turns[1]?.text).toBe('найди молоко\nбезлактозное\nв Самокате\nдо 100 рублей\nдве штуки');
    expect(coalescedMessages(turns[1]!.context).map((m) => m.activityId)).toEqual(burst.map((a) => a.id));

    // Exactly one of the five callers gets the answer; the others get no replies and a coalesced flag.
    const answered = burstReplies.filter((replies) => replies.length > 0);
    expect(answered).toHaveLength(1);
    expect(texts(answered[0]!)).toEqual([`echo: ${turns[1]?.text}`]);
    const outcomes = burst.map((activity) => turnOutcome(activity));
    expect(outcomes.filter((o) => o.kind === 'coalesced')).toHaveLength(4);
    const runner = outcomes.find((o) => o.kind === 'handled');
    expect(runner?.kind === 'handled' && runner.coalesced?.length).toBe(4);
    expect(turnOutcome(firstActivity)).toEqual({ kind: 'handled' });
  });

  it('runs one turn at a time per conversation, but conversations in parallel', async () => {
    let running = 0;
    let maxRunning = 0;
    const perConversation = new Map<string, number>();
    const { bot } = pipelineBot({
      during: async (context) => {
        const id = context.activity.conversationId;
        perConversation.set(id, (perConversation.get(id) ?? 0) + 1);
        expect(perConversation.get(id)).toBe(1);
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await sleep(20);
        running -= 1;
        perConversation.set(id, (perConversation.get(id) ?? 1) - 1);
      },
    });
    const activities = Array.from({ length: 12 }, (_, i) => message(`m${i}`, { conversationId: `c${i % 3}`, user: { channelUserId: `u${i % 3}` } }));
    const sent = activities.map((a) => (a.type === 'message' ? a.text : ''));
    const results = await Promise.all(activities.map((a) => bot.handle(a)));
    expect(maxRunning).toBeGreaterThan(1);
    expect(maxRunning).toBeLessThanOrEqual(3);
    // Every message text was answered exactly once, across all replies.
    const answeredTexts = results.flatMap((r) => texts(r)).flatMap((t) => t.replace('echo: ', '').split('\n'));
    expect(answeredTexts.sort()).toEqual(sent.sort());
  });

  it('runs a button press as its own turn, never merged into a message burst', async () => {
    const slow = gate();
    const { bot, turns } = pipelineBot({ during: async (_c, turn) => (turn === 1 ? slow.promise : undefined) });
    const first = bot.handle(message('покажи корзину'));
    await until(() => turns.length === 1);
    const pending = [bot.handle(message('и ещё')), bot.handle(action('cart:checkout')), bot.handle(message('спасибо'))];
    await sleep(30);
    slow.open();
    await Promise.all([first, ...pending]);
    expect(turns.map((t) => t.text).slice(1).sort()).toEqual(['cart:checkout', 'и ещё\nспасибо'].sort());
    expect(turns).toHaveLength(3);
  });

  it('frees the conversation after a failing turn and reports the error to its caller only', async () => {
    const { bot, turns } = pipelineBot({
      during: async (_c, turn) => {
        if (turn === 1) throw new Error('dialog crashed');
      },
    });
    await expect(bot.handle(message('boom'))).rejects.toThrow('dialog crashed');
    expect(texts(await bot.handle(message('still there?')))).toEqual(['echo: still there?']);
    expect(turns).toHaveLength(2);
  });

  it('gives up waiting when the caller aborts, and takes its message back', async () => {
    const slow = gate();
    const { bot, turns } = pipelineBot({ during: async (_c, turn) => (turn === 1 ? slow.promise : undefined) });
    const first = bot.handle(message('долгий'));
    await until(() => turns.length === 1);
    const controller = new AbortController();
    const abandoned = bot.handle(message('не дождался'), { signal: controller.signal });
    await sleep(20);
    controller.abort(new Error('client went away'));
    await expect(abandoned).rejects.toThrow('client went away');
    slow.open();
    await first;
    expect(texts(await bot.handle(message('снова')))).toEqual(['echo: снова']);
    expect(turns.map((t) => t.text)).toEqual(['долгий', 'снова']);
  });

  it('fails a caller that waits past maxWaitMs with a timeout, without dropping the running turn', async () => {
    const slow = gate();
    const { bot, turns } = pipelineBot({
      lock: { maxWaitMs: 50, pollIntervalMs: 10 },
      during: async (_c, turn) => (turn === 1 ? slow.promise : undefined),
    });
    const first = bot.handle(message('долгий'));
    await until(() => turns.length === 1);
    await expect(bot.handle(message('жду'))).rejects.toMatchObject({ code: 'timeout' });
    slow.open();
    expect(texts(await first)).toEqual(['echo: долгий']);
    expect(turns).toHaveLength(1);
  });
});

describe('conversation lock key', () => {
  it('never makes two users who name the same conversation wait for or merge into each other', async () => {
    const slow = gate();
    const { bot, turns } = pipelineBot({ during: async (_c, turn) => (turn === 1 ? slow.promise : undefined) });
    const first = bot.handle(message('мой секрет', { conversationId: 'default', user: { channelUserId: 'alice' } }));
    await until(() => turns.length === 1);
    const other = await bot.handle(message('чужой текст', { conversationId: 'default', user: { channelUserId: 'bob' } }));
    expect(texts(other)).toEqual(['echo: чужой текст']);
    slow.open();
    expect(texts(await first)).toEqual(['echo: мой секрет']);
  });
});
