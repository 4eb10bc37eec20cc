import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../bots/shopping-assistant/config.ts';
import { createServer } from '../../../bots/shopping-assistant/server.ts';
import { CATALOG } from '../../unit/context/fixtures.ts';
import { shopperToken, TEST_SECRET } from '../http/test-server.ts';

const API_KEY = 'recommender-learns-key-0123456789';
const auth = { authorization: `Bearer ${API_KEY}` };

interface Card { itemId: string; reason?: string }

// Events posted through the public API reach the recommender's global statistics (popularity, similar shoppers),
// not only the profiles.
describe('the recommender learns from ingested events', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createServer({ config: parseConfig({ LOG_LEVEL: 'silent', SOVETNIK_API_KEY: API_KEY, DEMO_DATA: 'off', INAPP_JWT_SECRET: TEST_SECRET }) });
    await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers: auth, payload: { items: CATALOG } });
    const events = [];
    for (let u = 0; u < 6; u += 1) {
      events.push({ id: `t${u}`, userId: `u${u}`, service: 'samokat', type: 'order', itemId: 'tofu', ts: `2026-03-0${u + 1}T10:00:00Z` });
      events.push({ id: `a${u}`, userId: `u${u}`, service: 'kuper', type: 'order', itemId: 'apples', ts: `2026-03-0${u + 1}T11:00:00Z` });
    }
    events.push({ id: 'n1', userId: 'newbie', service: 'samokat', type: 'order', itemId: 'tofu', ts: '2026-03-09T10:00:00Z' });
    const posted = await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload: { events } });
    expect(posted.json()).toMatchObject({ accepted: 13 });
  });
  afterAll(() => app.close());

  async function cards(shopperId: string, text: string): Promise<Card[]> {
    const token = await shopperToken(shopperId);
    const response = await app.inject({ method: 'POST', url: '/api/v1/inapp/messages', headers: { authorization: `Bearer ${token}` }, payload: { text, locale: 'ru' } });
    const reply = response.json().replies.find((r: { type: string }) => r.type === 'cards');
    expect(reply, JSON.stringify(response.json())).toBeDefined();
    return reply.cards as Card[];
  }

  it('suggests what similar shoppers buy, saying so', async () => {
    const shown = await cards('newbie', 'что мне купить?');
    const apples = shown.find((c) => c.itemId === 'apples');
    expect(apples?.reason).toMatch(/6 покупател/);
  });

  it('gives a shopper without history the most bought items first, with the count', async () => {
    const shown = await cards('fresh', 'посоветуй что-нибудь');
    expect(shown.slice(0, 2).map((c) => c.itemId).sort()).toEqual(['apples', 'tofu']);
    expect(shown[0]?.reason).toMatch(/7 покупател/);
  });
});
