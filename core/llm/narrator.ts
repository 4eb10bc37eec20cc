import type { Locale } from '../activity.ts';
import type { Logger } from '../logger.ts';
import { silentLogger } from '../logger.ts';
import { redactPersonalData } from '../privacy/redact.ts';
import type { StreamReply } from '../reply.ts';
import type { ChatModel } from './chat-model.ts';
import { llmReply } from './llm-reply.ts';
import { renderPrompt, type PromptTemplate } from './prompt-template.ts';

/** Where the live prompt templates come from (the studio's published versions). */
export interface PromptSource {
  getPublished(bot: string, use: string, locale: Locale): Promise<PromptTemplate | undefined>;
}

/** What a selection of products is presented with. */
export interface NarrationInput {
  locale: Locale;
  /** What the shopper wrote; personal data is removed before it reaches the model. */
  request: string;
  /** The stated constraints in words ("до 1000 ₽, в Самокате"). */
  constraints: string;
  /** One line per product: title, service, price, reason — the only facts the model may use. */
  items: string[];
  /** The template answer, used when the model is missing, slow, down, or the template cannot be rendered. */
  fallback: string;
  signal?: AbortSignal;
}

/** Writes the words around a product selection. */
export interface Narrator {
  narrate(input: NarrationInput): StreamReply;
}

/** Options for {@link createNarrator}. */
export interface NarratorOptions {
  model: ChatModel;
  prompts: PromptSource;
  /** The bot whose templates are used, for example `shopping-assistant`. */
  bot: string;
  /** The template use (default `recommend`). */
  use?: string;
  logger?: Logger;
}

/**
 * The LLM's part of an answer: an introduction to the cards, from the prompt template product managers publish
 * in the studio, streamed as it is generated. It only ever rephrases facts it is given (the items' data and
 * reasons), and the shopper always gets an answer: any failure yields the template text instead.
 */
export function createNarrator(options: NarratorOptions): Narrator {
  const logger = options.logger ?? silentLogger;
  const use = options.use ?? 'recommend';
  return {
    narrate(input) {
      async function* chunks(): AsyncIterable<string> {
        let template: PromptTemplate | undefined;
        try {
          template = await options.prompts.getPublished(options.bot, use, input.locale);
        } catch (error) {
          logger.warn({ err: error, use, locale: input.locale }, 'prompt template unavailable; using the template answer');
        }
        if (!template) {
          yield input.fallback;
          return;
        }
        let messages;
        try {
          messages = renderPrompt(template, { request: redactPersonalData(input.request).text, constraints: input.constraints, items: input.items });
        } catch (error) {
          logger.warn({ err: error, use, locale: input.locale }, 'prompt template cannot be rendered; using the template answer');
          yield input.fallback;
          return;
        }
        const generate = input.signal ? { signal: input.signal } : undefined;
        yield* llmReply({ model: options.model, messages, fallback: input.fallback, logger, ...(generate ? { generate } : {}) }).chunks;
      }
      return { type: 'stream', chunks: chunks() };
    },
  };
}
