import { activityText, type Locale } from '../../core/activity.ts';
import type { TurnHandler } from '../../core/bot.ts';
import { conversationSession } from '../../core/conversation-session.ts';
import type { Translator } from '../../core/i18n.ts';
import type { QuickReply } from '../../core/reply.ts';
import type { TurnContext } from '../../core/turn-context.ts';

/** What the basic handler tells apart. The dialog engine with real NLU replaces it later. */
export type BasicIntent = 'greeting' | 'capabilities' | 'help' | 'switch_ru' | 'switch_en' | 'unknown';

/** Button payloads of the quick replies; stable identifiers, independent of the language. */
export const BASIC_PAYLOADS = {
  capabilities: 'intent:capabilities',
  help: 'intent:help',
  greeting: 'intent:greeting',
} as const;

const PAYLOAD_INTENTS: Record<string, BasicIntent> = {
  [BASIC_PAYLOADS.capabilities]: 'capabilities',
  [BASIC_PAYLOADS.help]: 'help',
  [BASIC_PAYLOADS.greeting]: 'greeting',
};

/** Keyword patterns, checked in order; recognition only, so they live in code rather than locales. */
// `\b` knows only ASCII letters, so word ends are spelled out for Cyrillic.
const END = '(?![\\p{L}\\p{N}])';
const PATTERNS: [BasicIntent, RegExp][] = [
  ['switch_en', new RegExp(`switch to english|in english${END}|english please|по-английски|на английск`, 'u')],
  ['switch_ru', new RegExp(`switch to russian|in russian${END}|по-русски|на русск`, 'u')],
  ['capabilities', new RegExp('что (ты )?(умеешь|можешь)|what can you do|what do you do|capabilit|возможност', 'u')],
  ['help', new RegExp(`^/?help${END}|помощ|помоги|справк|(^|\\s)help${END}|how does (this|it) work|как (это )?работает`, 'u')],
  ['greeting', new RegExp(`^(/start|привет|здравствуй|добр(ый|ое) (день|утро|вечер)|хай${END}|салют|hello|hi${END}|hey${END}|good (morning|afternoon|evening))`, 'u')],
];

/** Recognizes the few things the basic handler understands. */
export function recognizeBasic(text: string): BasicIntent {
  const normalized = text.trim().toLowerCase().replace(/ё/g, 'е');
  const fromPayload = PAYLOAD_INTENTS[normalized];
  if (fromPayload) return fromPayload;
  return PATTERNS.find(([, pattern]) => pattern.test(normalized))?.[0] ?? 'unknown';
}

/** Options for {@link createBasicReplies}. */
export interface BasicRepliesOptions {
  /** Needed to answer in a new language within the same turn. */
  translator: Translator;
}

type ButtonKey = keyof typeof BASIC_PAYLOADS;

const BUTTON_TITLES: Record<ButtonKey, string> = { capabilities: 'common:quick.capabilities', help: 'common:quick.help', greeting: 'common:quick.hello' };

/** The locale key of each answer and its buttons; made once, not on every turn. */
const ANSWERS: Record<Exclude<BasicIntent, 'switch_en' | 'switch_ru'>, [string, readonly ButtonKey[]]> = {
  greeting: ['shopping:greeting', ['capabilities', 'help']],
  capabilities: ['shopping:capabilities', ['help']],
  help: ['shopping:help', ['capabilities']],
  unknown: ['shopping:fallback', ['capabilities', 'help']],
};

function quickReplies(context: TurnContext, keys: readonly ButtonKey[]): QuickReply[] {
  return keys.map((key) => ({ title: context.t(BUTTON_TITLES[key]), payload: BASIC_PAYLOADS[key] }));
}

function switchLocale(context: TurnContext, translator: Translator, locale: Locale): void {
  conversationSession(context).preferredLocale = locale;
  context.setLocale(locale, translator.forLocale(locale));
}

/**
 * The assistant's first handler: greets, explains what it can do, answers help, switches language,
 * and falls back helpfully. Every phrase comes from `locales/`.
 */
export function createBasicReplies(options: BasicRepliesOptions): TurnHandler {
  return async (context) => {
    const { activity } = context;
    if (activity.type !== 'message' && activity.type !== 'action') return;
    const intent = recognizeBasic(activityText(activity));
    if (intent === 'switch_en' || intent === 'switch_ru') {
      switchLocale(context, options.translator, intent === 'switch_en' ? 'en' : 'ru');
      await context.reply({ type: 'text', text: context.t('shopping:language_switched'), quickReplies: quickReplies(context, ['capabilities', 'help']) });
      return;
    }
    const [key, buttons] = ANSWERS[intent];
    await context.reply({ type: 'text', text: context.t(key), quickReplies: quickReplies(context, buttons) });
  };
}
