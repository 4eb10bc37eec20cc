import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ForbiddenError, UnauthorizedError } from '../../core/errors.ts';

/** The session cookie: HttpOnly, only sent to the studio API. */
export const SESSION_COOKIE = 'sovetnik_studio';
/** The CSRF cookie: readable by the studio page, echoed in the `x-csrf-token` header (double submit). */
export const CSRF_COOKIE = 'sovetnik_studio_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const ISSUER = 'sovetnik-studio';
const ALGORITHM = 'HS256';

/** A verified studio session. */
export interface StudioSession {
  username: string;
  /** The account's session epoch when the session was issued. */
  epoch: number;
  csrf: string;
  issuedAt: number;
  expiresAt: number;
}

/** Options for {@link createStudioSessions}. */
export interface StudioSessionsOptions {
  /** HS256 key for the session JWT (32+ bytes). */
  secret: string;
  /** Session lifetime in seconds (default 30 minutes; renewed while the studio is in use). */
  ttlSeconds?: number;
  /** `Secure` cookies: always, never, or when the request came over HTTPS (default). */
  secureCookies?: 'auto' | 'always' | 'never';
}

/** Issues, reads and ends studio sessions: a signed JWT in an HttpOnly cookie plus a CSRF token bound into it. */
export interface StudioSessions {
  readonly ttlSeconds: number;
  /** Signs a session and sets both cookies; a renewal keeps the CSRF token so open pages keep working. */
  issue(reply: FastifyReply, request: FastifyRequest, claims: { username: string; epoch: number; csrf?: string }): Promise<StudioSession>;
  /** The session of a request; a 401 when the cookie is missing, forged or expired. */
  read(request: FastifyRequest): Promise<StudioSession>;
  /** For state-changing requests: the header must equal both the CSRF cookie and the token inside the session. */
  checkCsrf(request: FastifyRequest, session: StudioSession): void;
  clear(reply: FastifyReply, request: FastifyRequest): void;
}

/** The cookies of a request (no dependency: the studio only needs two). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      if (!cookies.has(name)) cookies.set(name, decodeURIComponent(raw));
    } catch {
      // A malformed value is treated as absent.
    }
  }
  return cookies;
}

function secure(request: FastifyRequest, mode: StudioSessionsOptions['secureCookies']): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
}

function cookie(name: string, value: string, attrs: { path: string; maxAge: number; httpOnly: boolean; secure: boolean }): string {
  return [
    `${name}=${encodeURIComponent(value)}`, `Path=${attrs.path}`, `Max-Age=${attrs.maxAge}`, 'SameSite=Strict',
    ...(attrs.httpOnly ? ['HttpOnly'] : []), ...(attrs.secure ? ['Secure'] : []),
  ].join('; ');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Builds the studio's session handling. */
export function createStudioSessions(options: StudioSessionsOptions): StudioSessions {
  const key = new TextEncoder().encode(options.secret);
  const ttlSeconds = options.ttlSeconds ?? 1800;
  const setCookies = (reply: FastifyReply, request: FastifyRequest, token: string, csrf: string, maxAge: number) => {
    const isSecure = secure(request, options.secureCookies);
    void reply.header('set-cookie', [
      cookie(SESSION_COOKIE, token, { path: '/api/v1/studio', maxAge, httpOnly: true, secure: isSecure }),
      cookie(CSRF_COOKIE, csrf, { path: '/', maxAge, httpOnly: false, secure: isSecure }),
    ]);
    void reply.header('cache-control', 'no-store');
  };
  return {
    ttlSeconds,
    async issue(reply, request, claims) {
      const csrf = claims.csrf ?? randomBytes(24).toString('base64url');
      const issuedAt = Math.floor(Date.now() / 1000);
      const expiresAt = issuedAt + ttlSeconds;
      const token = await new SignJWT({ epoch: claims.epoch, csrf })
        .setProtectedHeader({ alg: ALGORITHM })
        .setIssuer(ISSUER)
        .setAudience(ISSUER)
        .setSubject(claims.username)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(key);
      setCookies(reply, request, token, csrf, ttlSeconds);
      return { username: claims.username, epoch: claims.epoch, csrf, issuedAt, expiresAt };
    },
    async read(request) {
      const token = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
      if (!token) throw new UnauthorizedError('sign in to the studio first');
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: ISSUER, algorithms: [ALGORITHM] });
        if (typeof payload.sub !== 'string' || typeof payload.epoch !== 'number' || typeof payload.csrf !== 'string') {
          throw new UnauthorizedError('malformed studio session');
        }
        return { username: payload.sub, epoch: payload.epoch, csrf: payload.csrf, issuedAt: payload.iat ?? 0, expiresAt: payload.exp ?? 0 };
      } catch (error) {
        if (error instanceof UnauthorizedError) throw error;
        const expired = error instanceof joseErrors.JWTExpired;
        throw new UnauthorizedError(expired ? 'the studio session has expired; sign in again' : 'invalid studio session', { cause: error });
      }
    },
    checkCsrf(request, session) {
      const header = request.headers[CSRF_HEADER];
      const sent = typeof header === 'string' ? header : undefined;
      const fromCookie = parseCookies(request.headers.cookie).get(CSRF_COOKIE);
      if (!sent || !fromCookie || !sameToken(sent, fromCookie) || !sameToken(sent, session.csrf)) {
        throw new ForbiddenError(`missing or wrong CSRF token: send the ${CSRF_COOKIE} cookie value in the ${CSRF_HEADER} header`);
      }
    },
    clear(reply, request) {
      setCookies(reply, request, '', '', 0);
    },
  };
}
