import { createHmac } from 'node:crypto';

/** Maps an external shopper id to the id stored everywhere. */
export type ShopperIdMapper = (externalId: string) => string;

/** Keeps ids as they are (no pseudonymisation). */
export const identityMapper: ShopperIdMapper = (id) => id;

/**
 * Pseudonymises shopper ids with a keyed hash (HMAC-SHA-256), so stores never hold the services' own ids.
 * The same key must be used by every worker and route; without the key an id cannot be recovered or guessed.
 */
export function createPseudonymizer(options: { key: string; prefix?: string }): ShopperIdMapper {
  if (options.key.length < 16) throw new RangeError('the pseudonymisation key needs at least 16 characters');
  const prefix = options.prefix ?? 'p_';
  const cache = new Map<string, string>();
  return (externalId) => {
    let mapped = cache.get(externalId);
    if (mapped === undefined) {
      mapped = prefix + createHmac('sha256', options.key).update(externalId, 'utf8').digest('base64url').slice(0, 32);
      if (cache.size >= 100_000) cache.clear();
      cache.set(externalId, mapped);
    }
    return mapped;
  };
}
