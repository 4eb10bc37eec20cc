import { LogLevel, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import type { Logger } from '../../../core/logger.ts';

/** Options for {@link createSlackClient}. */
export interface SlackClientOptions {
  botToken: string;
  /** The Web API base (default Slack's `https://slack.com/api/`; a test double otherwise). */
  apiUrl?: string;
  logger: Logger;
}

/** Slack's client logs through ours, warnings and errors only. */
function slackLogger(logger: Logger): SlackLogger {
  const text = (parts: unknown[]): string => parts.map(String).join(' ');
  let level = LogLevel.WARN;
  return {
    debug: () => {},
    info: () => {},
    warn: (...parts: unknown[]) => logger.warn({ source: 'slack-web-api' }, text(parts)),
    error: (...parts: unknown[]) => logger.error({ source: 'slack-web-api' }, text(parts)),
    setLevel: (next) => void (level = next),
    getLevel: () => level,
    setName: () => {},
  };
}

/**
 * The Slack Web API client the adapter sends with. Retries are few and short: a turn's answer that
 * arrives minutes late is worse than a logged failure.
 */
export function createSlackClient(options: SlackClientOptions): WebClient {
  const apiUrl = options.apiUrl ? options.apiUrl.replace(/\/*$/, '/') : undefined;
  return new WebClient(options.botToken, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    logger: slackLogger(options.logger),
    retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 3_000 },
    timeout: 10_000,
  });
}
