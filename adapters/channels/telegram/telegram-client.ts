import { createHash } from 'node:crypto';
import { Api } from 'grammy';
import { retryTransformer, type TelegramRetryOptions } from './telegram-retry.ts';

/** Options for {@link createTelegramApi}. */
export interface TelegramApiOptions {
  botToken: string;
  /** The Bot API server (default Telegram's; a local Bot API server or a test double otherwise). */
  apiRoot?: string;
  /** How long one call may take (default 15 s). */
  timeoutSeconds?: number;
  /** How 429s and 5xx are retried (see {@link retryTransformer}). */
  retry?: TelegramRetryOptions;
}

/** The grammY Bot API client the adapter sends with; flood limits (429) and 5xx are retried briefly. */
export function createTelegramApi(options: TelegramApiOptions): Api {
  const api = new Api(options.botToken, {
    ...(options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, '') } : {}),
    timeoutSeconds: options.timeoutSeconds ?? 15,
  });
  api.config.use(retryTransformer(options.retry));
  return api;
}

/**
 * The webhook secret used when `TELEGRAM_WEBHOOK_SECRET` is unset: derived from the bot token, so every
 * worker agrees on it and it survives restarts, yet it reveals nothing about the token. Register the
 * webhook with it as `secret_token` (characters Telegram allows: A-Z a-z 0-9 _ -).
 */
export function derivedWebhookSecret(botToken: string): string {
  return createHash('sha256').update(`sovetnik:telegram-webhook:${botToken}`).digest('hex').slice(0, 48);
}
