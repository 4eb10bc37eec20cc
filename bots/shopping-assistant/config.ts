import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../../core/errors.ts';

/** The environment as a plain record (process.env in production, a literal in tests). */
export type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const int = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const url = (protocols: RegExp, example: string) =>
  z.url({ protocol: protocols, error: `must be a URL like ${example}` });

const httpUrl = url(/^https?$/, 'http://host:port/path');

/** Every variable the assistant reads; empty strings count as unset. See README's configuration table. */
const envSchema = z.object({
  PORT: int(0, 65_535, 3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SOVETNIK_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  INAPP_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (256 bits for HS256)').optional(),
  REDIS_URL: url(/^rediss?$/, 'redis://localhost:6379').optional(),
  REDIS_KEY_PREFIX: z.string().min(1).max(100).default('sovetnik:'),
  MONGODB_URI: url(/^mongodb(\+srv)?$/, 'mongodb://localhost:27017/sovetnik').optional(),
  RATE_LIMIT_PER_MINUTE: int(1, 1_000_000, 50),
  SESSION_TTL_SECONDS: int(1, 31_536_000, 86_400),
  TURN_TIMEOUT_MS: int(100, 600_000, 15_000),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  DEMO_DATA: z.enum(['on', 'off'], { error: "must be 'on' or 'off'" }).default('on'),
  LLM_PROVIDER: z.enum(['openai', 'ollama'], { error: "must be 'openai' (vLLM and other OpenAI-compatible servers) or 'ollama'" }).default('openai'),
  LLM_BASE_URL: httpUrl.optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: int(100, 600_000, 8_000),
  EMBEDDINGS_BASE_URL: httpUrl.optional(),
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  PINECONE_API_KEY: z.string().min(1).optional(),
  PINECONE_INDEX: z.string().min(1).optional(),
  PINECONE_HOST: httpUrl.optional(),
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  // Telegram accepts only these as a webhook's secret_token, so another value could never be registered.
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 of A-Z a-z 0-9 _ -').optional(),
  TELEGRAM_API_ROOT: httpUrl.optional(),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_API_URL: httpUrl.optional(),
  MICROSOFT_APP_ID: z.string().min(1).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().regex(/^[\w.-]{1,100}$/, 'must be a tenant id or domain').optional(),
  TEAMS_OPENID_METADATA_URL: httpUrl.optional(),
  TEAMS_TOKEN_URL: httpUrl.optional(),
  STUDIO_ADMIN_USER: z.string().regex(/^[a-z0-9._-]{2,64}$/, 'must be 2-64 of a-z, 0-9, dot, underscore, dash').default('admin'),
  STUDIO_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(200).optional(),
  STUDIO_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  STUDIO_SECURE_COOKIES: z.enum(['auto', 'always', 'never'], { error: "must be 'auto', 'always' or 'never'" }).default('auto'),
});

type ParsedEnv = z.infer<typeof envSchema>;

/** Variables that only make sense together. */
const TOGETHER: [string, string][] = [
  ['LLM_BASE_URL', 'LLM_MODEL'],
  ['EMBEDDINGS_BASE_URL', 'EMBEDDINGS_MODEL'],
  ['PINECONE_API_KEY', 'PINECONE_INDEX'],
  ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'],
  ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD'],
];

/** The assistant's configuration, parsed and checked once at start-up. */
export interface AppConfig {
  http: { port: number; host: string };
  auth: {
    apiKey: string;
    jwtSecret: string;
    /** Which secrets were generated because they were unset (printed at start-up). */
    generated: { apiKey: boolean; jwtSecret: boolean };
  };
  /** Redis, when configured; `keyPrefix` namespaces every key so several deployments can share one server. */
  redis?: { url: string; keyPrefix: string };
  mongo?: { uri: string };
  rateLimitPerMinute: number;
  sessionTtlSeconds: number;
  turnTimeoutMs: number;
  logLevel: ParsedEnv['LOG_LEVEL'];
  demoData: boolean;
  llm?: { provider: 'openai' | 'ollama'; baseUrl: string; model: string; apiKey?: string; timeoutMs: number };
  embeddings?: { baseUrl: string; model: string; apiKey?: string };
  pinecone?: { apiKey: string; index: string; host?: string };
  telegram?: { botToken: string; webhookSecret?: string; apiRoot?: string };
  slack?: { botToken: string; signingSecret: string; apiUrl?: string };
  /**
   * Bot Framework (Teams): a single-tenant bot names its tenant; the OpenID metadata (signing keys of
   * incoming requests) and the token endpoint default to Microsoft's and are overridable for tests.
   */
  teams?: { appId: string; appPassword: string; tenantId?: string; openIdMetadataUrl?: string; tokenUrl?: string };
  /** The prompt studio: the bootstrapped admin (a random password, printed at start-up, when unset) and sessions. */
  studio: {
    adminUser: string;
    adminPassword?: string;
    sessionSecret: string;
    secureCookies: 'auto' | 'always' | 'never';
  };
}

function withoutEmpty(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}

function shown(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined) return '';
  return /KEY|SECRET|TOKEN|PASSWORD|URI|URL/.test(name) ? '' : ` (got "${value.slice(0, 60)}")`;
}

