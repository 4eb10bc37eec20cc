import type { TurnHandler } from '../../core/bot.ts';
import type { ErasureParticipant } from '../../core/context/erasure-service.ts';
import { ProfileBuilder } from '../../core/context/profile-builder.ts';
import type { DialogEngine } from '../../core/dialog/engine.ts';
import type { Translator } from '../../core/i18n.ts';
import type { Logger } from '../../core/logger.ts';
import { gazetteerFromCatalog } from '../../core/nlu/catalog-gazetteer.ts';
import { createRecognizer } from '../../core/nlu/create-recognizer.ts';
import type { Recognizer } from '../../core/nlu/recognizer.ts';
import { createRecommender, type Recommender } from '../../core/reco/recommender/recommender.ts';
import type { CatalogStore } from '../../core/stores/catalog-store.ts';
import type { ConsentStore } from '../../core/stores/consent-store.ts';
import type { EventStore } from '../../core/stores/event-store.ts';
import type { ProfileStore } from '../../core/stores/profile-store.ts';
import type { SessionStore } from '../../core/stores/session-store.ts';
import { createShoppingAssistant } from './assistant.ts';
import { createCatalogBackend } from './catalog-backend.ts';
import { SHOPPING_ASSISTANT_INTENTS } from './intents/index.ts';
import { withRecommender } from './recommender-backend.ts';
import type { ShopDeps } from './shop-deps.ts';

/** What the shopping assistant is built from; the composition root passes its stores. */
export interface ShoppingHandlerOptions {
  translator: Translator;
  sessions: SessionStore;
  catalog: CatalogStore;
  events: EventStore;
  profiles: ProfileStore;
  consent?: ConsentStore;
  /** Default: trained at start-up on the assistant's intents, with the catalog as gazetteer. */
  recognizer?: Recognizer;
  /**
   * The learned recommender for recommendations and search; `'default'` builds one over these stores.
   * Without it the catalog backend alone answers (lexical search, personal and popular ranking).
   */
  recommender?: Recommender | 'default';
  /** The builder that owns the profiles (stated preferences are saved through it); default: one over `profiles`. */
  profileBuilder?: ProfileBuilder;
  /** The same erasure as `DELETE /api/v1/users/{id}`; default: events, profile, consent, sessions, recommender. */
  erase?: (shopperId: string) => Promise<void>;
  /**
   * The erasure every path goes through (`DELETE /api/v1/users/{id}` too): the assistant registers what it keeps
   * in this process (stated preferences, digested histories), so no erasure leaves it behind.
   */
  erasure?: { register(participant: ErasureParticipant): void };
  checkoutLink?: ShopDeps['checkoutLink'];
  /** Writes the introduction to recommendations with the LLM (the studio's published prompt), when configured. */
  narrator?: ShopDeps['narrator'];
  ttlSeconds?: number;
  logger?: Logger;
}

/** The assistant's parts, once built. */
export interface ShoppingHandler {
  handler: TurnHandler;
  /** Resolves once the recognizer is trained and the engine is ready. */
  ready: Promise<DialogEngine>;
}

async function build(options: ShoppingHandlerOptions): Promise<DialogEngine> {
  const recognizer = options.recognizer ?? createRecognizer({
    definitions: SHOPPING_ASSISTANT_INTENTS,
    gazetteer: gazetteerFromCatalog((await options.catalog.snapshot()).items),
  });
  const builder = options.profileBuilder ?? new ProfileBuilder({ profiles: options.profiles, catalog: options.catalog });
  // Readers go through the builder's view store, so profile views are derived when events made them stale.
  const profiles = builder.profiles;
  const recommender = options.recommender === 'default'
    ? createRecommender({ catalog: options.catalog, events: options.events, profiles })
    : options.recommender;
  const erase = options.erase ?? (async (shopperId: string) => {
    await options.events.deleteByUser(shopperId);
    await options.profiles.delete(shopperId);
    await options.consent?.deleteByShopper(shopperId);
    await options.sessions.deleteByPrefix(`${shopperId}/`);
    await recommender?.erase(shopperId);
  });
  const base = createCatalogBackend({
    catalog: options.catalog, events: options.events, profiles, consent: options.consent, erase,
    savePreference: async (shopperId, preference) => {
      await builder.addPreference(shopperId, preference);
    },
    removePreference: async (shopperId, preference) => {
      await builder.removePreference(shopperId, preference);
    },
  });
  options.erasure?.register({ name: 'shopping-assistant', erase: async (shopperId) => base.forget(shopperId) });
  const backend = recommender ? withRecommender({ base, recommender }) : base;
  return createShoppingAssistant({
    recognizer, backend, sessions: options.sessions, translator: options.translator,
    ...(options.checkoutLink ? { checkoutLink: options.checkoutLink } : {}),
    ...(options.narrator ? { narrator: options.narrator } : {}),
    ...(options.ttlSeconds !== undefined ? { ttlSeconds: options.ttlSeconds } : {}),
  });
}

/**
 * The shopping assistant as the bot's TurnHandler. Building starts at once (training the recognizer takes a
 * few seconds); a turn that arrives earlier waits for it.
 */
export function createShoppingHandler(options: ShoppingHandlerOptions): ShoppingHandler {
  const ready = build(options);
  ready.catch((error: unknown) => options.logger?.error({ err: error }, 'shopping assistant failed to start'));
  return {
    ready,
    handler: async (context) => (await ready).handler(context),
  };
}
