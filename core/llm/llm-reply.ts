import type { Logger } from '../logger.ts';
import { silentLogger } from '../logger.ts';
import type { QuickReply, StreamReply } from '../reply.ts';
import type { ChatMessage, ChatModel, GenerateOptions } from './chat-model.ts';

/** Options for {@link llmReply}. */
export interface LlmReplyOptions {
  /** The model; when undefined the fallback text is the answer (the embedded default). */
  model?: ChatModel;
  messages: ChatMessage[];
  /** The template answer used when there is no model, or it fails before saying anything. */
  fallback: string;
  quickReplies?: QuickReply[];
  generate?: GenerateOptions;
  logger?: Logger;
}

/**
 * A streamed reply from the LLM that always ends with an answer: if the model is missing, slow or down before its
 * first chunk, the shopper gets the template fallback instead; a failure mid-answer keeps what was said.
 */
export function llmReply(options: LlmReplyOptions): StreamReply {
  const logger = options.logger ?? silentLogger;
  async function* chunks(): AsyncIterable<string> {
    if (!options.model) {
      yield options.fallback;
      return;
    }
    let said = false;
    try {
      for await (const chunk of options.model.stream(options.messages, options.generate)) {
        if (!chunk) continue;
        said = true;
        yield chunk;
      }
      if (!said) yield options.fallback;
    } catch (error) {
      logger.warn({ err: error, model: options.model.name, said }, 'LLM failed; using the template fallback');
      if (!said) yield options.fallback;
    }
  }
  const reply: StreamReply = { type: 'stream', chunks: chunks() };
  if (options.quickReplies) reply.quickReplies = options.quickReplies;
  return reply;
}
