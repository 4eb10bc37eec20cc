import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../core/logger.ts';
import { createCallbackPayloads } from '../../adapters/channels/telegram/callback-payloads.ts';
import { createTelegramApi, derivedWebhookSecret } from '../../adapters/channels/telegram/telegram-client.ts';
import { registerTelegramRoutes } from '../../adapters/channels/telegram/telegram-routes.ts';
import { createSlackClient } from '../../adapters/channels/slack/slack-client.ts';
import { registerSlackRoutes } from '../../adapters/channels/slack/slack-routes.ts';
import { createBotConnectorClient } from '../../adapters/channels/teams/bot-connector-client.ts';
import { createBotFrameworkAuth } from '../../adapters/channels/teams/bot-framework-auth.ts';
import { registerTeamsRoutes } from '../../adapters/channels/teams/teams-routes.ts';
import type { AppServices } from './app-services.ts';

/** The Telegram webhook secret in force: the configured one, else one derived from the bot token. */
export function telegramWebhookSecret(config: NonNullable<AppServices['config']['telegram']>): string {
  return config.webhookSecret ?? derivedWebhookSecret(config.botToken);
}

function registerTelegram(app: FastifyInstance, services: AppServices, logger: Logger): void {
  const telegram = services.config.telegram;
  if (!telegram) return;
  registerTelegramRoutes(app, {
    turns: services.turns,
    api: createTelegramApi({ botToken: telegram.botToken, apiRoot: telegram.apiRoot }),
    payloads: createCallbackPayloads({ store: services.stores.sessions }),
    secretToken: telegramWebhookSecret(telegram),
    logger: logger.child({ channel: 'telegram' }),
  });
}

function registerSlack(app: FastifyInstance, services: AppServices, logger: Logger): void {
  const slack = services.config.slack;
  if (!slack) return;
  const channelLogger = logger.child({ channel: 'slack' });
  registerSlackRoutes(app, {
    turns: services.turns,
    client: createSlackClient({ botToken: slack.botToken, apiUrl: slack.apiUrl, logger: channelLogger }),
    signingSecret: slack.signingSecret,
    logger: channelLogger,
  });
}

function registerTeams(app: FastifyInstance, services: AppServices, logger: Logger): void {
  const teams = services.config.teams;
  if (!teams) return;
  // A single-tenant bot gets its token from its own tenant; a multi-tenant one from botframework.com's.
  const tenantTokenUrl = teams.tenantId ? `https://login.microsoftonline.com/${teams.tenantId}/oauth2/v2.0/token` : undefined;
  registerTeamsRoutes(app, {
    turns: services.turns,
    auth: createBotFrameworkAuth({ appId: teams.appId, openIdMetadataUrl: teams.openIdMetadataUrl }),
    connector: createBotConnectorClient({ appId: teams.appId, appPassword: teams.appPassword, tokenUrl: teams.tokenUrl ?? tenantTokenUrl }),
    logger: logger.child({ channel: 'teams' }),
  });
}

/**
 * The messenger webhooks, each registered only when its credentials are configured (DESIGN.md):
 * `POST /webhooks/telegram`, `POST /webhooks/slack/events`, `POST /webhooks/slack/interactions`,
 * `POST /api/messages` (Bot Framework / Teams).
 */
export function registerChannelRoutes(app: FastifyInstance, services: AppServices): void {
  const logger = services.logger as unknown as Logger;
  registerTelegram(app, services, logger);
  registerSlack(app, services, logger);
  registerTeams(app, services, logger);
}

/** Start-up banner lines: the messenger webhooks that are on, and the Telegram secret to register when derived. */
export function channelBannerLines(config: AppServices['config'], url: string): string[] {
  const lines: string[] = [];
  if (config.telegram) {
    lines.push(`  telegram:    ${url}/webhooks/telegram`);
    if (!config.telegram.webhookSecret) {
      lines.push(`  TELEGRAM_WEBHOOK_SECRET was unset; register the webhook with secret_token=${telegramWebhookSecret(config.telegram)}`);
    }
  }
  if (config.slack) lines.push(`  slack:       ${url}/webhooks/slack/events, ${url}/webhooks/slack/interactions`);
  if (config.teams) lines.push(`  teams:       ${url}/api/messages`);
  return lines;
}
