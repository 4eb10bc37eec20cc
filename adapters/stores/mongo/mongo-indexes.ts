import type { Db, IndexDescription } from 'mongodb';

/** Collection names, overridable with a prefix so several deployments (or test runs) can share a database. */
export const COLLECTIONS = {
  catalog: 'catalog_items',
  events: 'events',
  profiles: 'profiles',
  identities: 'identities',
  linkCodes: 'link_codes',
  consent: 'consent',
  conversationLog: 'conversation_log',
} as const;

/** A logical collection. */
export type CollectionKey = keyof typeof COLLECTIONS;

/**
 * The indexes every collection needs, created at start-up. `_id` is already unique: catalog items use
 * `service:id`, events their event id, profiles the shopper id, identities `channel:channelUserId`, codes the code.
 */
export const INDEX_SPECS: Readonly<Record<CollectionKey, IndexDescription[]>> = {
  catalog: [
    { key: { service: 1, id: 1 }, name: 'service_id', unique: true },
    { key: { service: 1, category: 1 }, name: 'service_category' },
    { key: { category: 1 }, name: 'category' },
  ],
  events: [{ key: { userId: 1, ts: 1, _id: 1 }, name: 'user_ts' }],
  profiles: [{ key: { updatedAt: 1 }, name: 'updated_at' }],
  identities: [{ key: { shopperId: 1 }, name: 'shopper' }],
  linkCodes: [
    { key: { shopperId: 1 }, name: 'shopper' },
    // Expired codes vanish on their own; consumeLinkCode also checks the time, since the TTL monitor is lazy.
    { key: { expiresAt: 1 }, name: 'expires_ttl', expireAfterSeconds: 0 },
  ],
  consent: [{ key: { shopperId: 1, at: 1, seq: 1 }, name: 'shopper_at' }],
  conversationLog: [
    { key: { shopperId: 1, at: 1 }, name: 'shopper_at' },
    // Each turn carries its own expiry, so changing the retention needs no index rebuild.
    { key: { expiresAt: 1 }, name: 'expires_ttl', expireAfterSeconds: 0 },
  ],
};

/** The full collection name of a logical collection. */
export function collectionName(key: CollectionKey, prefix = ''): string {
  return `${prefix}${COLLECTIONS[key]}`;
}

/** Creates every index (idempotent: existing identical indexes are left alone). */
export async function ensureIndexes(db: Db, prefix = '', keys: readonly CollectionKey[] = Object.keys(INDEX_SPECS) as CollectionKey[]): Promise<void> {
  await Promise.all(keys.map((key) => db.collection(collectionName(key, prefix)).createIndexes(INDEX_SPECS[key])));
}

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** True for a MongoDB duplicate-key error code. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
