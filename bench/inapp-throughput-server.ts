// The assistant's real server for the in-app throughput benchmark, in its own process.
// BENCH_HANDLER=basic runs the foundation's greeting/help handler instead of the full shopping dialogs,
// to measure the HTTP + auth + pipeline + session path on its own. BENCH_HANDLER=floor keeps everything of the
// real server around the turn (fastify settings, error handling, metrics hooks, JWT, validation, activity building,
// JSON reply) but replaces the turn itself by a constant reply: the least any turn implementation could cost here.
import type { SerializableReply } from '../core/reply.ts';
import { createAppServices } from '../bots/shopping-assistant/app-services.ts';
import { parseConfig } from '../bots/shopping-assistant/config.ts';
import { createServer } from '../bots/shopping-assistant/server.ts';
import { createBasicReplies } from '../dialogs/shopping-assistant/basic-replies.ts';
import { reportCpuOnSignal } from './harness/server-process.ts';

const config = parseConfig({ ...process.env, PORT: '0' });
const handler = process.env.BENCH_HANDLER;
const constantReplies: SerializableReply[] = [
  { type: 'text', text: 'Привет! Я Советник.', quickReplies: [{ title: 'Что ты умеешь?', payload: 'capabilities' }] },
];
const app =
  handler === 'floor'
    ? await createServer({
        services: { ...(await createAppServices({ config, handler: createBasicReplies })), turns: { run: async () => constantReplies } },
      })
    : await createServer({ config, ...(handler === 'basic' ? { handler: createBasicReplies } : {}) });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
reportCpuOnSignal();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
