import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisConversationLockStore } from '../../../adapters/stores/redis/redis-conversation-lock-store.ts';
import { createRedisPipelineStores } from '../../../adapters/stores/redis/redis-pipeline-stores.ts';
import type { Activity } from '../../../core/activity.ts';
import { createBot, type Bot } from '../../../core/bot.ts';
import { createPipeline, type PipelineOptions } from '../../../core/pipeline/create-pipeline.ts';
import { turnOutcome } from '../../../core/pipeline/turn-outcome.ts';
import type { Reply } from '../../../core/reply.ts';
import type { TurnContext } from '../../../core/turn-context.ts';
import { echoTranslator, gate, message, texts, until } from '../../unit/pipeline/pipeline-harness.ts';
import { connectTestRedis, uniquePrefix } from './redis-test-client.ts';

const keyPrefix = uniquePrefix('workers');
const clients: Redis[] = [];
const connect = (): Redis => {
  const client = connectTestRedis();
  clients.push(client);
  return client;
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
});

interface Turn {
  worker: string;
  text: string;
}

/**
 * Two workers = two bots, each with its own Redis connection and pipeline stores, sharing one Redis
 * and one key prefix, and a record of every turn any of them ran.
 */
function twoWorkers(options: {
  during?: (context: TurnContext, turn: number) => Promise<void>;
  pipeline?: Partial<PipelineOptions>;
}): { a: Bot; b: Bot; turns: Turn[]; running: () => number } {
  const turns: Turn[] = [];
  let running = 0;
  const worker = (name: string): Bot => {
    const stores = createRedisPipelineStores({ client: connect(), keyPrefix });
    const middleware = createPipeline({
      stores,
      translator: echoTranslator,
      ...options.pipeline,
      lock: { pollIntervalMs: 10, ...options.pipeline?.lock },
    });
    return createBot({
      translator: echoTranslator,
      middleware,
      handler: async (context) => {
        running += 1;
        expect(running).toBe(1); // never two turns of the conversation at once, on any worker
        const text = context.activity.type === 'message' ? context.activity.text : '';
        turns.push({ worker: name, text });
        try {
          await options.during?.(context, turns.length);
          await context.reply(`${name}: ${text}`);
        } finally {
          running -= 1;
        }
      },
    });
  };
  return { a: worker('A'), b: worker('B'), turns, running: () => running };
}

const conversationMessage = (conversationId: string) => (text: string): Activity =>
  message(text, { conversationId, user: { channelUserId: `user-${conversationId}` } });

describe('two workers sharing one Redis', () => {
  it('coalesces a burst split across both workers into one next turn, answered exactly once', async () => {
    const slow = gate();
    const { a, b, turns } = twoWorkers({ during: async (_c, turn) => (turn === 1 ? slow.promise : undefined) });
    const say = conversationMessage('burst');
    const first = a.handle(say('привет'));
    await until(() => turns.length === 1);

    const inspector = connect();
    const mailbox = `${keyPrefix}conv:{test:user-burst:burst}:mailbox`;
    const burst = ['найди', 'безлактозное', 'молоко', 'в Самокате', 'подешевле'].map((text) => say(text));
    const pending: Promise<Reply[]>[] = [];
    for (const [i, activity] of burst.entries()) {
      pending.push((i % 2 === 0 ? b : a).handle(activity));
      // Wait until it is queued, so the arrival order across workers is the order sent.
      for (let tries = 0; (await inspector.llen(mailbox)) < i + 1; tries += 1) {
        if (tries > 500) throw new Error('message was not queued');
        await sleep(2);
      }
    }
    expect(turns).toHaveLength(1);
    slow.open();
    const [firstReplies, ...burstReplies] = await Promise.all([first, ...pending]);

    expect(turns).toHaveLength(2);
    expect(texts(firstReplies)).toEqual(['A: привет']);
    expect(turns[1]?.text).toBe('найди\nбезлактозное\nмолоко\nв Самокате\nподешевле');
    const answered = burstReplies.filter((replies) => replies.length > 0);
    expect(answered).toHaveLength(1);
    expect(burst.filter((activity) => turnOutcome(activity).kind === 'coalesced')).toHaveLength(4);
    expect(await inspector.llen(mailbox)).toBe(0);
  });

  it('wakes a waiter on the other worker at once when the turn ends (no polling needed)', async () => {
    const slow = gate();
    const { a, b, turns } = twoWorkers({
      pipeline: { lock: { pollIntervalMs: 10_000, maxPollIntervalMs: 10_000 } },
      during: async (_c, turn) => (turn === 1 ? slow.promise : undefined),
    });
    const say = conversationMessage('wake');
    const first = a.handle(say('первый'));
    await until(() => turns.length === 1);
    const second = b.handle(say('второй'));
    await sleep(100);
    const released = Date.now();
    slow.open();
    expect(texts(await second)).toEqual(['B: второй']);
    expect(Date.now() - released).toBeLessThan(1_000);
    await first;
  });

  it('keeps the lock renewed through a turn longer than the lock TTL', async () => {
    const { a, b, turns } = twoWorkers({
      pipeline: { lock: { lockTtlMs: 300, renewEveryMs: 60 } },
      during: async (_c, turn) => (turn === 1 ? sleep(900) : undefined),
    });
    const say = conversationMessage('renew');
    const first = a.handle(say('долгий ход'));
    await until(() => turns.length === 1);
    const second = b.handle(say('второй'));
    await Promise.all([first, second]);
    expect(turns.map((t) => t.text)).toEqual(['долгий ход', 'второй']);
  });

  it('takes over from a worker that died holding the lock, and carries its queued message', async () => {
    const { b, turns } = twoWorkers({});
    const dead = new RedisConversationLockStore({ client: connect(), keyPrefix: `${keyPrefix}conv:` });
    // The dead worker took the lock (short TTL, never renewed) and another of its callers queued a message.
    await dead.acquire('test:user-dead:dead', { token: 'dead', lockTtlMs: 300, mailboxTtlMs: 60_000 });
    await dead.acquire('test:user-dead:dead', { token: 'orphan', lockTtlMs: 300, mailboxTtlMs: 60_000, entry: { activityId: 'orphan', text: 'осиротевшее' } });
    const started = Date.now();
    const replies = await b.handle(conversationMessage('dead')('живое'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(texts(replies)).toEqual(['B: осиротевшее\nживое']);
    expect(turns).toHaveLength(1);
  });

  it('drops a redelivery that reaches the other worker', async () => {
    const { a, b, turns } = twoWorkers({});
    const update = message('привет', { id: 'update-77', channel: 'telegram', conversationId: 'dup' });
    const results = await Promise.all([a.handle(update), b.handle({ ...update, user: { ...update.user } })]);
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    expect(turns).toHaveLength(1);
  });

  it('rate-limits a shopper across workers', async () => {
    const { a, b } = twoWorkers({ pipeline: { rateLimit: { limit: 3 } } });
    const shopper = { channelUserId: 'x', shopperId: `shopper-${keyPrefix}` };
    const say = (text: string, conversationId: string): Activity => message(text, { conversationId, user: { ...shopper } });
    await a.handle(say('1', 'r1'));
    await b.handle(say('2', 'r2'));
    await a.handle(say('3', 'r3'));
    const fourth = say('4', 'r4');
    const replies = await b.handle(fourth);
    expect(texts(replies)[0]).toMatch(/^ru\|errors:rate_limited\|\{"seconds":(59|60)\}$/);
    expect(turnOutcome(fourth).kind).toBe('rate_limited');
  });
});
