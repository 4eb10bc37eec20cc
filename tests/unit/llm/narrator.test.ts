import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../core/activity.ts';
import type { ChatMessage, ChatModel } from '../../../core/llm/chat-model.ts';
import { createNarrator, type NarrationInput } from '../../../core/llm/narrator.ts';
import { validatePromptTemplate, type PromptTemplate } from '../../../core/llm/prompt-template.ts';
import { settleReply } from '../../../core/reply.ts';

const shipped = (locale: Locale): PromptTemplate =>
  validatePromptTemplate(JSON.parse(readFileSync(join(import.meta.dirname, `../../../prompts/shopping-assistant/recommend.${locale}.json`), 'utf8')));

/** A chat model that records its prompts and answers with fixed chunks, or fails. */
function fakeModel(behaviour: { chunks?: string[]; fail?: boolean }): ChatModel & { prompts: ChatMessage[][] } {
  const prompts: ChatMessage[][] = [];
  return {
    name: 'fake',
    prompts,
    async *stream(messages) {
      prompts.push(messages);
      if (behaviour.fail) throw new Error('GPU on fire');
      for (const chunk of behaviour.chunks ?? []) yield chunk;
    },
  };
}

const input: NarrationInput = {
  locale: 'ru',
  request: 'ужин на двоих до 1000 рублей, позвоните +7 916 123-45-67',
  constraints: 'до 1000 ₽, в Самокате',
  items: ['Паста — Самокат — 150 ₽ — вы заказываете её раз в неделю'],
  fallback: 'Вот что я подобрал:',
};

describe('narrator', () => {
  it('streams the model answer from the published template, with personal data removed from the prompt', async () => {
    const model = fakeModel({ chunks: ['Для ужина ', 'подойдёт паста.'] });
    const narrator = createNarrator({ model, bot: 'shopping-assistant', prompts: { getPublished: async (_b, _u, l) => shipped(l) } });
    expect(await settleReply(narrator.narrate(input))).toEqual({ type: 'text', text: 'Для ужина подойдёт паста.' });
    const user = model.prompts[0]?.[1]?.content ?? '';
    expect(user).toContain('- Паста — Самокат — 150 ₽');
    expect(user).toContain('до 1000 ₽, в Самокате');
    expect(user).toContain('[phone]');
    expect(user).not.toContain('916');
  });

  it('uses whatever template the studio published', async () => {
    const model = fakeModel({ chunks: ['ok'] });
    const edited = { ...shipped('en'), system: 'Answer like a pirate.' };
    const narrator = createNarrator({ model, bot: 'shopping-assistant', prompts: { getPublished: async () => edited } });
    await settleReply(narrator.narrate({ ...input, locale: 'en' }));
    expect(model.prompts[0]?.[0]).toEqual({ role: 'system', content: 'Answer like a pirate.' });
  });

  it('falls back to the template answer when the model fails, the template is missing or broken', async () => {
    const failing = createNarrator({ model: fakeModel({ fail: true }), bot: 'b', prompts: { getPublished: async (_b, _u, l) => shipped(l) } });
    expect(await settleReply(failing.narrate(input))).toEqual({ type: 'text', text: input.fallback });
    const model = fakeModel({ chunks: ['never'] });
    const missing = createNarrator({ model, bot: 'b', prompts: { getPublished: async () => undefined } });
    expect(await settleReply(missing.narrate(input))).toEqual({ type: 'text', text: input.fallback });
    const throwing = createNarrator({ model, bot: 'b', prompts: { getPublished: async () => Promise.reject(new Error('db down')) } });
    expect(await settleReply(throwing.narrate(input))).toEqual({ type: 'text', text: input.fallback });
    expect(model.prompts).toHaveLength(0);
  });
});
