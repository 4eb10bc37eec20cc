import { UnavailableError } from '../../../core/errors.ts';

/** Where bots get their app token from for the public Azure cloud (multi-tenant bots). */
export const BOT_FRAMEWORK_TOKEN_URL = 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token';
/** The scope of tokens the Bot Connector accepts. */
const CONNECTOR_SCOPE = 'https://api.botframework.com/.default';

/** Options for {@link createBotConnectorClient}. */
export interface BotConnectorClientOptions {
  appId: string;
  appPassword: string;
  /**
   * The OAuth 2.0 token endpoint (default Bot Framework's multi-tenant one; a single-tenant bot uses
   * `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`; a local server in tests).
   */
  tokenUrl?: string;
  /** How long one HTTP call may take (default 10 s). */
  timeoutMs?: number;
  /**
   * The longest `Retry-After` of a 429 still waited for before sending again (default 5 s; twice at most).
   * The turn runs while the Connector waits for the webhook's answer, so a longer limit drops the reply (logged).
   */
  maxRetryAfterSeconds?: number;
}

/** Sends activities to a conversation through the Bot Connector REST API (v3). */
export interface BotConnectorClient {
  /** `POST {serviceUrl}/v3/conversations/{conversationId}/activities`; resolves with the new activity's id. */
  sendActivity(serviceUrl: string, conversationId: string, activity: Record<string, unknown>): Promise<string | undefined>;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

/** Renews a token this long before it expires, so a call never starts with one about to lapse. */
const EARLY_RENEWAL_MS = 5 * 60_000;
/** How many times an activity refused with 429 is sent again. */
const RATE_LIMIT_RETRIES = 2;

/** The wait a 429 asks for, in seconds (`Retry-After` in seconds; 1 when absent or an HTTP date). */
function retryAfterSeconds(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
}

/**
 * Creates the Bot Connector client: app tokens by the client-credentials grant, cached until shortly
 * before they expire (one request in flight at a time), and sent as bearer tokens with each activity;
 * an activity throttled (429) for a short while is sent again once the Retry-After has passed.
 */
export function createBotConnectorClient(options: BotConnectorClientOptions): BotConnectorClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 5;
  let cached: CachedToken | undefined;
  let pending: Promise<CachedToken> | undefined;

  async function fetchToken(): Promise<CachedToken> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials', client_id: options.appId, client_secret: options.appPassword, scope: CONNECTOR_SCOPE,
    });
    const response = await fetch(options.tokenUrl ?? BOT_FRAMEWORK_TOKEN_URL, { method: 'POST', body, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new UnavailableError(`Bot Framework token endpoint (HTTP ${response.status})`);
    const json = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== 'string') throw new UnavailableError('Bot Framework token endpoint (no access_token)');
    const seconds = Number(json.expires_in ?? 3600);
    return { value: json.access_token, expiresAt: Date.now() + (Number.isFinite(seconds) ? seconds : 3600) * 1000 - EARLY_RENEWAL_MS };
  }

  async function token(): Promise<string> {
    if (cached && cached.expiresAt > Date.now()) return cached.value;
    pending ??= fetchToken().finally(() => (pending = undefined));
    cached = await pending;
    return cached.value;
  }

  async function post(url: string, activity: Record<string, unknown>): Promise<Response> {
    return fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  return {
    async sendActivity(serviceUrl, conversationId, activity) {
      const url = `${serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
      let response = await post(url, activity);
      if (response.status === 401) {
        // The token may have been revoked early: get a fresh one and try once more.
        cached = undefined;
        response = await post(url, activity);
      }
      // Teams throttles bots per conversation (429 with Retry-After); a refused activity was not posted,
      // so sending it again never duplicates a message.
      for (let attempt = 0; attempt < RATE_LIMIT_RETRIES && response.status === 429; attempt++) {
        const wait = retryAfterSeconds(response);
        if (wait > maxRetryAfter) break;
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        response = await post(url, activity);
      }
      if (!response.ok) throw new UnavailableError(`Bot Connector (HTTP ${response.status})`);
      const json = (await response.json().catch(() => ({}))) as { id?: unknown };
      return typeof json.id === 'string' ? json.id : undefined;
    },
  };
}
