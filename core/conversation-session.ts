import type { Activity, Locale } from './activity.ts';
import type { Middleware } from './compose.ts';
import type { Translator } from './i18n.ts';
import { resolveLocale } from './locale.ts';
import type { SessionStore, SessionWriteOptions } from './stores/session-store.ts';
import type { TurnContext } from './turn-context.ts';

/** What the assistant keeps about one conversation between turns. Dialogs add their own fields. */
export interface ConversationSession {
  /** The language the shopper chose ("switch to English", the widget's toggle). */
  preferredLocale?: Locale;
  /** The language of the last turn; used when a message alone does not tell (an emoji, a button). */
  locale?: Locale;
  /** Turns handled in this conversation. */
  turns: number;
  [field: string]: unknown;
}

/** The `TurnContext.state` key under which the session lives during a turn. */
export const SESSION_STATE_KEY = 'session';

/** The session key of an activity: `<shopperId>/<channel>/<conversationId>` (see SessionStore). */
export function sessionKey(activity: Activity): string {
  const owner = activity.user.shopperId ?? `${activity.channel}:${activity.user.channelUserId}`;
  return `${owner}/${activity.channel}/${activity.conversationId}`;
}

/** The session of the running turn (an empty one when no session middleware ran). */
export function conversationSession(context: TurnContext): ConversationSession {
  let session = context.state.get(SESSION_STATE_KEY) as ConversationSession | undefined;
  if (!session) {
    session = { turns: 0 };
    context.state.set(SESSION_STATE_KEY, session);
  }
  return session;
}

/** Options for {@link sessionMiddleware}. */
export interface SessionMiddlewareOptions {
  sessions: SessionStore;
  translator: Translator;
  /** Overrides the store's default time to live. */
  ttlSeconds?: number;
}

/**
 * Loads the conversation's session before the turn and saves it after, refreshing its time to live.
 * It also settles the turn's locale now that the session is known: an explicit request or the shopper's
 * saved choice first, then the channel's language, the text, and the conversation's last language.
 */
export function sessionMiddleware(options: SessionMiddlewareOptions): Middleware<TurnContext> {
  // Made once rather than on every save.
  const writeOptions: SessionWriteOptions = options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds };
  return async (context, next) => {
    const { activity } = context;
    const key = sessionKey(activity);
    const record = await options.sessions.get<ConversationSession>(key);
    const session: ConversationSession = record?.data ?? { turns: 0 };
    context.state.set(SESSION_STATE_KEY, session);
    const locale = resolveLocale({
      preferred: activity.locale ?? session.preferredLocale,
      channelLanguage: activity.user.channelLanguage,
      text: activity.type === 'message' ? activity.text : undefined,
      previous: session.locale,
    });
    if (locale !== context.locale) context.setLocale(locale, options.translator.forLocale(locale));
    await next();
    session.locale = context.locale;
    session.turns += 1;
    await options.sessions.set(key, session, writeOptions);
  };
}
