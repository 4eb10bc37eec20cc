import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { ChatMessage, ChatModel, GenerateOptions } from '../../core/llm/chat-model.ts';

/** Options for {@link createLangChainChatModel}. */
export interface LangChainChatModelOptions {
  /** The OpenAI-compatible endpoint: vLLM (`http://gpu:8000/v1`) or Ollama (`http://host:11434`, `/v1` is added). */
  baseUrl: string;
  /** The served model id, for example `Qwen/Qwen2.5-7B-Instruct` or `qwen2.5:7b`. */
  model: string;
  provider?: 'openai' | 'vllm' | 'ollama';
  apiKey?: string;
  temperature?: number;
  maxTokens?: number;
  /** Retries inside the client; keep 0 and let the circuit breaker decide (default 0). */
  maxRetries?: number;
}

function toLangChain(message: ChatMessage): BaseMessage {
  if (message.role === 'system') return new SystemMessage(message.content);
  if (message.role === 'assistant') return new AIMessage(message.content);
  return new HumanMessage(message.content);
}

function endpoint(options: LangChainChatModelOptions): string {
  const trimmed = options.baseUrl.replace(/\/+$/, '');
  if (options.provider === 'ollama' && !trimmed.endsWith('/v1')) return `${trimmed}/v1`;
  return trimmed;
}

/**
 * The production LLM: Qwen served by vLLM or Ollama, both speaking the OpenAI chat API, called through LangChain.
 * Always streams with `.stream()` (never `streaming: true` + `invoke()`, which fetches tokenizer data at run time).
 */
export function createLangChainChatModel(options: LangChainChatModelOptions): ChatModel {
  const client = new ChatOpenAI({
    model: options.model,
    apiKey: options.apiKey ?? 'not-needed',
    temperature: options.temperature ?? 0.3,
    maxTokens: options.maxTokens ?? 400,
    maxRetries: options.maxRetries ?? 0,
    configuration: { baseURL: endpoint(options) },
  });
  return {
    name: options.model,
    async *stream(messages: ChatMessage[], generate: GenerateOptions = {}) {
      const stream = await client.stream(messages.map(toLangChain), { signal: generate.signal });
      for await (const chunk of stream) {
        const text = typeof chunk.content === 'string' ? chunk.content : chunk.content.map((part) => ('text' in part ? part.text : '')).join('');
        if (text) yield text;
      }
    },
  };
}
