import { createDialogEngine, type DialogEngine } from '../../core/dialog/engine.ts';
import type { Translator } from '../../core/i18n.ts';
import type { Recognizer } from '../../core/nlu/recognizer.ts';
import type { SessionStore } from '../../core/stores/session-store.ts';
import { accessoryDialog } from './flows/accessory.ts';
import { goesWithDialog } from './flows/goes-with.ts';
import { basicDialogs, shoppingFallback } from './flows/basics.ts';
import { cartDialogs } from './flows/cart.ts';
import { cheapestShownDialog } from './flows/cheapest-shown.ts';
import { followUpDialogs } from './flows/follow-ups.ts';
import { profileDialogs } from './flows/profile.ts';
import { refinePropertyDialog } from './flows/refine-property.ts';
import { setQuantityDialog } from './flows/set-quantity.ts';
import { suggestionDialogs } from './flows/suggest.ts';
import type { ShoppingBackend } from './ports.ts';
import { shoppingRules } from './rules.ts';
import { defaultCheckoutLink, type ShopDeps } from './shop-deps.ts';

/** Options for {@link createShoppingAssistant}. */
export interface ShoppingAssistantOptions {
  recognizer: Recognizer;
  sessions: SessionStore;
  translator: Translator;
  backend: ShoppingBackend;
  /** Cards per answer (default 5). */
  cardsPerAnswer?: number;
  checkoutLink?: ShopDeps['checkoutLink'];
  narrator?: ShopDeps['narrator'];
  /** Conversation state time to live in seconds (default one day). */
  ttlSeconds?: number;
  now?: () => number;
}

/**
 * The shopping assistant's conversations on the dialog engine: recommendations, search, reorder, cart and
 * checkout links, explanations, feedback and preferences, privacy, language, help. Its `handler` is the
 * bot's TurnHandler.
 */
export function createShoppingAssistant(options: ShoppingAssistantOptions): DialogEngine {
  const deps: ShopDeps = {
    backend: options.backend,
    limit: options.cardsPerAnswer ?? 5,
    checkoutLink: options.checkoutLink ?? defaultCheckoutLink,
    ...(options.narrator ? { narrator: options.narrator } : {}),
  };
  return createDialogEngine({
    recognizer: options.recognizer,
    sessions: options.sessions,
    translator: options.translator,
    dialogs: [...basicDialogs(deps), ...suggestionDialogs(deps), refinePropertyDialog(deps), goesWithDialog(deps), accessoryDialog(deps), ...cartDialogs(deps), setQuantityDialog(), cheapestShownDialog(), ...profileDialogs(deps), ...followUpDialogs(deps)],
    rules: shoppingRules,
    fallback: shoppingFallback(deps),
    intentLabel: (intent, t) => t(`assistant:intents.${intent}`),
    startIntent: 'greet',
    // The recognizer's calibrated probabilities: below this an off-topic message ("погода завтра") is not acted on.
    minConfidence: 0.55,
    ...(options.ttlSeconds !== undefined ? { ttlSeconds: options.ttlSeconds } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}
