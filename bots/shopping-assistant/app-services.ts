import { Redis } from 'ioredis';
import { pino, type Logger as PinoLogger } from 'pino';
import type { Resource } from 'i18next';
import type { Locale } from '../../core/activity.ts';
import { createBot, type Bot, type TurnHandler } from '../../core/bot.ts';
import type { Middleware } from '../../core/compose.ts';
import { sessionMiddleware } from '../../core/conversation-session.ts';
import type { Translator } from '../../core/i18n.ts';
import type { Logger } from '../../core/logger.ts';
import { createPipeline } from '../../core/pipeline/create-pipeline.ts';
import { closePipelineStores, createMemoryPipelineStores, type PipelineStores } from '../../core/pipeline/pipeline-stores.ts';
import { MemorySessionStore } from '../../core/stores/memory-session-store.ts';
import type { SessionStore } from '../../core/stores/session-store.ts';
import type { TurnContext } from '../../core/turn-context.ts';
import { createRedisPipelineStores } from '../../adapters/stores/redis/redis-pipeline-stores.ts';
import { RedisSessionStore } from '../../adapters/stores/redis/redis-session-store.ts';
import { createI18nextTranslator } from '../../adapters/i18n/i18next-translator.ts';
import type { HealthCheck } from '../../adapters/http/health.ts';
import { createMetrics, type AppMetrics } from '../../adapters/http/metrics.ts';
import { createShopperTokens, type ShopperTokens } from '../../adapters/http/shopper-tokens.ts';
import { createTurnRunner, type TurnRunner } from '../../adapters/http/turn-runner.ts';
import type { CatalogStore } from '../../core/stores/catalog-store.ts';
import type { ConsentStore } from '../../core/stores/consent-store.ts';
import type { EventStore } from '../../core/stores/event-store.ts';
import type { ProfileStore } from '../../core/stores/profile-store.ts';
import { createRecommender } from '../../core/reco/recommender/recommender.ts';
import { createShoppingHandler } from '../../dialogs/shopping-assistant/handler.ts';
import type { AppConfig } from './config.ts';
import { conversationLogMiddleware } from '../../core/context/conversation-log-middleware.ts';
import { linkCodeMiddleware } from '../../core/context/link-code-middleware.ts';
import { createContextServices, type ContextServices } from './context-services.ts';
import { loadLocaleResources } from './locale-resources.ts';
import { createStudioServices, type StudioServices } from './studio-services.ts';
import { createNarrator } from '../../core/llm/narrator.ts';

/** The stores of the assistant; later parts add theirs here (profiles, events, catalog, ...). */
export interface AppStores {
  sessions: SessionStore;
  /** Dedup, rate limit and conversation lock of the turn pipeline. */
  pipeline: PipelineStores;
  /** What the shopping dialogs read and write: the shopper-context stores of {@link AppServices.context}. */
  catalog: CatalogStore;
  events: EventStore;
  profiles: ProfileStore;
  consent: ConsentStore;
}

/** The shopping assistant's dialogs (dialogs/shopping-assistant) as the turn handler. */
function shoppingAssistantHandler({ translator, stores, context, studio, logger, warmers }: HandlerDeps): TurnHandler {
  const recommender = createRecommender({ catalog: stores.catalog, events: stores.events, profiles: stores.profiles });
  // Built ahead of the first shopper: otherwise their request pays for the catalog index and the statistics.
  warmers.push(() => recommender.refresh());
  // One erasure for the chat ("delete my data") and DELETE /api/v1/users/{id}: every store, plus the recommender.
  context.erasure.register({ name: 'recommender', erase: (shopperId) => recommender.erase(shopperId) });
  // Popularity, co-purchases and neighbouring shoppers learn from every applied event (demo data and the API).
  context.onEventsApplied((events) => recommender.observe(events));
  return createShoppingHandler({
    translator, sessions: stores.sessions, catalog: stores.catalog, events: stores.events, profiles: stores.profiles,
    consent: stores.consent, recommender, profileBuilder: context.builder,
    erase: async (shopperId) => void (await context.erasure.eraseShopper(shopperId)),
    erasure: context.erasure,
    // With LLM_BASE_URL, Qwen introduces recommendations from the prompt published in the studio.
    ...(studio?.model ? { narrator: createNarrator({ model: studio.model, prompts: studio.templates, bot: 'shopping-assistant', logger }) } : {}),
  }).handler;
}

/** What a turn handler is built from. */
interface HandlerDeps {
  translator: Translator;
  stores: AppStores;
  context: ContextServices;
  studio?: StudioServices;
  logger?: Logger;
  /** Work to do ahead of the first turns (see {@link AppServices.warmUp}). */
  warmers: (() => Promise<void>)[];
}

/** Everything the server's routes use, built once by {@link createAppServices}. */
export interface AppServices {
  config: AppConfig;
  logger: PinoLogger;
  metrics: AppMetrics;
  resources: Resource;
  translator: Translator;
  tokens: ShopperTokens;
  stores: AppStores;
  /** Shopper context: catalog, events, profiles, identities, consent, conversation log, ingestion, erasure. */
  context: ContextServices;
  /** The prompt studio; `studio.templates.getPublished(bot, use, locale)` is the live prompt template. */
  studio: StudioServices;
  /** The shared Redis connection, when `REDIS_URL` is set. */
  redis?: Redis;
  bot: Bot;
  turns: TurnRunner;
  /** What `/healthz` reports; components push their probe here. */
  health: HealthCheck[];
  /**
   * Builds ahead of time what the first turns would otherwise build (the recommender's catalog index, statistics
   * and vector index). Call it once the catalogs are loaded; turns work before it ends, only slower.
   */
  warmUp(): Promise<void>;
  /** Releases every connection and timer, in reverse order of creation. */
  close(): Promise<void>;
}

