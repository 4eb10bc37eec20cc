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
  signal?: AbortSignal;
  turnId?: string;
  /** Called once the turn is handled, with the language it ended in (a text switch changes it mid-turn). */
  onLocale?: (locale: Locale) => void;
}

/** A bot: turns an activity into replies through the middleware pipeline and the handler. */
export interface Bot {
  handle(activity: Activity, options?: HandleOptions): Promise<Reply[]>;
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
        logger: baseLogger.child({ turnId, channel: activity.channel, conversationId: activity.conversationId }),
        signal: handleOptions.signal ?? new AbortController().signal,
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
