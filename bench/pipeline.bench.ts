import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createRedisPipelineStores } from '../adapters/stores/redis/redis-pipeline-stores.ts';
import type { Activity } from '../core/activity.ts';
import { createBot, type Bot } from '../core/bot.ts';
import type { Translator } from '../core/i18n.ts';
import { createPipeline } from '../core/pipeline/create-pipeline.ts';
import { closePipelineStores, createMemoryPipelineStores, type PipelineStores } from '../core/pipeline/pipeline-stores.ts';
import type { Benchmark } from './harness/benchmark.ts';

const translator: Translator = { forLocale: () => (key) => key };
const CONVERSATIONS = 50;

interface RunFigures {
  turns: number;
  turnsPerSecond: number;
  /** Latency of one turn with nothing else running: the pipeline's own cost. */
  latencyMs: { p50: number; p99: number };
}

function botWith(stores: PipelineStores | undefined): Bot {
  const middleware = stores
    ? createPipeline({ stores, translator, rateLimit: { limit: 1_000_000_000 }, resolveShopper: async () => 'shopper' })
    : [];
  return createBot({ translator, middleware, handler: async (context) => context.reply('ok') });
}

let sequence = 0;
const activity = (conversation: number): Activity => ({
  type: 'message',
  id: `bench-${process.pid}-${(sequence += 1)}`,
  channel: 'test',
  conversationId: `bench-conv-${conversation}`,
  user: { channelUserId: `bench-user-${conversation}` },
  timestamp: new Date(),
  text: 'привет',
});

const percentile = (sorted: number[], p: number): number =>
  Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 1000) / 1000;

async function measure(bot: Bot, turnsPerConversation: number, sequentialTurns: number): Promise<RunFigures> {
  // Throughput: every conversation sends its messages one after another, all conversations at once.
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONVERSATIONS }, async (_, conversation) => {
      for (let i = 0; i < turnsPerConversation; i += 1) await bot.handle(activity(conversation));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const turns = CONVERSATIONS * turnsPerConversation;
  // Latency: one turn at a time, so the figure is the pipeline's cost rather than queueing.
  const latencies: number[] = [];
  for (let i = 0; i < sequentialTurns; i += 1) {
    const t0 = performance.now();
    await bot.handle(activity(i % CONVERSATIONS));
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  return {
    turns,
    turnsPerSecond: Math.round(turns / seconds),
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** REDIS_URL, or a throw-away redis-server on a free port. */
async function redisForBench(): Promise<{ url: string; stop(): void }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: () => {} };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sovetnik-bench-redis-'));
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  for (let tries = 0; ; tries += 1) {
    try {
      await probe.connect();
      break;
    } catch (error) {
      if (tries > 100) throw new Error("redis-server did not start", { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  probe.disconnect();
  return { url, stop: () => (child.kill('SIGTERM'), rmSync(dir, { recursive: true, force: true })) };
}

/**
 * The turn pipeline's cost (dedup, rate limit, identity hook, conversation lock) in process, with a
 * trivial handler: no pipeline vs the in-memory stores vs Redis stores (one local redis-server), so the
 * figures read as the share of a turn's budget (issue #6: a full turn p99 under 10 ms) the pipeline takes.
 */
export const benchmark: Benchmark = {
  name: 'pipeline',
  description: 'turn pipeline overhead in process: none vs in-memory stores vs Redis stores, 50 conversations',
  targets: [
    { figure: 'memory.latencyMs.p99', op: '<', value: 1, unit: 'ms' },
    { figure: 'redis.latencyMs.p99', op: '<', value: 5, unit: 'ms' },
    { figure: 'memoryVsBare', op: '>=', value: 0.2 },
  ],
  async run({ quick, log }) {
    const perConversation = quick ? 40 : 200;
    const sequential = quick ? 500 : 3_000;
    log('warming up');
    await measure(botWith(undefined), 10, 100);
    log('no pipeline');
    const bare = await measure(botWith(undefined), perConversation, sequential);
    log('in-memory pipeline stores');
    const memoryStores = createMemoryPipelineStores();
    await measure(botWith(memoryStores), 10, 100);
    const memory = await measure(botWith(memoryStores), perConversation, sequential);
    await closePipelineStores(memoryStores);
    const redisServer = await redisForBench();
    const client = new Redis(redisServer.url);
    try {
      log('Redis pipeline stores');
      const stores = createRedisPipelineStores({ client, keyPrefix: `bench:${process.pid}:` });
      await measure(botWith(stores), 5, 100);
      const redis = await measure(botWith(stores), Math.ceil(perConversation / 4), Math.ceil(sequential / 3));
      await closePipelineStores(stores);
      return {
        conversations: CONVERSATIONS,
        bare,
        memory,
        redis,
        memoryVsBare: Math.round((memory.turnsPerSecond / bare.turnsPerSecond) * 1000) / 1000,
        redisVsMemory: Math.round((redis.turnsPerSecond / memory.turnsPerSecond) * 1000) / 1000,
      };
    } finally {
      client.disconnect();
      redisServer.stop();
    }
  },
};
