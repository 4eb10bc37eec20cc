import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** Options for {@link runPacedLoad}. */
export interface PacedLoadOptions {
  url: string;
  /** Keep-alive connections; a request waits for a free one (and that wait counts in its latency). */
  connections: number;
  /** Requests per second, sent on an even schedule whatever the server's pace. */
  rate: number;
  durationSeconds: number;
  /** The next request's headers and body (e.g. the next shopper). */
  next: () => { headers: Record<string, string>; body: string };
  /** How long to wait for the last answers after the schedule ends (default 10 s). */
  drainMs?: number;
}

/** What a paced run measured; latency counts from when each request was due, not from when it was sent. */
export interface PacedLoadFigures {
  offeredPerSecond: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const HEADER_END = Buffer.from('\r\n\r\n');
const FRAMING = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * One keep-alive HTTP/1.1 connection that sends prepared requests and reads `Content-Length` framed answers (what
 * fastify sends for JSON), as cheaply as autocannon does, so the load generator takes little of the shared CPU.
 */
class PacedConnection {
  readonly #socket: Socket;
  #buffer: Buffer = Buffer.alloc(0);
  #due = 0;
  busy = false;

  constructor(host: string, port: number, private readonly onAnswer: (due: number, status: number | undefined) => void) {
    this.#socket = connect({ host, port, noDelay: true });
    this.#socket.on('data', (chunk: Buffer) => this.#read(chunk));
    this.#socket.on('error', () => this.#fail());
    this.#socket.on('close', () => this.#fail());
  }

  send(request: Buffer, due: number): void {
    this.busy = true;
    this.#due = due;
    this.#socket.write(request);
  }

  close(): void {
    this.#socket.destroy();
  }

  #read(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const headerEnd = this.#buffer.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = this.#buffer.toString('latin1', 0, headerEnd);
    const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.#buffer.length < headerEnd + 4 + length) return;
    this.#buffer = Buffer.alloc(0);
    this.busy = false;
    this.onAnswer(this.#due, Number(head.slice(9, 12)));
  }

  #fail(): void {
    if (!this.busy) return;
    this.busy = false;
    this.onAnswer(this.#due, undefined);
  }
}

function prepare(target: URL, next: PacedLoadOptions['next']): Buffer {
  const { headers, body } = next();
  const lines = [`POST ${target.pathname} HTTP/1.1`, `host: ${target.host}`, `content-length: ${Buffer.byteLength(body)}`];
  // The framing headers are ours (a caller's object may carry a stale Content-Length: autocannon adds one to it).
  for (const [name, value] of Object.entries(headers)) if (!FRAMING.has(name.toLowerCase())) lines.push(`${name}: ${value}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * An open load at a fixed rate (as wrk2 does), for latency below saturation. autocannon's `overallRate` sends each
 * connection's quota for a second in one burst at the start of the second, which measures saturated latency again.
 * Here request i is due at start + i/rate; when every connection is busy it waits for a free one, and that wait
 * counts in its latency (no coordinated omission).
 */
export async function runPacedLoad(options: PacedLoadOptions): Promise<PacedLoadFigures> {
  const target = new URL(options.url);
  const total = Math.max(1, Math.round(options.rate * options.durationSeconds));
  const latencies = new Float64Array(total);
  const waiting: { request: Buffer; due: number }[] = [];
  let answered = 0;
  let non2xx = 0;
  let errors = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const idle: PacedConnection[] = [];
  const onAnswer = (connection: PacedConnection) => (due: number, status: number | undefined) => {
    if (status === undefined) errors += 1;
    else if (status < 200 || status >= 300) non2xx += 1;
    latencies[answered] = performance.now() - due;
    answered += 1;
    if (answered === total) finish();
    const queued = waiting.shift();
    if (queued && status !== undefined) connection.send(queued.request, queued.due);
    else if (status !== undefined) idle.push(connection);
  };
  const connections = Array.from({ length: options.connections }, () => {
    const connection: PacedConnection = new PacedConnection(target.hostname, Number(target.port), (due, status) => answer(due, status));
    const answer = onAnswer(connection);
    idle.push(connection);
    return connection;
  });
  const start = performance.now();
  const intervalMs = 1000 / options.rate;
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
    for (; sent < due; sent += 1) {
      const request = prepare(target, options.next);
      const dueAt = start + sent * intervalMs;
      const connection = idle.pop();
      if (connection) connection.send(request, dueAt);
      else waiting.push({ request, due: dueAt });
    }
    if (sent === total) clearInterval(timer);
  }, 1);
  await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, options.durationSeconds * 1000 + (options.drainMs ?? 10_000)))]);
  clearInterval(timer);
  for (const connection of connections) connection.close();
  const elapsedSeconds = (performance.now() - start) / 1000;
  const measured = latencies.slice(0, answered).sort();
  return {
    offeredPerSecond: options.rate,
    requests: answered,
    requestsPerSecond: Math.round(answered / Math.max(elapsedSeconds, options.durationSeconds)),
    latencyMs: {
      p50: round2(percentile(measured, 50)),
      p90: round2(percentile(measured, 90)),
      p99: round2(percentile(measured, 99)),
      max: round2(measured[measured.length - 1] ?? Number.NaN),
      mean: round2(measured.reduce((sum, x) => sum + x, 0) / Math.max(1, measured.length)),
    },
    non2xx,
    errors: errors + (total - answered),
  };
}
