import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { ChannelName } from '../../core/activity.ts';
import { UnauthorizedError } from '../../core/errors.ts';

/** A verified shopper token. */
export interface ShopperClaims {
  /** The shopper id (`sub`). */
  shopperId: string;
  /** The channel the token was issued for: the mobile apps' in-app chat or the web widget. */
  channel: Extract<ChannelName, 'inapp' | 'web'>;
  /** Expiry, seconds since the epoch, when the token has one. */
  expiresAt?: number;
}

/** Options for {@link createShopperTokens}. */
export interface ShopperTokensOptions {
  /** The HS256 secret (`INAPP_JWT_SECRET`). */
  secret: string;
  /** How many verified tokens to remember, so a chatty client does not pay an HMAC per message. */
  cacheSize?: number;
  now?: () => number;
}

/** Options for {@link ShopperTokens.sign}. */
export interface SignOptions {
  shopperId: string;
  channel?: ShopperClaims['channel'];
  /** Lifetime in seconds (default one day). */
  ttlSeconds?: number;
}

/** Signs and verifies shopper JWTs (HS256, `sub` = shopper id, `ch` = channel). */
export interface ShopperTokens {
  verify(token: string | undefined): Promise<ShopperClaims>;
  /**
   * The claims of a token this service verified before and that is still valid (the same rules as `verify`),
   * without waiting; undefined when it must go through `verify`. Nearly every message of a chat hits here.
   */
  known(token: string | undefined): ShopperClaims | undefined;
  sign(options: SignOptions): Promise<{ token: string; expiresAt: Date }>;
}

/** The claim that marks a web-widget token; in-app tokens from the services' backends do not carry it. */
const CHANNEL_CLAIM = 'ch';
const MAX_CACHE_AGE_MS = 5 * 60_000;

function explain(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'invalid token signature';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'token algorithm not allowed: use HS256';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `invalid token claim: ${error.message}`;
  return 'malformed token';
}

function toClaims(payload: Record<string, unknown>): ShopperClaims {
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) {
    throw new UnauthorizedError('token has no valid sub (shopper id)');
  }
  const channel = payload[CHANNEL_CLAIM] === 'web' ? 'web' : 'inapp';
  const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
  return exp === undefined ? { shopperId: sub, channel } : { shopperId: sub, channel, expiresAt: exp };
}

/**
 * Creates the shopper token service. The key is encoded once; verified tokens are remembered (bounded,
 * never past their `exp`), since the same token arrives with every message of a chat.
 */
export function createShopperTokens(options: ShopperTokensOptions): ShopperTokens {
  // Imported once: handing jose the raw secret would make it import a key on every verification.
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  const now = options.now ?? Date.now;
  const cacheSize = options.cacheSize ?? 50_000;
  const cache = new Map<string, { claims: ShopperClaims; until: number }>();

  const remember = (token: string, claims: ShopperClaims): void => {
    const expiry = claims.expiresAt === undefined ? Infinity : claims.expiresAt * 1000;
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
    cache.set(token, { claims, until: Math.min(expiry, now() + MAX_CACHE_AGE_MS) });
  };

  const known = (token: string | undefined): ShopperClaims | undefined => {
    if (!token) return undefined;
    const hit = cache.get(token);
    if (hit === undefined) return undefined;
    if (hit.until > now()) return hit.claims;
    cache.delete(token);
    return undefined;
  };

  return {
    known,
    async verify(token) {
      if (!token) throw new UnauthorizedError('missing token: send Authorization: Bearer <shopper JWT>');
      const hit = known(token);
      if (hit) return hit;
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, await key, { algorithms: ['HS256'], currentDate: new Date(now()) }));
      } catch (error) {
        throw new UnauthorizedError(explain(error), { cause: error });
      }
      const claims = toClaims(payload);
      remember(token, claims);
      return claims;
    },
    async sign({ shopperId, channel = 'inapp', ttlSeconds = 86_400 }) {
      const issuedAt = Math.floor(now() / 1000);
      const expiresAt = issuedAt + ttlSeconds;
      const jwt = new SignJWT(channel === 'web' ? { [CHANNEL_CLAIM]: 'web' } : {})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(shopperId)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt);
      return { token: await jwt.sign(await key), expiresAt: new Date(expiresAt * 1000) };
    },
  };
}
