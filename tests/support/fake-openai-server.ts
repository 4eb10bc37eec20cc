import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake server answers the next chat completion. */
export interface FakeChatBehaviour {
  /** Chunks to stream (default: one chunk "ok"). */
  chunks?: string[];
  /** Delay before the first byte, in ms. */
  delayMs?: number;
  /** Delay between chunks, in ms. */
  chunkDelayMs?: number;
  /** Answer with this HTTP status and an OpenAI-style error instead. */
  status?: number;
}

/** A local HTTP server speaking the OpenAI chat-completions wire protocol (streaming and not), as vLLM does. */
export interface FakeOpenAiServer {
  url: string;
  requests: Array<{ path: string; body: Record<string, unknown> }>;
  behaviour: FakeChatBehaviour;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as Record<string, unknown>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the fake on a free loopback port. */
export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const state: FakeOpenAiServer = { url: '', requests: [], behaviour: {}, close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    const body = await readJson(req);
    state.requests.push({ path: req.url ?? '', body });
    const b = state.behaviour;
    if (b.delayMs) await sleep(b.delayMs);
    if (res.destroyed) return;
    if (b.status) {
      res.writeHead(b.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }));
      return;
    }
    const chunks = b.chunks ?? ['ok'];
    const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model: String(body.model) };
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, finish_reason: 'stop',
        message: { role: 'assistant', content: chunks.join('') } }] }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const [i, chunk] of chunks.entries()) {
      if (i > 0 && b.chunkDelayMs) await sleep(b.chunkDelayMs);
      if (res.destroyed) return;
      res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: chunk }, finish_reason: null }] })}\n\n`);
    }
    res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return state;
}
