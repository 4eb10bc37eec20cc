import { randomUUID } from 'node:crypto';
import type { Activity, Locale } from '../../core/activity.ts';
import type { Bot, HandleOptions } from '../../core/bot.ts';
import { TimeoutError, toSovetnikError, type SovetnikError } from '../../core/errors.ts';
import type { Translator } from '../../core/i18n.ts';
import { resolveLocale } from '../../core/locale.ts';
import type { Logger } from '../../core/logger.ts';
import { settleReply, type Reply, type SerializableReply } from '../../core/reply.ts';
import { statusForCode } from './error-response.ts';
import type { AppMetrics } from './metrics.ts';

/** Callbacks for one turn, so a channel can stream. */
export interface TurnHooks {
  /** Each chunk of a streamed reply, as it is produced. */
  onDelta?: (text: string) => void | Promise<void>;
  /** Each reply once settled (a stream collapsed to its text). */
  onReply?: (reply: SerializableReply) => void | Promise<void>;
  /** A typing indicator the turn asked for (left out of the settled replies). */
  onTyping?: () => void | Promise<void>;
  /** The language the turn ended in (the shopper may have switched it by text). */
  onLocale?: (locale: Locale) => void;
  /**
   * Aborts the turn when the caller gives up (the client closed the connection): the turn's signal aborts,
   * `run` resolves at once with what was settled so far, no apology is sent, and the outcome is `cancelled`.
   */
  cancel?: AbortSignal;
}

/** Runs turns for channel adapters: timeout, metrics, logs with the turn id, and a polite answer on failure. */
export interface TurnRunner {
  /** Handles one activity; resolves with the settled replies (typing indicators left out). */
  run(activity: Activity, hooks?: TurnHooks): Promise<SerializableReply[]>;
}

/** Options for {@link createTurnRunner}. */
export interface TurnRunnerOptions {
  bot: Bot;
  translator: Translator;
  logger: Logger;
  /** The longest a turn may take; past it the turn is aborted and the shopper gets an apology. */
  timeoutMs: number;
  metrics?: AppMetrics;
}

/** Errors that are the client's fault travel up as HTTP 4xx; anything else becomes an apology reply. */
const isClientError = (error: SovetnikError): boolean => statusForCode(error.code) < 500;

/**
 * The turn's abort switch. The AbortController behind it is built only when a step reads the signal or the
 * turn is aborted: nearly every turn ends normally, and a controller per turn is measurable on this path.
 */
class TurnAbort {
  #controller: AbortController | undefined;
  #aborted = false;
  #reason: unknown;

  get aborted(): boolean {
    return this.#aborted;
  }

  /** Why the turn was aborted (a TimeoutError, or the caller's reason). */
  get reason(): unknown {
    return this.#reason;
  }

  /** For `HandleOptions.signal`, called on the first read of `context.signal`. */
  readonly signal = (): AbortSignal => (this.#controller ??= new AbortController()).signal;

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    (this.#controller ??= new AbortController()).abort(reason);
  }
}

/**
 * Runs the bot with a deadline: past `timeoutMs`, or when the caller's `cancel` signal fires (the client went
 * away), the turn's signal aborts and the turn rejects at once, even when a handler ignores the signal.
 * One promise and one timer per turn, as this is the hot path.
 */
function handleWithin(bot: Bot, activity: Activity, options: HandleOptions, abort: TurnAbort, timeoutMs: number, cancel?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stop = (error: unknown): void => {
      abort.abort(error);
      reject(error);
    };
    const timer = setTimeout(() => stop(new TimeoutError('turn', timeoutMs)), timeoutMs);
    const onCancel = (): void => {
      clearTimeout(timer);
      stop(cancel?.reason);
    };
    if (cancel?.aborted) onCancel();
    else cancel?.addEventListener('abort', onCancel, { once: true });
    const settle = (): void => {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
    };
    bot.handle(activity, options).then(
      () => {
        settle();
        resolve();
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}

/** The turn's outcome label for metrics and logs. */
type Outcome = 'ok' | 'rejected' | 'failed' | 'cancelled';

/** Creates the turn runner shared by every channel adapter. */
export function createTurnRunner(options: TurnRunnerOptions): TurnRunner {
  const { bot, metrics, timeoutMs } = options;
  // Prometheus children per channel and outcome, resolved once: a labelled observe hashes its labels every time.
  const turnCounters = new Map<string, { inc(): void }>();
  const turnTimers = new Map<string, { observe(value: number): void }>();
  const record = (channel: string, outcome: Outcome, seconds: number): void => {
    if (!metrics) return;
    const key = `${channel}:${outcome}`;
    let counter = turnCounters.get(key);
    if (!counter) turnCounters.set(key, (counter = metrics.turns.labels({ channel, outcome })));
    counter.inc();
    let timer = turnTimers.get(channel);
    if (!timer) turnTimers.set(channel, (timer = metrics.turnSeconds.labels({ channel })));
    timer.observe(seconds);
  };
  return {
    async run(activity, hooks = {}) {
      const turnId = randomUUID();
      const started = performance.now();
      const abort = new TurnAbort();
      const settled: SerializableReply[] = [];
      // A stream stops at its next chunk once the turn is aborted (its generator's finally runs): nobody reads it.
      const onDelta = hooks.onDelta
        ? (text: string) => {
            if (abort.aborted) throw abort.reason;
            return hooks.onDelta!(text);
          }
        : undefined;
      const onReply = async (reply: Reply): Promise<void> => {
        if (abort.aborted) return;
        if (reply.type === 'typing') {
          await hooks.onTyping?.();
          return;
        }
        const value = await settleReply(reply, onDelta);
        if (abort.aborted) return;
        settled.push(value);
        await hooks.onReply?.(value);
      };
      let outcome: Outcome = 'ok';
      const handleOptions: HandleOptions = { onReply, signal: abort.signal, turnId };
      if (hooks.onLocale) handleOptions.onLocale = hooks.onLocale;
      try {
        await handleWithin(bot, activity, handleOptions, abort, timeoutMs, hooks.cancel);
        return settled;
      } catch (thrown) {
        // The caller gave up (the client closed the connection): nobody is there to read an apology.
        if (hooks.cancel?.aborted) {
          outcome = 'cancelled';
          return settled;
        }
        const error = toSovetnikError(thrown);
        // Client errors are counted by the HTTP error handler that answers them.
        if (isClientError(error)) {
          outcome = 'rejected';
          throw error;
        }
        outcome = 'failed';
        metrics?.errors.inc({ code: error.code });
        options.logger.error({ turnId, channel: activity.channel, code: error.code, err: thrown }, 'turn failed');
        const apology = apologyFor(options.translator, activity, error);
        settled.push(apology);
        await hooks.onReply?.(apology);
        return settled;
      } finally {
        // No abort on success: an AbortError costs a DOMException with a stack on every turn.
        const seconds = (performance.now() - started) / 1000;
        record(activity.channel, outcome, seconds);
        options.logger.debug({ turnId, channel: activity.channel, outcome, ms: Math.round(seconds * 1000) }, 'turn');
      }
    },
  };
}

function apologyFor(translator: Translator, activity: Activity, error: SovetnikError): SerializableReply {
  const locale = resolveLocale({
    requested: activity.locale,
    channelLanguage: activity.user.channelLanguage,
    text: activity.type === 'message' ? activity.text : undefined,
  });
  const t = translator.forLocale(locale);
  const key = error.code === 'timeout' ? 'errors:turn_timeout' : 'errors:turn_failed';
  return { type: 'text', text: t(key), quickReplies: [{ title: t('common:quick.help'), payload: 'intent:help' }] };
}
