import { describe, expect, it } from 'vitest';
import { createMemoryPipelineStores } from '../../../core/pipeline/pipeline-stores.ts';
import { turnOutcome } from '../../../core/pipeline/turn-outcome.ts';
import { action, message, pipelineBot, texts } from './pipeline-harness.ts';

describe('dedup', () => {
  it('answers an activity once; its redelivery yields no replies', async () => {
    const { bot, turns } = pipelineBot();
    const update = message('привет', { id: 'update-1001', channel: 'telegram' });
    expect(texts(await bot.handle(update))).toEqual(['echo: привет']);
    const redelivery = { ...update, user: { ...update.user } };
    expect(await bot.handle(redelivery)).toEqual([]);
    expect(turnOutcome(redelivery)).toEqual({ kind: 'duplicate' });
    expect(turns).toHaveLength(1);
  });

  it('remembers nothing for channels whose ids the server mints per request', async () => {
    const stores = createMemoryPipelineStores();
    const { bot, turns } = pipelineBot({ stores, dedup: { skipChannels: ['inapp'] } });
    await bot.handle(message('a', { id: 'minted-1', channel: 'inapp' }));
    expect(await stores.dedup.claim('inapp:minted-1', 60_000)).toBe(true);
    await bot.handle(message('b', { id: 'update-9', channel: 'telegram' }));
    expect(await bot.handle(message('b', { id: 'update-9', channel: 'telegram' }))).toEqual([]);
    expect(turns).toHaveLength(2);
  });

  it('tells channels apart: the same id on two channels is two activities', async () => {
    const { bot, turns } = pipelineBot();
    await bot.handle(message('a', { id: '42', channel: 'telegram' }));
    await bot.handle(message('b', { id: '42', channel: 'slack', conversationId: 'c2' }));
    expect(turns).toHaveLength(2);
  });

  it('handles the redelivery of a turn that failed, so a crash loses nothing', async () => {
    let fail = true;
    const { bot, turns } = pipelineBot({
      during: async () => {
        if (fail) throw new Error('transient');
      },
    });
    const update = message('закажи молоко', { id: 'update-7', channel: 'telegram' });
    await expect(bot.handle(update)).rejects.toThrow('transient');
    fail = false;
    expect(texts(await bot.handle({ ...update }))).toEqual(['echo: закажи молоко']);
    expect(turns).toHaveLength(2);
  });

  it('does not spend rate-limit budget on duplicates', async () => {
    const { bot } = pipelineBot({ rateLimit: { limit: 2 } });
    const update = message('раз', { id: 'dup' });
    await bot.handle(update);
    await bot.handle({ ...update });
    const second = message('два');
    expect(texts(await bot.handle(second))).toEqual(['echo: два']);
    const third = message('три');
    await bot.handle(third);
    expect(turnOutcome(third).kind).toBe('rate_limited');
  });
});

describe('rate limit', () => {
  it('allows 50 messages a minute by default and answers the 51st politely with the wait', async () => {
    let now = 1_000_000;
    const { bot, turns } = pipelineBot({ stores: createMemoryPipelineStores({ now: () => now }) });
    for (let i = 0; i < 50; i += 1) {
      expect(texts(await bot.handle(message(`m${i}`)))).toEqual([`echo: m${i}`]);
      now += 100;
    }
    const over = message('ещё');
    const replies = await bot.handle(over);
    expect(texts(replies)).toEqual(['ru|errors:rate_limited|{"seconds":55}']);
    expect(turnOutcome(over)).toEqual({ kind: 'rate_limited', retryAfterSeconds: 55 });
    expect(turns).toHaveLength(50);
    now += 55_000; // the first message leaves the window
    expect(texts(await bot.handle(message('снова можно')))).toEqual(['echo: снова можно']);
  });

  it('answers in the shopper\'s language and honours a configured limit', async () => {
    const { bot } = pipelineBot({ rateLimit: { limit: 2, windowMs: 10_000 } });
    await bot.handle(message('one'));
    await bot.handle(message('two'));
    const [reply] = texts(await bot.handle(message('three please')));
    expect(reply).toMatch(/^en\|errors:rate_limited\|\{"seconds":(9|10)\}$/);
  });

  it('limits a shopper across channels and conversations, but not other shoppers', async () => {
    const { bot } = pipelineBot({ rateLimit: { limit: 2 } });
    const shopper = { channelUserId: 'x', shopperId: 'shopper-1' };
    await bot.handle(message('a', { channel: 'inapp', conversationId: 'c1', user: { ...shopper } }));
    await bot.handle(message('b', { channel: 'web', conversationId: 'c2', user: { ...shopper } }));
    const third = message('c', { channel: 'inapp', conversationId: 'c3', user: { ...shopper } });
    await bot.handle(third);
    expect(turnOutcome(third).kind).toBe('rate_limited');
    const other = message('d', { channel: 'inapp', conversationId: 'c4', user: { channelUserId: 'y', shopperId: 'shopper-2' } });
    expect(texts(await bot.handle(other))).toEqual(['echo: d']);
  });

  it('limits anonymous users per channel user', async () => {
    const { bot } = pipelineBot({ rateLimit: { limit: 1 } });
    await bot.handle(message('a', { user: { channelUserId: 'anon-1' }, conversationId: 'k1' }));
    expect(turnOutcome(await handled(bot, message('b', { user: { channelUserId: 'anon-2' }, conversationId: 'k2' }))).kind).toBe('handled');
    const again = message('c', { user: { channelUserId: 'anon-1' }, conversationId: 'k1' });
    await bot.handle(again);
    expect(turnOutcome(again).kind).toBe('rate_limited');
  });

  it('counts button presses but not typing indicators', async () => {
    const { bot } = pipelineBot({ rateLimit: { limit: 2 } });
    for (let i = 0; i < 5; i += 1) {
      await bot.handle({ type: 'typing', id: `t${i}`, channel: 'test', conversationId: 'c1', user: { channelUserId: 'u1' }, timestamp: new Date() });
    }
    await bot.handle(action('more'));
    await bot.handle(message('hi'));
    const press = action('again');
    await bot.handle(press);
    expect(turnOutcome(press).kind).toBe('rate_limited');
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => pipelineBot({ rateLimit: { limit: 0 } })).toThrow(/positive integer/);
  });
});

async function handled<A>(bot: { handle(a: A): Promise<unknown> }, activity: A): Promise<A> {
  await bot.handle(activity);
  return activity;
}
