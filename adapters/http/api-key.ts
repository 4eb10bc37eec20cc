import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../../core/errors.ts';

/** Options for {@link createApiKeyHook}. */
export interface ApiKeyOptions {
  /** The service API key (`SOVETNIK_API_KEY`). */
  apiKey: string;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** The bearer token of an `Authorization` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * A fastify `onRequest`/`preHandler` hook that lets a request through only with
 * `Authorization: Bearer <apiKey>`. Digests of equal length are compared in constant time,
 * so neither the key's content nor its length leaks through timing.
 */
export function createApiKeyHook(options: ApiKeyOptions): (request: FastifyRequest) => Promise<void> {
  const expected = digest(options.apiKey);
  return async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedError('missing API key: send Authorization: Bearer <SOVETNIK_API_KEY>');
    if (!timingSafeEqual(digest(token), expected)) throw new UnauthorizedError('invalid API key');
  };
}
