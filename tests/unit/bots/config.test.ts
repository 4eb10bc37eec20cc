import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../bots/shopping-assistant/config.ts';
import { ConfigError } from '../../../core/errors.ts';

function problems(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('runs on embedded defaults with no variables, with random secrets marked as generated', () => {
    const a = parseConfig({});
    const b = parseConfig({});
    expect(a).toMatchObject({
      http: { port: 3000, host: '127.0.0.1' },
      rateLimitPerMinute: 50,
      sessionTtlSeconds: 86_400,
      logLevel: 'info',
      demoData: true,
      auth: { generated: { apiKey: true, jwtSecret: true } },
    });
    expect(a.redis).toBeUndefined();
    expect(a.llm).toBeUndefined();
    expect(a.auth.apiKey).toHaveLength(43);
    expect(a.auth.apiKey).not.toBe(b.auth.apiKey);
    expect(a.auth.jwtSecret).not.toBe(b.auth.jwtSecret);
  });

  it('switches each part to production when its variables are set; empty strings count as unset', () => {
    const config = parseConfig({
      PORT: '8080', REDIS_URL: 'redis://redis:6379', MONGODB_URI: 'mongodb://mongo:27017/sovetnik', SOVETNIK_API_KEY: 'k'.repeat(20),
      LLM_BASE_URL: 'http://vllm:8000/v1', LLM_MODEL: 'Qwen/Qwen2.5-7B-Instruct', PINECONE_API_KEY: 'pc', PINECONE_INDEX: 'items',
      DEMO_DATA: 'off', RATE_LIMIT_PER_MINUTE: '10', EMBEDDINGS_BASE_URL: '', TELEGRAM_BOT_TOKEN: '123:abc',
    });
    expect(config).toMatchObject({
      http: { port: 8080 },
      redis: { url: 'redis://redis:6379', keyPrefix: 'sovetnik:' },
      mongo: { uri: 'mongodb://mongo:27017/sovetnik' },
      llm: { provider: 'openai', baseUrl: 'http://vllm:8000/v1', model: 'Qwen/Qwen2.5-7B-Instruct' },
      pinecone: { apiKey: 'pc', index: 'items' },
      telegram: { botToken: '123:abc' },
      demoData: false,
      rateLimitPerMinute: 10,
      auth: { apiKey: 'k'.repeat(20), generated: { apiKey: false, jwtSecret: true } },
    });
    expect(config.embeddings).toBeUndefined();
  });

  it('lists every bad value at once, naming the variable and what it must be', () => {
    const message = problems({
      PORT: 'eighty', RATE_LIMIT_PER_MINUTE: '0', REDIS_URL: 'localhost:6379', LOG_LEVEL: 'loud', DEMO_DATA: 'yes',
      LLM_MODEL: 'qwen', INAPP_JWT_SECRET: 'short', SESSION_TTL_SECONDS: '1.5',
    });
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toMatch(/PORT: must be a number \(got "eighty"\)/);
    expect(message).toMatch(/RATE_LIMIT_PER_MINUTE: must be at least 1/);
    expect(message).toMatch(/REDIS_URL: must be a URL like redis:\/\/localhost:6379/);
    expect(message).toMatch(/LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent/);
    expect(message).toMatch(/DEMO_DATA: must be 'on' or 'off'/);
    expect(message).toMatch(/LLM_BASE_URL and LLM_MODEL must be set together/);
    expect(message).toMatch(/INAPP_JWT_SECRET: must be at least 32 characters/);
    expect(message).toMatch(/SESSION_TTL_SECONDS: must be a whole number/);
    expect(message).not.toMatch(/short/); // secrets are never echoed
  });
});

describe('configuration as README documents it', () => {
  it('refuses a Telegram webhook secret Telegram itself would refuse (1-256 of A-Z a-z 0-9 _ -)', () => {
    expect(problems({ TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_WEBHOOK_SECRET: 'has spaces!' })).toMatch(/TELEGRAM_WEBHOOK_SECRET: must be 1-256 of/);
    expect(problems({ TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_WEBHOOK_SECRET: 'a'.repeat(257) })).toMatch(/TELEGRAM_WEBHOOK_SECRET/);
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_WEBHOOK_SECRET: 'Ok_secret-1' }).telegram?.webhookSecret).toBe('Ok_secret-1');
  });
});
