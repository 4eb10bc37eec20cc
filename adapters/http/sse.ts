import type { FastifyReply } from 'fastify';

/** Whether the client asked for server-sent events. */
export function wantsEventStream(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes('text/event-stream');
}

/**
 * A server-sent events writer that takes over the response only at the first event, so a request that
 * fails before anything was sent still gets a normal JSON error with its proper status.
 */
export class EventStream {
  readonly #reply: FastifyReply;
  #started = false;

  constructor(reply: FastifyReply) {
    this.#reply = reply;
  }

  get started(): boolean {
    return this.#started;
  }

  /** Sends one event with a JSON payload. */
  send(event: string, data: unknown): void {
    const raw = this.#start();
    if (raw.writableEnded || raw.destroyed) return;
    raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends the stream. */
  end(): void {
    const raw = this.#start();
    if (!raw.writableEnded) raw.end();
  }

  #start(): FastifyReply['raw'] {
    const raw = this.#reply.raw;
    if (!this.#started) {
      this.#started = true;
      this.#reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
    }
    return raw;
  }
}
