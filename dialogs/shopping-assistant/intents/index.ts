import type { IntentDefinition } from '../../../core/nlu/intent-definition.ts';
import type { Locale } from '../../../core/activity.ts';
import { CART_INTENTS } from './cart.ts';
import { CHAT_STYLE_PHRASES } from './chat-style.ts';
import { CONVERSATION_INTENTS } from './conversation.ts';
import { FOLLOW_UP_INTENTS } from './follow-ups.ts';
import { PROFILE_INTENTS } from './profile.ts';
import { SHOPPING_INTENTS } from './shopping.ts';

/** Every intent of the shopping assistant with ru and en training phrases (`none` is the out-of-scope class). */
export const SHOPPING_ASSISTANT_INTENTS: IntentDefinition[] = [
  ...CONVERSATION_INTENTS, ...SHOPPING_INTENTS, ...CART_INTENTS, ...PROFILE_INTENTS, ...FOLLOW_UP_INTENTS,
].map(withChatStyle);

// Each intent's chat-style phrases (chat-style.ts) follow its tidy ones.
function withChatStyle(intent: IntentDefinition): IntentDefinition {
  const extra = CHAT_STYLE_PHRASES[intent.name];
  if (!extra) return intent;
  const phrases = { ...intent.phrases };
  for (const [locale, more] of Object.entries(extra) as [Locale, string[]][]) phrases[locale] = [...(phrases[locale] ?? []), ...more];
  return { ...intent, phrases };
}

/** The intent names the dialogs handle. */
export const SHOPPING_INTENT_NAMES = SHOPPING_ASSISTANT_INTENTS.map((i) => i.name);
