import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogFilter, catalogUpserts } from '../../../adapters/stores/mongo/mongo-catalog-store.ts';
import { turnFilter } from '../../../adapters/stores/mongo/mongo-conversation-log-store.ts';
import { eventFilter } from '../../../adapters/stores/mongo/mongo-event-store.ts';
import { collectionName, INDEX_SPECS, isDuplicateKey } from '../../../adapters/stores/mongo/mongo-indexes.ts';
import { fromProfileDocument, toProfileDocument } from '../../../adapters/stores/mongo/mongo-profile-store.ts';
import { categoryMatches } from '../../../core/stores/memory-catalog-store.ts';
import { sampleRecord } from '../../contract/profile-store.contract.ts';
import { CATALOG } from './fixtures.ts';

// No MongoDB server exists on the development machines; these tests pin the parts of the adapters that do not
// need one (filters, bulk operations, index specs, document mapping). The contract suites run them for real
// when MONGODB_URI is set.
describe('MongoDB adapters without a server', () => {
  it('the category filter matches exactly what the memory store matches, whatever the characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), fc.constantFrom('', '/', 'x', '/y'), (filter, extra, suffix) => {
        const regex = (catalogFilter({ category: filter }).category as { $regex: string }).$regex;
        for (const category of [filter, `${filter}${suffix}`, `${extra}${filter}`, `${filter}/${extra}`]) {
          expect(new RegExp(regex).test(category)).toBe(categoryMatches(category, filter));
        }
      }),
    );
  });

  it('builds filters for service, availability, event ranges and live conversation turns', () => {
    expect(catalogFilter({ service: 'kuper', availableOnly: true })).toEqual({ service: 'kuper', available: true });
    const from = new Date('2026-01-01T00:00:00Z');
    expect(eventFilter('u', { service: 'samokat', from })).toEqual({ userId: 'u', service: 'samokat', ts: { $gte: from } });
    expect(eventFilter('u')).toEqual({ userId: 'u' });
    const now = new Date();
    expect(turnFilter('s', { conversationId: 'c' }, now)).toEqual({ shopperId: 's', conversationId: 'c', expiresAt: { $gt: now } });
  });

  it('upserts catalog items by service:id with the queried fields beside the item', () => {
    const [op] = catalogUpserts([CATALOG[0]!]);
    expect(op).toEqual({
      replaceOne: {
        filter: { _id: 'samokat:milk-oat' },
        replacement: { _id: 'samokat:milk-oat', service: 'samokat', id: 'milk-oat', category: CATALOG[0]!.category, available: true, item: CATALOG[0] },
        upsert: true,
      },
    });
  });

  it('declares unique keys and TTL indexes', () => {
    expect(INDEX_SPECS.catalog).toContainEqual(expect.objectContaining({ key: { service: 1, id: 1 }, unique: true }));
    expect(INDEX_SPECS.conversationLog).toContainEqual(expect.objectContaining({ key: { expiresAt: 1 }, expireAfterSeconds: 0 }));
    expect(INDEX_SPECS.linkCodes).toContainEqual(expect.objectContaining({ key: { expiresAt: 1 }, expireAfterSeconds: 0 }));
    expect(collectionName('events', 'x_')).toBe('x_events');
    expect(isDuplicateKey({ code: 11000 })).toBe(true);
    expect(isDuplicateKey(new Error('x'))).toBe(false);
  });

  it('maps a profile record to a document and back without loss; item ids never become field names', () => {
    const record = sampleRecord('s1');
    const doc = toProfileDocument(record, 3);
    expect(typeof doc.state).toBe('string');
    expect(doc._id).toBe('s1');
    const roundTrip = fromProfileDocument(structuredClone(doc));
    expect(roundTrip).toEqual({ ...record, version: 3 });
  });
});
