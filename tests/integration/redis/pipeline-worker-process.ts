// A worker process for pipeline-processes.test.ts: a bot with the Redis pipeline, driven over IPC.
// Turns whose text contains "slow" wait for the parent's "go" (or SLOW_MS); every turn is reported as it starts.
import { Redis } from 'ioredis';
import { createRedisPipelineStores } from '../../../adapters/stores/redis/redis-pipeline-stores.ts';
import type { Activity } from '../../../core/activity.ts';
import { createBot } from '../../../core/bot.ts';
import type { Translator } from '../../../core/i18n.ts';
import { createPipeline } from '../../../core/pipeline/create-pipeline.ts';
import { turnOutcome } from '../../../core/pipeline/turn-outcome.ts';

const name = process.env.WORKER_NAME ?? 'worker';
const slowMs = Number(process.env.SLOW_MS ?? 500);
let go: () => void = () => {};
const translator: Translator = { forLocale: (locale) => (key) => `${locale}|${key}` };
const client = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: 2 });
const stores = createRedisPipelineStores({ client, keyPrefix: process.env.KEY_PREFIX ?? 'sovetnik:' });
const bot = createBot({
  translator,
  middleware: createPipeline({ stores, translator, lock: { lockTtlMs: Number(process.env.LOCK_TTL_MS ?? 30_000) } }),
  handler: async (context) => {
    const text = context.activity.type === 'message' ? context.activity.text : '';
    process.send?.({ event: 'turn', worker: name, text });
    if (text.includes('slow')) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, slowMs);
        go = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    await context.reply(`${name}: ${text}`);
  },
});

process.on('message', (request: { id: number; activity: Activity } | { event: 'go' }) => {
  if ('event' in request) return go();
  bot.handle(request.activity).then(
    (replies) => process.send?.({ event: 'result', id: request.id, replies, outcome: turnOutcome(request.activity) }),
    (error: unknown) => process.send?.({ event: 'result', id: request.id, error: String(error) }),
  );
});
process.on('disconnect', () => {
  client.disconnect();
  process.exit(0);
});
client.ping().then(() => process.send?.({ event: 'ready' }));
