import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnHandler } from '../../../core/bot.ts';
import { parseSse, shopperToken, startTestServer } from './test-server.ts';

describe('web channel', () => {
  let app: FastifyInstance;
  const channels: string[] = [];
  const recordChannel: TurnHandler = async (context) => {
    channels.push(context.activity.channel);
    await context.reply(`channel ${context.activity.channel}, shopper ${context.shopperId ?? '-'}`);
  };

  beforeAll(async () => {
    app = await startTestServer({ handler: () => recordChannel });
  });
  afterAll(() => app.close());

  it('serves the widget page, its assets and UI strings for both languages', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.body).toContain('<ol class="messages" id="messages" role="log" aria-live="polite"');
    for (const [file, type] of [['widget.js', /javascript/], ['widget.css', /css/], ['icon.svg', /svg/]] as const) {
      const asset = await app.inject({ method: 'GET', url: `/widget/${file}` });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toMatch(type);
      const cached = await app.inject({ method: 'GET', url: `/widget/${file}`, headers: { 'if-none-match': asset.headers.etag as string } });
      expect(cached.statusCode).toBe(304);
    }
    const ru = (await app.inject({ method: 'GET', url: '/widget/i18n/ru.json' })).json();
    const en = (await app.inject({ method: 'GET', url: '/widget/i18n/en.json' })).json();
    expect(ru.send).toBe('Отправить');
    expect(en.send).toBe('Send');
    expect((await app.inject({ method: 'GET', url: '/widget/i18n/de.json' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/widget/..%2F..%2Fpackage.json' })).statusCode).toBe(404);
  });

  it('issues an anonymous web session token marked with the web channel', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/web/session' });
    expect(response.statusCode).toBe(201);
    const session = response.json();
    expect(session).toEqual({ token: expect.any(String), shopperId: expect.stringMatching(/^web-/), expiresAt: expect.any(String) });
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
    const claims = decodeJwt(session.token);
    expect(claims.sub).toBe(session.shopperId);
    expect(claims.ch).toBe('web');
    const other = (await app.inject({ method: 'POST', url: '/api/v1/web/session' })).json();
    expect(other.shopperId).not.toBe(session.shopperId);
  });

  it('rejects a session request with fields', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/web/session', payload: { shopperId: 'admin' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/unknown field 'shopperId'/);
  });

  it('runs web turns on the web channel, on both message routes, and keeps in-app tokens off the web route', async () => {
    const { token, shopperId } = (await app.inject({ method: 'POST', url: '/api/v1/web/session' })).json();
    channels.length = 0;
    for (const url of ['/api/v1/web/messages', '/api/v1/inapp/messages']) {
      const response = await app.inject({
        method: 'POST', url, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, payload: { text: 'hi' },
      });
      expect(response.statusCode).toBe(200);
      const events = parseSse(response.body);
      const text = `channel web, shopper ${shopperId}`;
      expect(events.map((e) => e.event)).toEqual(['delta', 'reply', 'done']);
      expect(events[0]?.data).toEqual({ text });
      expect(events[1]?.data).toEqual({ type: 'text', text });
    }
    expect(channels).toEqual(['web', 'web']);
    const inapp = await app.inject({
      method: 'POST', url: '/api/v1/web/messages', headers: { authorization: `Bearer ${await shopperToken('alice')}` }, payload: { text: 'hi' },
    });
    expect(inapp.statusCode).toBe(403);
    expect(inapp.json().error.code).toBe('forbidden');
  });
});