/** Options for {@link createAppServices}. */
export interface AppServicesOptions {
  config: AppConfig;
  /** The turn handler; default the shopping assistant's dialogs. Tests plug in their own here. */
  handler?: (deps: { translator: Translator; stores: AppStores; warmers: (() => Promise<void>)[] }) => TurnHandler;
  /** Extra middleware run after the session is loaded. */
  middleware?: Middleware<TurnContext>[];
  /** Where logs go (default stdout). */
  logDestination?: NodeJS.WritableStream;
}

/** What the stores are built from: shared connections, health probes and the list of things to close. */
interface StoreDeps {
  config: AppConfig;
  health: HealthCheck[];
  closers: (() => Promise<void>)[];
  redis?: Redis;
}

function connectRedis(url: string, closers: StoreDeps['closers'], logger: PinoLogger): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  client.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis connection problem'));
  closers.push(async () => {
    await client.quit().catch(() => client.disconnect());
  });
  return client;
}

function createStores({ config, health, closers, redis }: StoreDeps): Pick<AppStores, 'sessions' | 'pipeline'> {
  if (redis && config.redis) {
    const sessions = new RedisSessionStore({
      client: redis,
      keyPrefix: `${config.redis.keyPrefix}session:`,
      ttlSeconds: config.sessionTtlSeconds,
    });
    const pipeline = createRedisPipelineStores({ client: redis, keyPrefix: config.redis.keyPrefix });
    closers.push(() => closePipelineStores(pipeline));
    const ping = async (): Promise<void> => void (await redis.ping());
    health.push({ name: 'sessions', kind: 'redis', check: ping }, { name: 'pipeline', kind: 'redis', check: ping });
    return { sessions, pipeline };
  }
  const sessions = new MemorySessionStore({ ttlSeconds: config.sessionTtlSeconds });
  const pipeline = createMemoryPipelineStores();
  closers.push(() => sessions.close(), () => closePipelineStores(pipeline));
  const alwaysUp = async (): Promise<void> => {};
  health.push({ name: 'sessions', kind: 'memory', check: alwaysUp }, { name: 'pipeline', kind: 'memory', check: alwaysUp });
  return { sessions, pipeline };
}

/**
 * The composition root: builds the logger, metrics, translator, stores, bot and turn runner from the
 * configuration. Each production part is chosen here by configuration, nowhere else.
 */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { config } = options;
  const logOptions = { level: config.logLevel, base: { service: 'shopping-assistant' } };
  const logger = options.logDestination ? pino(logOptions, options.logDestination) : pino(logOptions);
  const closers: (() => Promise<void>)[] = [];
  const health: HealthCheck[] = [];
  const metrics = createMetrics();
  const resources = loadLocaleResources();
  const translator = createI18nextTranslator({
    resources,
    onMissingKey: (locale, key) => logger.warn({ locale, key }, 'missing translation'),
  });
  const redis = config.redis ? connectRedis(config.redis.url, closers, logger) : undefined;
  const base = createStores({ config, health, closers, redis });
  const context = await createContextServices({ config, logger, sessions: base.sessions, redis, health, closers });
  const studio = await createStudioServices({ config, logger, throttle: base.pipeline.rateLimit, health, closers });
  const stores: AppStores = { ...base, catalog: context.catalog, events: context.events, profiles: context.profiles, consent: context.consent };
  const warmers: (() => Promise<void>)[] = [];
  const handler = (options.handler ?? shoppingAssistantHandler)({ translator, stores, context, studio, logger: logger as unknown as Logger, warmers });
  const coreLogger = logger as unknown as Logger;
  const bot = createBot({
    translator,
    handler,
    logger: coreLogger,
    // DESIGN's order: dedup -> rate limit -> identity -> consent -> locale -> conversation lock, then the
    // session (loaded inside the lock, so concurrent turns of one conversation never race on it).
    middleware: [
      ...createPipeline({
        stores: stores.pipeline,
        translator,
        rateLimit: { limit: config.rateLimitPerMinute },
        // In-app and web activity ids are minted per request by this server: nothing redelivers them.
        dedup: { skipChannels: ['inapp', 'web'] },
        // Messenger users linked to an app account (one-time code) are that shopper, with their history.
        resolveShopper: (channel, channelUserId) => context.identity.resolve({ channel, channelUserId }),
      }),
      linkCodeMiddleware({ identity: context.identity }),
      sessionMiddleware({ sessions: stores.sessions, translator }),
      // Identified shoppers' turns, redacted, kept for the conversation-log retention (default 90 days).
      conversationLogMiddleware({ log: context.conversationLog }),
      ...(options.middleware ?? []),
    ],
  });
  const turns = createTurnRunner({ bot, translator, logger: coreLogger, timeoutMs: config.turnTimeoutMs, metrics });
  const tokens = createShopperTokens({ secret: config.auth.jwtSecret });
  return {
    config, logger, metrics, resources, translator, tokens, stores, context, studio, redis, bot, turns, health,
    async warmUp() {
      for (const warm of warmers) await warm();
    },
    async close() {
      for (const close of closers.reverse()) await close().catch((err: unknown) => logger.error({ err }, 'close failed'));
    },
  };
}

/** The widget's UI strings per locale: the `web` namespace. */
export function widgetStrings(resources: Resource): Record<Locale, unknown> {
  return { ru: resources.ru?.web ?? {}, en: resources.en?.web ?? {} };
}
