/** One message of a chat prompt. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Per-call generation options. */
export interface GenerateOptions {
  signal?: AbortSignal;
  maxTokens?: number;
  temperature?: number;
}

/**
 * The LLM port: a chat model that streams text. Production adapters (LangChain over vLLM or Ollama) live in
 * `adapters/llm`; core only sees this interface.
 */
export interface ChatModel {
  /** A short name for logs and health (for example the model id). */
  readonly name: string;
  stream(messages: ChatMessage[], options?: GenerateOptions): AsyncIterable<string>;
}

/** Collects a whole answer from a streaming model. */
export async function completeText(model: ChatModel, messages: ChatMessage[], options?: GenerateOptions): Promise<string> {
  let text = '';
  for await (const chunk of model.stream(messages, options)) text += chunk;
  return text;
}
