// The assistant's real server for the in-app throughput benchmark, in its own process.
// BENCH_HANDLER=basic runs the foundation's greeting/help handler instead of the full shopping dialogs,
// to measure the HTTP + auth + pipeline + session path on its own.
import { parseConfig } from '../bots/shopping-assistant/config.ts';
import { createServer } from '../bots/shopping-assistant/server.ts';
import { createBasicReplies } from '../dialogs/shopping-assistant/basic-replies.ts';
import { reportCpuOnSignal } from './harness/server-process.ts';

const config = parseConfig({ ...process.env, PORT: '0' });
const app = await createServer({ config, ...(process.env.BENCH_HANDLER === 'basic' ? { handler: createBasicReplies } : {}) });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
reportCpuOnSignal();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
