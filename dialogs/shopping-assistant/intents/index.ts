import type { IntentDefinition } from '../../../core/nlu/intent-definition.ts';
import { CART_INTENTS } from './cart.ts';
import { CONVERSATION_INTENTS } from './conversation.ts';
import { FOLLOW_UP_INTENTS } from './follow-ups.ts';
import { PROFILE_INTENTS } from './profile.ts';
import { SHOPPING_INTENTS } from './shopping.ts';

/** Every intent of the shopping assistant with ru and en training phrases (`none` is the out-of-scope class). */
export const SHOPPING_ASSISTANT_INTENTS: IntentDefinition[] = [
  ...CONVERSATION_INTENTS, ...SHOPPING_INTENTS, ...CART_INTENTS, ...PROFILE_INTENTS, ...FOLLOW_UP_INTENTS,
];

/** The intent names the dialogs handle. */
export const SHOPPING_INTENT_NAMES = SHOPPING_ASSISTANT_INTENTS.map((i) => i.name);
