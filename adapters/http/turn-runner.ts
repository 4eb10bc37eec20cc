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
 * Runs the bot with a deadline: past `timeoutMs` the signal aborts and the turn rejects at once, even
 * when a handler ignores the signal. One promise and one timer per turn, as this is the hot path.
 */
function handleWithin(bot: Bot, activity: Activity, options: HandleOptions & { signal: AbortSignal }, controller: AbortController, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new TimeoutError('turn', timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    bot.handle(activity, options).then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Creates the turn runner shared by every channel adapter. */
export function createTurnRunner(options: TurnRunnerOptions): TurnRunner {
  const { bot, metrics, timeoutMs } = options;
  return {
    async run(activity, hooks = {}) {
      const turnId = randomUUID();
      const started = performance.now();
      const controller = new AbortController();
      const settled: SerializableReply[] = [];
      const onReply = async (reply: Reply): Promise<void> => {
        if (controller.signal.aborted) return;
        if (reply.type === 'typing') {
          await hooks.onTyping?.();
          return;
        }
        const value = await settleReply(reply, hooks.onDelta);
        settled.push(value);
        await hooks.onReply?.(value);
      };
      let outcome = 'ok';
      try {
        await handleWithin(bot, activity, { onReply, signal: controller.signal, turnId, ...(hooks.onLocale ? { onLocale: hooks.onLocale } : {}) }, controller, timeoutMs);
        return settled;
      } catch (thrown) {
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
        metrics?.turns.inc({ channel: activity.channel, outcome });
        metrics?.turnSeconds.observe({ channel: activity.channel }, seconds);
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
