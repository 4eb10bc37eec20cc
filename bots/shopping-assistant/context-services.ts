import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger as PinoLogger } from 'pino';
import { registerCatalogRoutes } from '../../adapters/http/catalog-routes.ts';
import { registerEventsRoutes } from '../../adapters/http/events-routes.ts';
import type { HealthCheck } from '../../adapters/http/health.ts';
import { registerUsersRoutes } from '../../adapters/http/users-routes.ts';
import { connectMongoStores } from '../../adapters/stores/mongo/mongo-stores.ts';
import { RedisEventStream } from '../../adapters/stores/redis/event-stream.ts';
import { RedisEventStreamConsumer } from '../../adapters/stores/redis/event-stream-consumer.ts';
import { RedisEventStreamFollower } from '../../adapters/stores/redis/event-stream-follower.ts';
import { ConsentService } from '../../core/context/consent-service.ts';
import { ErasureService, type ErasureParticipant } from '../../core/context/erasure-service.ts';
import { InProcessEventQueue, type EventQueue } from '../../core/context/event-queue.ts';
import { IdentityService } from '../../core/context/identity-service.ts';
import { IngestionService } from '../../core/context/ingestion-service.ts';
import { ProfileBuilder } from '../../core/context/profile-builder.ts';
import { createPseudonymizer, identityMapper, type ShopperIdMapper } from '../../core/context/pseudonymizer.ts';
import type { ShopEvent } from '../../core/events/shop-event.ts';
import type { Logger } from '../../core/logger.ts';
import { createTimeSlicer } from '../../core/time-slicer.ts';
import type { CatalogStore } from '../../core/stores/catalog-store.ts';
import type { ConsentStore } from '../../core/stores/consent-store.ts';
import type { ConversationLogStore } from '../../core/stores/conversation-log-store.ts';
import type { EventStore } from '../../core/stores/event-store.ts';
import type { IdentityStore } from '../../core/stores/identity-store.ts';
import { MemoryCatalogStore } from '../../core/stores/memory-catalog-store.ts';
import { MemoryConsentStore } from '../../core/stores/memory-consent-store.ts';
import { MemoryConversationLogStore } from '../../core/stores/memory-conversation-log-store.ts';
import { MemoryEventStore } from '../../core/stores/memory-event-store.ts';
import { MemoryIdentityStore } from '../../core/stores/memory-identity-store.ts';
import { MemoryProfileStore } from '../../core/stores/memory-profile-store.ts';
import type { ProfileStore } from '../../core/stores/profile-store.ts';
import type { SessionStore } from '../../core/stores/session-store.ts';
import { demoDataSteps } from '../demo-data/index.ts';
import type { AppConfig } from './config.ts';

/** The shopper-context stores: MongoDB with `MONGODB_URI`, else in memory. */
export interface ContextStores {
  catalog: CatalogStore;
  events: EventStore;
  /** The builder's own store; readers get {@link ContextServices.profiles}, whose views are always fresh. */
  rawProfiles: ProfileStore;
  identities: IdentityStore;
  consent: ConsentStore;
  conversationLog: ConversationLogStore;
}

/** Everything about shoppers: stores, profile builder, ingestion, identity, consent, erasure. */
export interface ContextServices extends ContextStores {
  /** Profiles for every reader (dialogs, recommender, HTTP): stale views are derived on read. */
  profiles: ProfileStore;
  builder: ProfileBuilder;
  ingestion: IngestionService;
  erasure: ErasureService;
  identity: IdentityService;
  consentService: ConsentService;
  /** The shopper-id mapping of the ingestion boundary (HMAC pseudonymisation or none). */
  shopperIds: ShopperIdMapper;
  /** The Redis Stream worker of the consumer group (applies each event to profiles once), with `REDIS_URL`. */
  consumer?: RedisEventStreamConsumer;
  /** This worker's reader of the whole Redis Stream, feeding {@link onEventsApplied}, with `REDIS_URL`. */
  follower?: RedisEventStreamFollower;
  /**
   * Calls `listener` with every accepted event, once, so that in-process models (the recommender's global
   * statistics) learn from all of them: in process, after the batch is applied to profiles; with `REDIS_URL`,
   * every worker reads the whole stream itself (from its beginning at start-up, which rebuilds the statistics),
   * whichever worker's consumer group member applies the event to profiles. Erasure notices in the stream run
   * {@link ErasureService.eraseInProcess} in every worker. The first registration starts the stream reader:
   * register every listener before the event loop runs on, or a later one misses the replayed history.
   */
  onEventsApplied(listener: EventsListener): void;
  /**
   * Loads the demo catalogs and shopper histories unless DEMO_DATA=off (undefined then). Called by `npm start`;
   * a second call returns the first call's promise.
   */
  loadDemoData(): Promise<{ items: number; events: number } | undefined>;
}

