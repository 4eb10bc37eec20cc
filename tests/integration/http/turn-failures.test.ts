import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { TurnHandler } from '../../../core/bot.ts';
import { RateLimitError } from '../../../core/errors.ts';
import { shopperToken, startTestServer } from './test-server.ts';

async function send(app: FastifyInstance, text: string, accept?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/inapp/messages',
    headers: { authorization: `Bearer ${await shopperToken('failing')}`, ...(accept ? { accept } : {}) },
    payload: { text },
  });
}

async function metric(app: FastifyInstance, name: string): Promise<string[]> {
  const body = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  return body.split('\n').filter((line) => line.startsWith(name));
}

describe('a turn that fails', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('answers a handler bug with a polite apology in the shopper language, never a 500, and counts it', async () => {
    const handler: TurnHandler = async () => {
      throw new TypeError('cannot read properties of undefined');
    };
    app = await startTestServer({ handler: () => handler });
    const response = await send(app, 'hello');
    expect(response.statusCode).toBe(200);
    expect(response.json().replies[0].text).toMatch(/something broke/);
    expect(await metric(app, 'sovetnik_errors_total')).toContain('sovetnik_errors_total{code="internal"} 1');
    expect(await metric(app, 'sovetnik_turns_total')).toContain('sovetnik_turns_total{channel="inapp",outcome="failed"} 1');
  });

  it('aborts a turn that runs past TURN_TIMEOUT_MS and says so', async () => {
    let aborted = false;
    const handler: TurnHandler = (context) =>
      new Promise((_, reject) => {
        context.signal.addEventListener('abort', () => {
          aborted = true;
          reject(context.signal.reason);
        });
      });
    app = await startTestServer({ env: { TURN_TIMEOUT_MS: '150' }, handler: () => handler });
    const response = await send(app, 'привет');
    expect(response.statusCode).toBe(200);
    expect(response.json().replies[0].text).toMatch(/думал слишком долго/);
    expect(aborted).toBe(true);
    expect(await metric(app, 'sovetnik_errors_total')).toContain('sovetnik_errors_total{code="timeout"} 1');
  });

  it('still answers when a handler ignores the abort signal', async () => {
    const handler: TurnHandler = () => new Promise(() => {});
    app = await startTestServer({ env: { TURN_TIMEOUT_MS: '100' }, handler: () => handler });
    const response = await send(app, 'hello', 'text/event-stream');
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/event: reply\ndata: .*took too long/);
    expect(response.body).toMatch(/event: done/);
  });

  it('answers a shopper over RATE_LIMIT_PER_MINUTE politely, in their language', async () => {
    app = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    expect((await send(app, 'hello')).json().replies[0].text).toMatch(/I'm Sovetnik/);
    expect((await send(app, 'hello')).json().replies[0].text).toMatch(/I'm Sovetnik/);
    const limited = await send(app, 'hello');
    expect(limited.statusCode).toBe(200);
    expect(limited.json().replies[0].text).toMatch(/writing very fast.*try again in \d+ s/);
  });

  it('passes client errors such as a rate limit through as 4xx error JSON', async () => {
    const handler: TurnHandler = async () => {
      throw new RateLimitError(12);
    };
    app = await startTestServer({ handler: () => handler });
    const response = await send(app, 'hello');
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('12');
    expect(response.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/retry in 12 s/) } });
  });
});
