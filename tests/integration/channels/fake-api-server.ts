import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake API received, with its body parsed (JSON or form). */
export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  raw: string;
}

/** What the fake answers. */
export interface FakeAnswer {
  status?: number;
  /** Response headers besides the JSON content type (e.g. a 429's Retry-After). */
  headers?: Record<string, string>;
  body: unknown;
}

/** A local HTTP server standing in for a messenger's API; it records what it gets. */
export interface FakeApiServer {
  url: string;
  calls: RecordedCall[];
  /** Resolves with the calls once `predicate` holds (polls; fails after `timeoutMs`). */
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    const value = JSON.parse(raw) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : { value };
  } catch {
    return { unparsed: raw };
  }
}

/** Starts a fake API on a free loopback port; `respond` decides each answer. */
export async function startFakeApi(respond: (call: RecordedCall) => FakeAnswer | Promise<FakeAnswer>): Promise<FakeApiServer> {
  const calls: RecordedCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const call: RecordedCall = {
        method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/', headers: req.headers,
        body: parseBody(raw, req.headers['content-type']), raw,
      };
      calls.push(call);
      Promise.resolve(respond(call)).then(
        (answer) => {
          res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
          res.end(JSON.stringify(answer.body));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: String(error) }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    async waitFor(predicate, timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline) throw new Error(`fake API did not get the expected calls; got ${calls.map((c) => c.path).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return calls;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
