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

  /** Whether the connection is gone or the stream ended: nothing more can be written. */
  get closed(): boolean {
    const raw = this.#reply.raw;
    return raw.writableEnded || raw.destroyed;
  }

  /** Sends one event with a JSON payload; nothing once the client has gone away. */
  send(event: string, data: unknown): void {
    if (this.closed) return;
    this.#start().write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends the stream. */
  end(): void {
    if (this.closed) return;
    this.#start().end();
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