/** Receives events once they are applied to profiles. */
export type EventsListener = (events: readonly ShopEvent[]) => void;

/** Options for {@link createContextServices}. */
export interface ContextServicesOptions {
  config: AppConfig;
  logger: PinoLogger;
  sessions: SessionStore;
  redis?: Redis;
  health: HealthCheck[];
  closers: (() => Promise<void>)[];
  /** Other holders of shopper data (the vector index) erased with everything else. */
  erasureParticipants?: ErasureParticipant[];
  /** Pseudonymises shopper ids at the ingestion boundary when set (at least 16 characters). */
  pseudonymKey?: string;
  conversationRetentionDays?: number;
  /**
   * Use these stores instead of connecting (the caller closes them): several workers in one process sharing
   * one database, as the multi-worker tests do in place of one MongoDB.
   */
  stores?: ContextStores;
}

async function createStores(options: ContextServicesOptions): Promise<ContextStores> {
  const { config, health, closers } = options;
  if (config.mongo) {
    const mongo = await connectMongoStores({ uri: config.mongo.uri, conversationRetentionDays: options.conversationRetentionDays });
    closers.push(() => mongo.close());
    const ping = async (): Promise<void> => void (await mongo.db.command({ ping: 1 }));
    health.push({ name: 'profiles', kind: 'mongodb', check: ping });
    return { ...mongo, rawProfiles: mongo.profiles };
  }
  const conversationLog = new MemoryConversationLogStore({ retentionDays: options.conversationRetentionDays });
  // Expired turns are hidden at once; this only frees their memory.
  const sweep = setInterval(() => void conversationLog.purgeExpired(), 3_600_000);
  sweep.unref();
  closers.push(async () => clearInterval(sweep));
  health.push({ name: 'profiles', kind: 'memory', check: async () => {} });
  return {
    catalog: new MemoryCatalogStore(),
    events: new MemoryEventStore(),
    rawProfiles: new MemoryProfileStore(),
    identities: new MemoryIdentityStore(),
    consent: new MemoryConsentStore(),
    conversationLog,
  };
}

type ApplyEvents = (events: readonly ShopEvent[]) => ReturnType<ProfileBuilder['applyEvents']>;

/** What the event queue drives: the once-only profile work, the in-process listeners, in-process erasure. */
interface QueueTargets {
  apply: ApplyEvents;
  notify: (events: readonly ShopEvent[]) => void;
  eraseInProcess: (shopperId: string) => Promise<unknown>;
}

interface Queue {
  queue: EventQueue;
  consumer?: RedisEventStreamConsumer;
  follower?: RedisEventStreamFollower;
  /** Tells every worker about an erasure (with Redis). */
  broadcastErasure?: ErasureParticipant;
}

function ownConnection(redis: Redis, logger: PinoLogger): Redis {
  const client = redis.duplicate();
  client.on('error', (err: Error) => logger.warn({ err: err.message }, 'event stream connection problem'));
  return client;
}

function createQueue(options: ContextServicesOptions, targets: QueueTargets): Queue {
  const { config, redis, closers } = options;
  const { apply, notify } = targets;
  if (!redis || !config.redis) {
    return { queue: new InProcessEventQueue({ apply: async (events) => { const result = await apply(events); notify(events); return result; } }) };
  }
  const stream = `${config.redis.keyPrefix}events`;
  const reader = ownConnection(redis, options.logger);
  const consumer = new RedisEventStreamConsumer({
    client: reader,
    stream,
    group: 'profiles',
    consumer: `${hostname()}-${process.pid}`,
    handler: apply,
    logger: options.logger as unknown as Logger,
  });
  // The group hands each event to one worker; this reader gives every worker all of them (and replays the
  // stream at start-up), for the in-process statistics only: the group does the profile work, so nothing is
  // applied twice, and listeners hear each event once per worker.
  const followerClient = ownConnection(redis, options.logger);
  const follower = new RedisEventStreamFollower({
    client: followerClient,
    stream,
    onEvents: notify,
    onErase: (shopperId) => targets.eraseInProcess(shopperId),
    logger: options.logger as unknown as Logger,
  });
  closers.push(async () => {
    await Promise.all([consumer.stop(), follower.stop()]);
    reader.disconnect();
    followerClient.disconnect();
  });
  options.health.push({ name: 'events', kind: 'redis-stream', check: async () => void (await redis.xlen(stream)) });
  const queue = new RedisEventStream({ client: redis, stream });
  const broadcastErasure: ErasureParticipant = { name: 'eventStream', erase: (shopperId) => queue.publishErasure(shopperId) };
  return { queue, consumer, follower, broadcastErasure };
}

