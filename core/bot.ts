import { randomUUID } from 'node:crypto';
import type { Activity, Locale } from './activity.ts';
import { compose, type Middleware } from './compose.ts';
import type { Translator } from './i18n.ts';
import { resolveLocale } from './locale.ts';
import { silentLogger, type Logger } from './logger.ts';
import type { Reply } from './reply.ts';
import { TurnContext } from './turn-context.ts';

/** The final handler of a turn, after every middleware ran. */
export type TurnHandler = (context: TurnContext) => Promise<void>;

/** Options for {@link createBot}. */
export interface BotOptions {
  translator: Translator;
  handler: TurnHandler;
  middleware?: Middleware<TurnContext>[];
  logger?: Logger;
}

/** Per-call options for {@link Bot.handle}. */
export interface HandleOptions {
  onReply?: (reply: Reply) => void | Promise<void>;
  /**
   * Aborts the turn. A function is called only when a step reads `context.signal`, so a turn that nobody
   * aborts (nearly all of them) never builds an AbortController.
   */
  signal?: AbortSignal | (() => AbortSignal);
  turnId?: string;
  /** Called once the turn is handled, with the language it ended in (a text switch changes it mid-turn). */
  onLocale?: (locale: Locale) => void;
}

/** A bot: turns an activity into replies through the middleware pipeline and the handler. */
export interface Bot {
  handle(activity: Activity, options?: HandleOptions): Promise<Reply[]>;
}

/**
 * A child logger built on its first use: most turns log nothing at the configured level, and a pino child
 * per turn (its bindings serialized) would cost every one of them.
 */
class LazyChildLogger implements Logger {
  readonly #base: Logger;
  readonly #turnId: string;
  readonly #channel: string;
  readonly #conversationId: string;
  #child: Logger | undefined;

  // The bindings object too is built only when the turn logs.
  constructor(base: Logger, turnId: string, activity: Activity) {
    this.#base = base;
    this.#turnId = turnId;
    this.#channel = activity.channel;
    this.#conversationId = activity.conversationId;
  }

  debug(obj: object, msg?: string): void {
    this.#get().debug(obj, msg);
  }

  info(obj: object, msg?: string): void {
    this.#get().info(obj, msg);
  }

  warn(obj: object, msg?: string): void {
    this.#get().warn(obj, msg);
  }

  error(obj: object, msg?: string): void {
    this.#get().error(obj, msg);
  }

  child(bindings: Record<string, unknown>): Logger {
    return this.#get().child(bindings);
  }

  #get(): Logger {
    return (this.#child ??= this.#base.child({ turnId: this.#turnId, channel: this.#channel, conversationId: this.#conversationId }));
  }
}

/** Creates a bot from a translator, a handler and middleware. */
export function createBot(options: BotOptions): Bot {
  const pipeline = compose(options.middleware ?? []);
  const baseLogger = options.logger ?? silentLogger;
  return {
    async handle(activity, handleOptions = {}) {
      const turnId = handleOptions.turnId ?? randomUUID();
      const locale = resolveLocale({
        requested: activity.locale,
        channelLanguage: activity.user.channelLanguage,
        text: activity.type === 'message' ? activity.text : undefined,
      });
      const context = new TurnContext({
        activity,
        turnId,
        locale,
        t: options.translator.forLocale(locale),
        logger: new LazyChildLogger(baseLogger, turnId, activity),
        signal: handleOptions.signal,
        onReply: handleOptions.onReply,
      });
      try {
        await pipeline(context, () => options.handler(context));
        handleOptions.onLocale?.(context.locale);
        return [...context.replies];
      } finally {
        context.end();
      }
    },
  };
}
