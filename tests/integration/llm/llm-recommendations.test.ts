import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../bots/shopping-assistant/config.ts';
import { createServer } from '../../../bots/shopping-assistant/server.ts';
import { CATALOG } from '../../unit/context/fixtures.ts';
import { parseSse, shopperToken, TEST_SECRET } from '../http/test-server.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../support/fake-openai-server.ts';

const API_KEY = 'llm-recommendations-key-0123456789';

interface Event { event: string; data: Record<string, unknown> }

// With LLM_BASE_URL set, the model (here a local server speaking the OpenAI wire protocol, as vLLM does)
// introduces recommendations from the published prompt template; the cards stay exact; a dead model costs nothing.
describe('recommendations introduced by the LLM', () => {
  let llm: FakeOpenAiServer;
  let app: FastifyInstance;
  beforeAll(async () => {
    llm = await startFakeOpenAiServer();
    app = await createServer({
      config: parseConfig({
        LOG_LEVEL: 'silent', SOVETNIK_API_KEY: API_KEY, DEMO_DATA: 'off', INAPP_JWT_SECRET: TEST_SECRET,
        LLM_BASE_URL: llm.url, LLM_MODEL: 'Qwen/Qwen2.5-7B-Instruct', LLM_TIMEOUT_MS: '500',
      }),
    });
    await app.inject({ method: 'PUT', url: '/api/v1/catalog/items', headers: { authorization: `Bearer ${API_KEY}` }, payload: { items: CATALOG } });
  });
  afterAll(async () => {
    await app.close();
    await llm.close();
  });
  beforeEach(() => {
    llm.requests.length = 0;
  });

  async function ask(shopperId: string, text: string): Promise<Event[]> {
    const response = await app.inject({
      method: 'POST', url: '/api/v1/inapp/messages', payload: { text, locale: 'ru' },
      headers: { authorization: `Bearer ${await shopperToken(shopperId)}`, accept: 'text/event-stream' },
    });
    expect(response.statusCode).toBe(200);
    return parseSse(response.body) as Event[];
  }

  it('streams the model introduction, then the exact cards', async () => {
    llm.behaviour = { chunks: ['Вот лёгкие ', 'варианты до 200 ₽.'] };
    const events = await ask('llm-1', 'посоветуй что-нибудь веганское до 200 рублей в самокате');
    const deltas = events.filter((e) => e.event === 'delta').map((e) => e.data.text);
    const replies = events.filter((e) => e.event === 'reply').map((e) => e.data);
    expect(replies[0]).toMatchObject({ type: 'text', text: 'Вот лёгкие варианты до 200 ₽.' });
    const cards = replies[1] as { type: string; text?: string; cards: Array<{ itemId: string; price: number }> };
    // The model's chunks, then the cards reply's own text (its question), if any, as one delta.
    expect(deltas).toEqual(['Вот лёгкие ', 'варианты до 200 ₽.', ...(cards.text ? [cards.text] : [])]);
    expect(cards.type).toBe('cards');
    expect(cards.cards.length).toBeGreaterThan(0);
    for (const card of cards.cards) expect(card.price).toBeLessThanOrEqual(200);
    // The prompt is the shipped template with the selected items as its only facts.
    const messages = llm.requests[0]?.body.messages as Array<{ role: string; content: string }>;
    expect(messages[0]?.content).toMatch(/Советник/);
    for (const card of cards.cards) expect(messages[1]?.content).toContain(String(card.price));
  });

  it('answers with the template introduction when the model is down', async () => {
    llm.behaviour = { status: 503 };
    const events = await ask('llm-2', 'посоветуй что-нибудь веганское');
    const replies = events.filter((e) => e.event === 'reply').map((e) => e.data);
    expect(replies[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/\S/) });
    expect(replies[0]?.text).not.toMatch(/варианты до 200/);
    expect(replies[1]).toMatchObject({ type: 'cards' });
  });
});
