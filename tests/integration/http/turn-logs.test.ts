import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { TurnHandler } from '../../../core/bot.ts';
import { parseConfig } from '../../../bots/shopping-assistant/config.ts';
import { createServer } from '../../../bots/shopping-assistant/server.ts';
import { shopperToken, TEST_SECRET } from './test-server.ts';

/** A pino destination that keeps every line, parsed. */
function logSink(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('structured turn logs', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('carry the turn id (and channel, conversation) on lines the handler writes and on a failed turn', async () => {
    const sink = logSink();
    const handler: TurnHandler = async (context) => {
      context.logger.info({ step: 'before failing' }, 'handler note');
      throw new TypeError('a bug');
    };
    const config = parseConfig({ LOG_LEVEL: 'info', INAPP_JWT_SECRET: TEST_SECRET });
    app = await createServer({ config, handler: () => handler, logDestination: sink.stream });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/inapp/messages',
      headers: { authorization: `Bearer ${await shopperToken('logged')}` },
      payload: { text: 'hello', conversationId: 'conv-logged' },
    });
    expect(response.statusCode).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    const note = sink.lines.find((line) => line.msg === 'handler note');
    const failed = sink.lines.find((line) => line.msg === 'turn failed');
    expect(note).toMatchObject({ step: 'before failing', channel: 'inapp', conversationId: 'conv-logged', turnId: expect.any(String) });
    expect(failed).toMatchObject({ channel: 'inapp', code: 'internal', turnId: note?.turnId });
  });
});
