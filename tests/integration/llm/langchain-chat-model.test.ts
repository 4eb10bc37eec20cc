import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLangChainChatModel } from '../../../adapters/llm/langchain-chat-model.ts';
import { completeText } from '../../../core/llm/chat-model.ts';
import { llmReply } from '../../../core/llm/llm-reply.ts';
import { withResilience } from '../../../core/llm/resilient-chat-model.ts';
import { settleReply } from '../../../core/reply.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../support/fake-openai-server.ts';

describe('LangChain chat model against an OpenAI-compatible server', () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
  });
  afterAll(async () => server.close());
  beforeEach(() => {
    server.behaviour = {};
    server.requests.length = 0;
  });

  const model = () => createLangChainChatModel({ baseUrl: server.url, model: 'qwen-test', maxRetries: 0 });

  it('streams the chunks the server sends, with the prompt in the request', async () => {
    server.behaviour = { chunks: ['При', 'вет', '!'] };
    const text = await completeText(model(), [
      { role: 'system', content: 'You are Sovetnik.' },
      { role: 'user', content: 'привет' },
    ]);
    expect(text).toBe('Привет!');
    expect(server.requests[0]?.path).toBe('/v1/chat/completions');
    expect(server.requests[0]?.body).toMatchObject({ model: 'qwen-test', stream: true });
    expect((server.requests[0]?.body.messages as unknown[]).length).toBe(2);
  });

  it('adds /v1 for Ollama endpoints', async () => {
    const ollama = createLangChainChatModel({ baseUrl: server.url.replace(/\/v1$/, ''), provider: 'ollama', model: 'qwen2.5' });
    expect(await completeText(ollama, [{ role: 'user', content: 'hi' }])).toBe('ok');
  });

  it('falls back to the template when the server fails', async () => {
    server.behaviour = { status: 500 };
    const reply = llmReply({ model: withResilience(model()), messages: [{ role: 'user', content: 'x' }], fallback: 'шаблон' });
    expect(await settleReply(reply)).toEqual({ type: 'text', text: 'шаблон' });
  });

  it('falls back when the server is too slow, and opens the circuit after repeated failures', async () => {
    server.behaviour = { delayMs: 500 };
    const resilient = withResilience(model(), { firstChunkTimeoutMs: 50, breaker: { failureThreshold: 2, resetAfterMs: 60_000 } });
    for (let i = 0; i < 2; i += 1) {
      const reply = llmReply({ model: resilient, messages: [{ role: 'user', content: 'x' }], fallback: 'fallback' });
      expect(await settleReply(reply)).toEqual({ type: 'text', text: 'fallback' });
    }
    expect(resilient.breaker.state).toBe('open');
    const before = server.requests.length;
    const reply = llmReply({ model: resilient, messages: [{ role: 'user', content: 'x' }], fallback: 'still answered' });
    expect(await settleReply(reply)).toEqual({ type: 'text', text: 'still answered' });
    expect(server.requests.length).toBe(before);
  });
});
