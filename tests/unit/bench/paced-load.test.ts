import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runPacedLoad } from '../../../bench/harness/paced-load.ts';

let server: Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server answering each request after `delayMs`, with the status the body asks for. */
async function slowServer(delayMs: number): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      bodies.push(body);
      setTimeout(() => {
        res.writeHead((JSON.parse(body) as { status: number }).status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ echo: body }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/x`, bodies };
}

describe('runPacedLoad', () => {
  it('sends every scheduled request with its own body and counts non-2xx answers', async () => {
    const { url, bodies } = await slowServer(1);
    let i = 0;
    const figures = await runPacedLoad({
      url, connections: 4, rate: 200, durationSeconds: 0.2,
      // A stale Content-Length from the caller (autocannon writes one into shared header objects) must not be sent.
      next: () => ({ headers: { 'content-type': 'application/json', 'Content-Length': '1' }, body: JSON.stringify({ status: i++ % 4 === 0 ? 500 : 200, pad: 'щ'.repeat(i) }) }),
    });
    expect(figures.requests).toBe(40);
    expect(figures.errors).toBe(0);
    expect(figures.non2xx).toBe(10);
    expect(bodies).toHaveLength(40);
    expect(new Set(bodies).size).toBe(40);
  });

  it('counts the wait for a free connection in the latency (no coordinated omission)', async () => {
    // One connection, 20 ms per answer (50 a second at best), 100 a second offered for 0.3 s: the 30th request is
    // due at 290 ms but cannot be answered before 600 ms, so at least ~300 ms of queueing must show.
    const { url } = await slowServer(20);
    const figures = await runPacedLoad({
      url, connections: 1, rate: 100, durationSeconds: 0.3,
      next: () => ({ headers: { 'content-type': 'application/json' }, body: '{"status":200}' }),
    });
    expect(figures.requests).toBe(30);
    expect(figures.latencyMs.max).toBeGreaterThanOrEqual(250);
    expect(figures.latencyMs.p50).toBeGreaterThanOrEqual(100);
  });
});
