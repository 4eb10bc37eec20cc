// The assistant's real server for the in-app throughput benchmark, in its own process.
import { parseConfig } from '../bots/shopping-assistant/config.ts';
import { createServer } from '../bots/shopping-assistant/server.ts';
import { reportCpuOnSignal } from './harness/server-process.ts';

const config = parseConfig({ ...process.env, PORT: '0' });
const app = await createServer({ config });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
reportCpuOnSignal();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