const secret = (): string => randomBytes(32).toString('base64url');

/**
 * Parses the environment into an {@link AppConfig}. Throws one ConfigError listing every bad variable,
 * so an operator fixes them all in one go. Secret values are never echoed back.
 */
export function parseConfig(rawEnv: Env): AppConfig {
  const env = withoutEmpty(rawEnv);
  const result = envSchema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `  ${String(issue.path[0])}: ${issue.message}${shown(env, String(issue.path[0]))}`);
  for (const [a, b] of TOGETHER) {
    if ((env[a] === undefined) !== (env[b] === undefined)) problems.push(`  ${a} and ${b} must be set together`);
  }
  if (!result.success || problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`, { details: problems });
  }
  return toConfig(result.data);
}

function toConfig(e: ParsedEnv): AppConfig {
  return {
    http: { port: e.PORT, host: e.HOST },
    auth: {
      apiKey: e.SOVETNIK_API_KEY ?? secret(),
      jwtSecret: e.INAPP_JWT_SECRET ?? secret(),
      generated: { apiKey: !e.SOVETNIK_API_KEY, jwtSecret: !e.INAPP_JWT_SECRET },
    },
    ...(e.REDIS_URL ? { redis: { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } } : {}),
    ...(e.MONGODB_URI ? { mongo: { uri: e.MONGODB_URI } } : {}),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    studio: {
      adminUser: e.STUDIO_ADMIN_USER,
      ...(e.STUDIO_ADMIN_PASSWORD ? { adminPassword: e.STUDIO_ADMIN_PASSWORD } : {}),
      sessionSecret: e.STUDIO_SESSION_SECRET ?? secret(),
      secureCookies: e.STUDIO_SECURE_COOKIES,
    },
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    turnTimeoutMs: e.TURN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA === 'on',
    ...(e.LLM_BASE_URL && e.LLM_MODEL
      ? { llm: { provider: e.LLM_PROVIDER, baseUrl: e.LLM_BASE_URL, model: e.LLM_MODEL, apiKey: e.LLM_API_KEY, timeoutMs: e.LLM_TIMEOUT_MS } }
      : {}),
    ...(e.EMBEDDINGS_BASE_URL && e.EMBEDDINGS_MODEL
      ? { embeddings: { baseUrl: e.EMBEDDINGS_BASE_URL, model: e.EMBEDDINGS_MODEL, apiKey: e.EMBEDDINGS_API_KEY } }
      : {}),
    ...(e.PINECONE_API_KEY && e.PINECONE_INDEX
      ? { pinecone: { apiKey: e.PINECONE_API_KEY, index: e.PINECONE_INDEX, host: e.PINECONE_HOST } }
      : {}),
    ...(e.TELEGRAM_BOT_TOKEN
      ? { telegram: { botToken: e.TELEGRAM_BOT_TOKEN, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET, apiRoot: e.TELEGRAM_API_ROOT } }
      : {}),
    ...(e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET
      ? { slack: { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, apiUrl: e.SLACK_API_URL } }
      : {}),
    ...(e.MICROSOFT_APP_ID && e.MICROSOFT_APP_PASSWORD
      ? {
        teams: {
          appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD, tenantId: e.MICROSOFT_APP_TENANT_ID,
          openIdMetadataUrl: e.TEAMS_OPENID_METADATA_URL, tokenUrl: e.TEAMS_TOKEN_URL,
        },
      }
      : {}),
  };
}
