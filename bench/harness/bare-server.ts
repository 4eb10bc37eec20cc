// The baseline: a bare fastify route that parses the same JSON body and returns a constant.
import { fastify } from 'fastify';
import { reportCpuOnSignal } from './server-process.ts';

const app = fastify({ logger: false });
const constant = { conversationId: 'bare', replies: [{ type: 'text', text: 'ok' }] };
app.post('/api/v1/inapp/messages', async () => constant);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
reportCpuOnSignal();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
