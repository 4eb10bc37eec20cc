import { ValidationError } from '../errors.ts';

/**
 * Serializes a session value the way every SessionStore must: plain JSON, so callers never share
 * mutable objects with the store and the in-memory store behaves exactly like Redis.
 */
export function toSessionJson(key: string, data: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch (error) {
    throw new ValidationError(`session value for '${key}' is not JSON-serializable`, { cause: error });
  }
  if (json === undefined) throw new ValidationError(`session value for '${key}' is not JSON-serializable`);
  return json;
}

/** Checks a TTL in seconds (fractions allowed) and returns it in whole milliseconds, at least 1. */
export function ttlToMs(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new ValidationError(`ttlSeconds must be a positive number, got ${ttlSeconds}`);
  }
  return Math.max(1, Math.round(ttlSeconds * 1000));
}