/**
 * Demo events per ingested batch: the largest batch (ingestion slices its own work), since every batch costs each
 * shopper in it one more profile update.
 */
const DEMO_BATCH = 10_000;

async function loadDemoData(services: ContextServices, logger: PinoLogger, stopped: () => boolean): Promise<{ items: number; events: number }> {
  const started = Date.now();
  // Sliced, as is the ingestion below: the server keeps answering (health checks, webhooks) while it loads.
  const slicer = createTimeSlicer();
  const data = await slicer.drain(demoDataSteps({ seed: 20261101 }));
  await services.catalog.upsertMany(data.items);
  let events = 0;
  for (let i = 0; i < data.events.length && !stopped(); i += DEMO_BATCH) {
    events += (await services.ingestion.ingest(data.events.slice(i, i + DEMO_BATCH))).accepted;
    await slicer.pause();
  }
  logger.info({ items: data.items.length, events, shoppers: data.shoppers.length, ms: Date.now() - started }, 'demo data loaded');
  return { items: data.items.length, events };
}

/**
 * Builds the shopper context from the configuration: MongoDB stores with `MONGODB_URI` (in memory otherwise),
 * ingestion through a Redis Stream consumer group with `REDIS_URL` (in process otherwise); `loadDemoData()`
 * fills them with the seeded demo catalogs and shoppers unless `DEMO_DATA=off`.
 */
export async function createContextServices(options: ContextServicesOptions): Promise<ContextServices> {
  const stores = options.stores ?? (await createStores(options));
  const builder = new ProfileBuilder({ profiles: stores.rawProfiles, catalog: stores.catalog });
  const listeners: EventsListener[] = [];
  const notify = (events: readonly ShopEvent[]): void => {
    for (const listener of listeners) {
      try {
        listener(events);
      } catch (err) {
        options.logger.error({ err }, 'events listener failed');
      }
    }
  };
  const { queue, consumer, follower, broadcastErasure } = createQueue(options, {
    apply: (events) => builder.applyEvents(events),
    notify,
    // Called from the stream reader only, which starts after `erasure` exists.
    eraseInProcess: (shopperId) => erasure.eraseInProcess(shopperId),
  });
  const shopperIds = options.pseudonymKey ? createPseudonymizer({ key: options.pseudonymKey }) : identityMapper;
  consumer?.start();
  let demo: Promise<{ items: number; events: number } | undefined> | undefined;
  let stopped = false;
  // Closers run last-in first-out: a running demo load stops before the stores it writes to close.
  options.closers.push(async () => {
    stopped = true;
    await demo;
  });
  const erasure = new ErasureService({
    profiles: stores.rawProfiles,
    events: stores.events,
    identities: stores.identities,
    conversationLog: stores.conversationLog,
    consent: stores.consent,
    sessions: options.sessions,
    participants: [...(options.erasureParticipants ?? []), ...(broadcastErasure ? [broadcastErasure] : [])],
  });
  const services: ContextServices = {
    ...stores,
    profiles: builder.profiles,
    builder,
    ingestion: new IngestionService({ events: stores.events, queue, shopperIds }),
    erasure,
    identity: new IdentityService({ store: stores.identities }),
    consentService: new ConsentService({ store: stores.consent }),
    shopperIds,
    ...(consumer ? { consumer } : {}),
    ...(follower ? { follower } : {}),
    onEventsApplied(listener) {
      listeners.push(listener);
      // The replay of the stream waits for the first listener (the recommender is built after this returns).
      follower?.start();
    },
    loadDemoData() {
      if (!options.config.demoData) return Promise.resolve(undefined);
      demo ??= loadDemoData(services, options.logger, () => stopped);
      return demo;
    },
  };
  return services;
}

/** The catalog, events and users APIs of DESIGN.md, behind the service API key. */
export function registerContextRoutes(app: FastifyInstance, options: { context: ContextServices; apiKey: string }): void {
  const { context, apiKey } = options;
  registerCatalogRoutes(app, { catalog: context.catalog, apiKey });
  registerEventsRoutes(app, { ingestion: context.ingestion, apiKey });
  registerUsersRoutes(app, { profiles: context.profiles, erasure: context.erasure, apiKey, shopperIds: context.shopperIds });
}
