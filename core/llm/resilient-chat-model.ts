import { SovetnikError, TimeoutError } from '../errors.ts';
import type { ChatMessage, ChatModel, GenerateOptions } from './chat-model.ts';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.ts';

/** Options for {@link withResilience}. */
export interface ResilienceOptions {
  /** Time allowed until the first chunk arrives, in ms (default 4 s). */
  firstChunkTimeoutMs?: number;
  /** Time allowed for the whole answer, in ms (default 20 s). */
  totalTimeoutMs?: number;
  breaker?: CircuitBreakerOptions;
}

/** A chat model behind a timeout and a circuit breaker; exposes the breaker for health checks. */
export interface ResilientChatModel extends ChatModel {
  readonly breaker: CircuitBreaker;
}

/**
 * Wraps a model so that a slow or failing LLM ends quickly with a typed error (timeout, circuit_open, llm_failed)
 * the caller can answer with a template fallback. A failure after the first chunk still counts against the breaker.
 */
export function withResilience(model: ChatModel, options: ResilienceOptions = {}): ResilientChatModel {
  const breaker = new CircuitBreaker(`llm:${model.name}`, options.breaker);
  const firstChunkMs = options.firstChunkTimeoutMs ?? 4_000;
  const totalMs = options.totalTimeoutMs ?? 20_000;
  return {
    name: model.name,
    breaker,
    async *stream(messages: ChatMessage[], generate: GenerateOptions = {}) {
      breaker.acquire();
      const controller = new AbortController();
      const outer = generate.signal;
      const onAbort = () => controller.abort(outer?.reason);
      outer?.addEventListener('abort', onAbort, { once: true });
      let timedOut: TimeoutError | undefined;
      const arm = (ms: number, what: string) =>
        setTimeout(() => {
          timedOut = new TimeoutError(what, ms);
          controller.abort(timedOut);
        }, ms);
      let firstTimer: ReturnType<typeof setTimeout> | undefined = arm(firstChunkMs, 'LLM first chunk');
      const totalTimer = arm(totalMs, 'LLM answer');
      try {
        for await (const chunk of raceAbort(model.stream(messages, { ...generate, signal: controller.signal }), controller.signal)) {
          if (firstTimer) clearTimeout(firstTimer);
          firstTimer = undefined;
          yield chunk;
        }
        breaker.success();
      } catch (error) {
        breaker.failure();
        if (timedOut) throw timedOut;
        if (error instanceof SovetnikError) throw error;
        throw new SovetnikError('llm_failed', `LLM call failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      } finally {
        if (firstTimer) clearTimeout(firstTimer);
        clearTimeout(totalTimer);
        outer?.removeEventListener('abort', onAbort);
      }
    },
  };
}

/** Ends iteration with the abort reason even when the underlying iterator ignores the signal. */
async function* raceAbort<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncIterable<T> {
  const iterator = source[Symbol.asyncIterator]();
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => {});
  try {
    while (true) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    void iterator.return?.();
  }
}
