import type { Transformer } from 'grammy';

/** Options for {@link retryTransformer}. */
export interface TelegramRetryOptions {
  /** How many times one call is tried again (default 2). */
  retries?: number;
  /**
   * The longest `retry_after` still waited for (default 5 s): the turn runs while Telegram waits for the
   * webhook's answer, so an answer a minute late is worse than one dropped and logged.
   */
  maxWaitSeconds?: number;
  /** How to wait, replaceable in tests. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A grammY transformer that retries a call Telegram refused with 429 ("Too Many Requests: retry after N":
 * the flood limits, about one message a second per chat) once the `retry_after` it names has passed, when
 * that is short. A refused call was not carried out, so retrying it never sends a message twice; other
 * failures (a 5xx that may have been delivered, a 400, a 403 from a shopper who blocked the bot) are not retried.
 */
export function retryTransformer(options: TelegramRetryOptions = {}): Transformer {
  const retries = options.retries ?? 2;
  const maxWait = options.maxWaitSeconds ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  return async (prev, method, payload, signal) => {
    let result = await prev(method, payload, signal);
    for (let attempt = 0; attempt < retries && !result.ok && result.error_code === 429 && !signal?.aborted; attempt++) {
      const waitSeconds = result.parameters?.retry_after ?? 1;
      if (waitSeconds > maxWait) break;
      await sleep(waitSeconds * 1000);
      result = await prev(method, payload, signal);
    }
    return result;
  };
}
