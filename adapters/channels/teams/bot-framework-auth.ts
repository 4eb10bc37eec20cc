import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { UnauthorizedError, UnavailableError } from '../../../core/errors.ts';

/** Bot Framework's OpenID metadata for tokens the channels (Teams, Web Chat, ...) send to bots. */
export const BOT_FRAMEWORK_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
/** The issuer of those tokens. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** Options for {@link createBotFrameworkAuth}. */
export interface BotFrameworkAuthOptions {
  /** The bot's Microsoft App ID: the audience every token must be for. */
  appId: string;
  /** Where the signing keys are announced (default Bot Framework's; a local one in tests). */
  openIdMetadataUrl?: string;
  /** Accepted issuers (default Bot Framework's). */
  issuers?: string[];
  /** How far clocks may disagree (default 5 minutes, as the Bot Framework SDKs allow). */
  clockToleranceSeconds?: number;
  /** How long the metadata is trusted before it is read again (default one day). */
  metadataTtlMs?: number;
}

/** Checks the `Authorization` header of a request from the Bot Framework Connector. */
export interface BotFrameworkAuth {
  /**
   * Verifies the bearer JWT: RS256 signature by a key of the metadata's JWKS, issuer, audience = app id,
   * lifetime. Throws UnauthorizedError (401), or UnavailableError (503) when the keys cannot be fetched.
   * The caller then checks the activity with {@link assertServiceUrl}.
   */
  verify(authorization: string | undefined): Promise<JWTPayload>;
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/**
 * Checks that the token's `serviceurl` claim names the activity's `serviceUrl`, so replies (which carry
 * the bot's own token) only ever go where the signed token says. Throws UnauthorizedError otherwise.
 */
export function assertServiceUrl(claims: JWTPayload, serviceUrl: string): void {
  const claimed = claims.serviceurl ?? claims.serviceUrl;
  if (typeof claimed !== 'string' || trimSlash(claimed) !== trimSlash(serviceUrl)) {
    throw new UnauthorizedError("the token's serviceurl does not match the activity's serviceUrl");
  }
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

const ERRORS_OF_THE_TOKEN = new Set([
  'ERR_JWT_EXPIRED', 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'ERR_JWT_INVALID', 'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'ERR_JOSE_ALG_NOT_ALLOWED', 'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS', 'ERR_JOSE_NOT_SUPPORTED',
]);

/** A token problem is the caller's fault (401); failing to reach the key server is ours (503). */
function classify(error: unknown): Error {
  if (error instanceof UnauthorizedError || error instanceof UnavailableError) return error;
  if (error instanceof errors.JOSEError && ERRORS_OF_THE_TOKEN.has(error.code)) {
    return new UnauthorizedError(`invalid Bot Framework token: ${error.message}`);
  }
  return new UnavailableError('Bot Framework signing keys', { cause: error });
}

/** Creates the JWT check of the Bot Framework webhook (`POST /api/messages`). */
export function createBotFrameworkAuth(options: BotFrameworkAuthOptions): BotFrameworkAuth {
  const metadataUrl = options.openIdMetadataUrl ?? BOT_FRAMEWORK_OPENID_METADATA_URL;
  const ttl = options.metadataTtlMs ?? 86_400_000;
  let keys: { set: KeySet; at: number } | undefined;

  async function keySet(): Promise<KeySet> {
    if (keys && Date.now() - keys.at < ttl) return keys.set;
    const response = await fetch(metadataUrl, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new UnavailableError(`Bot Framework OpenID metadata (HTTP ${response.status})`);
    const metadata = (await response.json()) as { jwks_uri?: unknown };
    if (typeof metadata.jwks_uri !== 'string') throw new UnavailableError('Bot Framework OpenID metadata (no jwks_uri)');
    // jose refetches the key set itself when a token names a key it has not seen (key rotation).
    keys = { set: createRemoteJWKSet(new URL(metadata.jwks_uri)), at: Date.now() };
    return keys.set;
  }

  return {
    async verify(authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!match?.[1]) throw new UnauthorizedError('missing Bot Framework bearer token');
      try {
        const { payload } = await jwtVerify(match[1], await keySet(), {
          issuer: options.issuers ?? [BOT_FRAMEWORK_ISSUER],
          audience: options.appId,
          algorithms: ['RS256'],
          clockTolerance: options.clockToleranceSeconds ?? 300,
        });
        return payload;
      } catch (error) {
        throw classify(error);
      }
    },
  };
}
