import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopperToken, startTestServer } from './test-server.ts';

describe('operations endpoints', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startTestServer();
  });
  afterAll(() => app.close());

  it('reports every component and its state at /healthz', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      status: 'ok',
      components: { sessions: { state: 'up', kind: 'memory' }, pipeline: { state: 'up', kind: 'memory' } },
    });
    for (const component of Object.values(body.components)) {
      expect(component).toEqual({ state: 'up', kind: expect.any(String) });
    }
  });

  it('exposes turns, turn latency, errors by code and HTTP metrics at /metrics', async () => {
    const token = await shopperToken('metrics');
    await app.inject({ method: 'POST', url: '/api/v1/inapp/messages', headers: { authorization: `Bearer ${token}` }, payload: { text: 'привет' } });
    await app.inject({ method: 'POST', url: '/api/v1/inapp/messages', headers: { authorization: `Bearer ${token}` }, payload: { text: 7 } });
    await app.inject({ method: 'POST', url: '/api/v1/inapp/messages', payload: { text: 'hi' } });
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const lines = response.body.split('\n');
    expect(lines).toContain('sovetnik_turns_total{channel="inapp",outcome="ok"} 1');
    expect(lines).toContain('sovetnik_turn_duration_seconds_count{channel="inapp"} 1');
    expect(lines).toContain('sovetnik_errors_total{code="validation_failed"} 1');
    expect(lines).toContain('sovetnik_errors_total{code="unauthorized"} 1');
    expect(lines).toContain('sovetnik_http_requests_total{method="POST",route="/api/v1/inapp/messages",status="200"} 1');
    expect(lines).toContain('sovetnik_http_requests_total{method="POST",route="/api/v1/inapp/messages",status="400"} 1');
    expect(lines.some((line) => line.startsWith('sovetnik_http_request_duration_seconds_bucket{'))).toBe(true);
    expect(lines.some((line) => line.startsWith('sovetnik_process_cpu_seconds_total'))).toBe(true);
  });
});
