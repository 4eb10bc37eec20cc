import { activityText, type Activity } from '../activity.ts';
import type { TurnHandler } from '../bot.ts';
import { ConcurrencyError } from '../errors.ts';
import type { Translator } from '../i18n.ts';
import { localeFromText } from '../locale.ts';
import type { Recognizer } from '../nlu/recognizer.ts';
import type { SessionStore } from '../stores/session-store.ts';
import type { TurnContext } from '../turn-context.ts';
import { emptyConversationState, type ConversationState, type Dialog, type DialogTurn } from './dialog.ts';
import { DEFAULT_HISTORY_LIMIT, remember, replyText } from './history.ts';
import { parseIntentPayload } from './payload.ts';
import { TurnRunner, type IncomingMessage, type IntentRules, type RunnerSettings } from './turn-runner.ts';

/** Options for {@link createDialogEngine}. */
export interface DialogEngineOptions {
  recognizer: Recognizer;
  sessions: SessionStore;
  dialogs: readonly Dialog[];
  translator: Translator;
  /** High-precision phrasings that win over the recognizer (follow-ups such as "а подешевле?"). */
  rules?: IntentRules;
  /** What to say when nothing matches; `count` is the number of fallbacks in a row. */
  fallback?: (turn: DialogTurn, count: number) => Promise<void>;
  /** The label of an intent in a clarifying question (default: the `dialog:intents.<name>` key). */
  intentLabel?: (intent: string, t: DialogTurn['t']) => string;
  /** Below this confidence an intent is not acted on (default 0.45). */
  minConfidence?: number;
  /** Two intents closer than this ask a clarifying question (default 0.08). */
  clarifyMargin?: number;
  /** The intent that cancels whatever is going on (default `cancel`). */
  cancelIntent?: string;
  /** The intent started when a conversation opens (conversationUpdate). */
  startIntent?: string;
  historyLimit?: number;
  /** Session time to live in seconds (default one day). */
  ttlSeconds?: number;
  /** The session key of an activity (default `<shopperId|channel:channelUserId>/<channel>/<conversationId>/dialog`). */
  sessionKey?: (activity: Activity) => string;
  /** How often a turn is re-run when another worker wrote the same session meanwhile (default 3). */
  maxConflictRetries?: number;
  now?: () => number;
}

/** The dialog engine: a turn handler plus access to conversation state for tools and tests. */
export interface DialogEngine {
  handler: TurnHandler;
  /** The stored state of a conversation, if any. */
  state(key: string): Promise<ConversationState | undefined>;
  sessionKey(activity: Activity): string;
}

/** The user key used in session keys: the shopper id, else an anonymous per-channel id. */
export function userKeyOf(activity: Activity): string {
  return activity.user.shopperId ?? `${activity.channel}:${activity.user.channelUserId}`;
}

/**
 * The engine keeps its state under its own key next to the conversation's session (which the session
 * middleware writes), so neither overwrites the other, and erasing `<shopperId>/` removes both.
 */
function defaultSessionKey(activity: Activity): string {
  return `${userKeyOf(activity)}/${activity.channel}/${activity.conversationId}/dialog`;
}

/** Splits an activity into messages: a coalesced burst arrives as several lines and each is handled in order. */
function messagesOf(activity: Activity, startIntent: string | undefined, state: ConversationState): IncomingMessage[] {
  if (activity.type === 'action') {
    const forced = parseIntentPayload(activity.payload);
    return [forced ? { text: activity.text ?? '', forced } : { text: activity.payload }];
  }
  if (activity.type === 'conversationUpdate') {
    return startIntent && state.turns === 0 ? [{ text: '', forced: { intent: startIntent, args: {} } }] : [];
  }
  const lines = activityText(activity).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.map((text) => ({ text }));
}

/**
 * The turn's language: a locale the client asked for in this very message wins; then the shopper's in-chat
 * choice; then, for messages whose script tells nothing ("4", a button), the conversation's last language.
 */
function applyLocale(context: TurnContext, state: ConversationState, translator: Translator): void {
  const { activity } = context;
  if (activity.locale) return;
  const silent = activity.type !== 'message' || localeFromText(activity.text) === undefined;
  const locale = state.locale ?? (silent ? state.lastLocale : undefined);
  if (locale && locale !== context.locale) context.setLocale(locale, translator.forLocale(locale));
}

/** Creates the dialog engine for a set of dialogs. */
export function createDialogEngine(options: DialogEngineOptions): DialogEngine {
  const dialogs = new Map(options.dialogs.map((d) => [d.id, d]));
  const byIntent = new Map<string, Dialog>();
  for (const d of options.dialogs) for (const intent of d.intents) byIntent.set(intent, d);
  const settings: RunnerSettings = {
    recognizer: options.recognizer,
    dialogs,
    byIntent,
    translator: options.translator,
    rules: options.rules,
    fallback: options.fallback ?? (async (turn) => turn.say('dialog:fallback')),
    minConfidence: options.minConfidence ?? 0.45,
    clarifyMargin: options.clarifyMargin ?? 0.08,
    cancelIntent: options.cancelIntent ?? 'cancel',
    historyLimit: options.historyLimit ?? DEFAULT_HISTORY_LIMIT,
    intentLabel: options.intentLabel ?? ((intent, t) => t(`dialog:intents.${intent}`)),
    now: options.now ?? Date.now,
  };
  const sessionKey = options.sessionKey ?? defaultSessionKey;
  const retries = options.maxConflictRetries ?? 3;

  async function attempt(context: TurnContext, key: string): Promise<TurnRunner | undefined> {
    const record = await options.sessions.get<ConversationState>(key);
    const state = record?.data ?? emptyConversationState();
    applyLocale(context, state, options.translator);
    const runner = new TurnRunner(settings, context, state, userKeyOf(context.activity));
    for (const message of messagesOf(context.activity, options.startIntent, state)) await runner.run(message);
    if (runner.reset) {
      await options.sessions.delete(key);
      return runner;
    }
    state.lastLocale = context.locale;
    for (const reply of runner.replies) {
      const text = replyText(reply);
      if (text) remember(state, { role: 'bot', text, at: settings.now() }, settings.historyLimit);
    }
    await options.sessions.set(key, state, { expectedVersion: record?.version ?? 0, ttlSeconds: options.ttlSeconds });
    return runner;
  }

  return {
    sessionKey,
    async state(key) {
      return (await options.sessions.get<ConversationState>(key))?.data;
    },
    async handler(context) {
      if (context.activity.type === 'typing') return;
      const key = sessionKey(context.activity);
      for (let i = 0; ; i += 1) {
        try {
          const runner = await attempt(context, key);
          // Replies go out only after the state is saved, so a lost race never answers twice.
          for (const reply of runner?.replies ?? []) await context.reply(reply);
          return;
        } catch (error) {
          if (!(error instanceof ConcurrencyError) || i >= retries) throw error;
        }
      }
    },
  };
}
