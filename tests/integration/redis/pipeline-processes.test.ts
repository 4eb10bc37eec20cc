import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../../core/activity.ts';
import type { TurnOutcome } from '../../../core/pipeline/turn-outcome.ts';
import type { Reply } from '../../../core/reply.ts';
import { connectTestRedis, uniquePrefix } from './redis-test-client.ts';

const script = fileURLToPath(new URL('./pipeline-worker-process.ts', import.meta.url));
const keyPrefix = uniquePrefix('processes');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Result {
  replies?: Reply[];
  outcome?: TurnOutcome;
  error?: string;
}

/** A real worker process running the Redis pipeline; `handle` sends it an activity over IPC. */
class Worker {
  readonly turns: { worker: string; text: string }[];
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, (result: Result) => void>();
  readonly ready: Promise<void>;
  #next = 0;

  constructor(name: string, turns: { worker: string; text: string }[], env: Record<string, string>) {
    this.turns = turns;
    this.#child = fork(script, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      env: { ...process.env, WORKER_NAME: name, KEY_PREFIX: keyPrefix, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise((resolve) => {
      this.#child.on('message', (message: { event: string; id?: number; worker?: string; text?: string } & Result) => {
        if (message.event === 'ready') resolve();
        if (message.event === 'turn') turns.push({ worker: message.worker ?? '', text: message.text ?? '' });
        if (message.event === 'result' && message.id !== undefined) this.#pending.get(message.id)?.(message);
      });
    });
  }

  handle(activity: Activity): Promise<Result> {
    const id = (this.#next += 1);
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#child.send({ id, activity });
    });
  }

  /** Lets this worker's slow turn finish. */
  go(): void {
    this.#child.send({ event: 'go' });
  }

  kill(): void {
    this.#child.kill('SIGKILL');
  }

  stop(): void {
    if (this.#child.connected) this.#child.disconnect();
  }
}

const workers: Worker[] = [];
let inspector: Redis | undefined;
afterAll(() => {
  for (const worker of workers) worker.stop();
  inspector?.disconnect();
});

async function startWorkers(env: Record<string, string> = {}): Promise<{ a: Worker; b: Worker; turns: { worker: string; text: string }[] }> {
  const turns: { worker: string; text: string }[] = [];
  const redisEnv = { REDIS_URL: connectTestRedisUrl(), ...env };
  const [a, b] = [new Worker('A', turns, redisEnv), new Worker('B', turns, redisEnv)];
  workers.push(a, b);
  await Promise.all([a.ready, b.ready]);
  return { a, b, turns };
}

function connectTestRedisUrl(): string {
  inspector ??= connectTestRedis();
  const { host, port, db } = inspector.options;
  return `redis://${host}:${port}/${db ?? 0}`;
}

let counter = 0;
const say = (conversationId: string, text: string): Activity => ({
  type: 'message',
  id: `p${(counter += 1)}`,
  channel: 'test',
  conversationId,
  user: { channelUserId: `user-${conversationId}` },
  timestamp: new Date(),
  text,
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

describe('two worker processes sharing one Redis', () => {
  it('coalesces a burst sent to both processes into one next turn, answered exactly once', async () => {
    const { a, b, turns } = await startWorkers({ SLOW_MS: '20000' });
    const first = a.handle(say('burst', 'slow start'));
    await until(() => turns.length === 1);
    const mailbox = `${keyPrefix}conv:{test:user-burst:burst}:mailbox`;
    const burst = ['one', 'two', 'three', 'four', 'five'];
    const pending: Promise<Result>[] = [];
    for (const [i, text] of burst.entries()) {
      pending.push((i % 2 === 0 ? b : a).handle(say('burst', text)));
      await until(async () => (await inspector!.llen(mailbox)) >= i + 1);
    }
    expect(turns).toHaveLength(1);
    a.go();
    const [firstResult, ...results] = await Promise.all([first, ...pending]);

    expect(firstResult.replies).toEqual([{ type: 'text', text: 'A: slow start' }]);
    expect(turns.map((t) => t.text)).toEqual(['slow start', 'one\ntwo\nthree\nfour\nfive']);
    expect(results.filter((r) => (r.replies?.length ?? 0) > 0)).toHaveLength(1);
    expect(results.filter((r) => r.outcome?.kind === 'coalesced')).toHaveLength(4);
    expect(results.every((r) => r.error === undefined)).toBe(true);
  });

  it('lets the other process take over when a worker is killed in the middle of a turn', async () => {
    const { a, b, turns } = await startWorkers({ SLOW_MS: '60000', LOCK_TTL_MS: '600' });
    void a.handle(say('crash', 'slow and doomed'));
    await until(() => turns.length === 1);
    a.kill();
    const started = Date.now();
    const result = await b.handle(say('crash', 'anyone there?'));
    expect(result.replies).toEqual([{ type: 'text', text: 'B: anyone there?' }]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
