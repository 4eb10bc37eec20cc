import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { MongoClient } from 'mongodb';
import type { Logger as PinoLogger } from 'pino';
import { createLangChainChatModel } from '../../adapters/llm/langchain-chat-model.ts';
import type { HealthCheck } from '../../adapters/http/health.ts';
import { registerStudioRoutes } from '../../adapters/http/studio-routes.ts';
import { MongoTemplateStore } from '../../adapters/stores/mongo/template-store.ts';
import { MongoAuditLog } from '../../adapters/stores/mongo/template-store-audit.ts';
import { MongoStudioUserStore } from '../../adapters/stores/mongo/template-store-users.ts';
import { withResilience, type ResilientChatModel } from '../../core/llm/resilient-chat-model.ts';
import type { PromptTemplate } from '../../core/llm/prompt-template.ts';
import type { RateLimitStore } from '../../core/pipeline/rate-limit-store.ts';
import { MemoryTemplateStore } from '../../core/stores/template-store-memory.ts';
import type { TemplateStore } from '../../core/stores/template-store.ts';
import type { AuditLog } from '../../core/studio/audit-log.ts';
import { MemoryAuditLog } from '../../core/studio/memory-audit-log.ts';
import { MemoryStudioUserStore } from '../../core/studio/memory-studio-user-store.ts';
import { loadPromptTemplates } from '../../core/studio/prompt-files.ts';
import { StudioAccounts, type BootstrapResult } from '../../core/studio/studio-accounts.ts';
import type { StudioUserStore } from '../../core/studio/studio-user-store.ts';
import { TemplateStudio } from '../../core/studio/template-studio.ts';
import type { AppConfig } from './config.ts';

/** The shipped prompt templates and the studio's static files. */
export const PROMPTS_DIR = join(import.meta.dirname, '../../prompts');
export const STUDIO_PUBLIC_DIR = join(import.meta.dirname, '../../studio/public');

/** The prompt studio and the published templates the bot reads at run time. */
export interface StudioServices {
  /** `templates.getPublished(bot, use, locale)` is what dialogs and LLM code call for the live template. */
  templates: TemplateStore;
  users: StudioUserStore;
  audit: AuditLog;
  studio: TemplateStudio;
  accounts: StudioAccounts;
  /** The first admin: created at start-up (with the generated password to print) or already there. */
  bootstrap: Promise<BootstrapResult>;
  /** The LLM behind a timeout and a circuit breaker, when `LLM_BASE_URL` is set (previews use it). */
  model?: ResilientChatModel;
}

/** Options for {@link createStudioServices}. */
export interface StudioServicesOptions {
  config: AppConfig;
  logger: PinoLogger;
  /** Counts login attempts: the pipeline's rate-limit store (Redis when several workers run). */
  throttle: RateLimitStore;
  health: HealthCheck[];
  closers: (() => Promise<void>)[];
  /** The shipped templates (default: the files in `prompts/`). */
  shipped?: PromptTemplate[];
}

type StudioStores = Pick<StudioServices, 'templates' | 'users' | 'audit'>;

async function createStores(options: StudioServicesOptions, shipped: PromptTemplate[]): Promise<StudioStores> {
  const { config, health, closers } = options;
  if (!config.mongo) {
    health.push({ name: 'templates', kind: 'memory', check: async () => {} });
    return { templates: new MemoryTemplateStore({ shipped }), users: new MemoryStudioUserStore(), audit: new MemoryAuditLog() };
  }
  const client = new MongoClient(config.mongo.uri);
  await client.connect();
  closers.push(() => client.close());
  const db = client.db();
  const templates = new MongoTemplateStore({ db, shipped });
  const audit = new MongoAuditLog({ db });
  await Promise.all([templates.ensureIndexes(), audit.ensureIndexes()]);
  health.push({ name: 'templates', kind: 'mongodb', check: async () => void (await db.command({ ping: 1 })) });
  return { templates, users: new MongoStudioUserStore({ db }), audit };
}

function createModel(config: AppConfig): ResilientChatModel | undefined {
  if (!config.llm) return undefined;
  const { provider, baseUrl, model, apiKey, timeoutMs } = config.llm;
  return withResilience(createLangChainChatModel({ provider, baseUrl, model, apiKey }), { firstChunkTimeoutMs: timeoutMs, totalTimeoutMs: timeoutMs * 3 });
}

/**
 * Builds the studio: template store (MongoDB with `MONGODB_URI`, else in memory seeded from `prompts/`), users,
 * audit log, the resilient LLM for previews, and the first admin from `STUDIO_ADMIN_USER`/`STUDIO_ADMIN_PASSWORD`.
 */
export async function createStudioServices(options: StudioServicesOptions): Promise<StudioServices> {
  const shipped = options.shipped ?? loadPromptTemplates(PROMPTS_DIR);
  const stores = await createStores(options, shipped);
  const model = createModel(options.config);
  const studio = new TemplateStudio({ templates: stores.templates, audit: stores.audit, model });
  const accounts = new StudioAccounts({ users: stores.users, audit: stores.audit, throttle: options.throttle });
  const { adminUser, adminPassword } = options.config.studio;
  // Not awaited: hashing the password takes a moment and logins wait for it anyway.
  const bootstrap = accounts.bootstrapAdmin({ username: adminUser, password: adminPassword });
  bootstrap.then(
    (result) => result.created && options.logger.info({ username: result.username }, 'studio admin created'),
    (err: unknown) => options.logger.error({ err }, 'studio admin bootstrap failed'),
  );
  return { ...stores, studio, accounts, bootstrap, ...(model ? { model } : {}) };
}

/** `/studio` and `/api/v1/studio/*`. */
export function registerStudio(app: FastifyInstance, options: { studio: StudioServices; config: AppConfig }): void {
  const { studio, config } = options;
  registerStudioRoutes(app, {
    studio: studio.studio,
    accounts: studio.accounts,
    publicDir: STUDIO_PUBLIC_DIR,
    session: { secret: config.studio.sessionSecret, secureCookies: config.studio.secureCookies },
  });
}
