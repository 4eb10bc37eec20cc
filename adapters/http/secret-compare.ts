import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a secret a client sent with the expected one in constant time. Both sides are hashed first,
 * so neither the content nor the length of the expected secret leaks through timing.
 */
export function secretsEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
