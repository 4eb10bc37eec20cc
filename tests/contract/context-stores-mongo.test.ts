import { randomUUID } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, describe } from 'vitest';
import { MongoCatalogStore } from '../../adapters/stores/mongo/mongo-catalog-store.ts';
import { MongoConsentStore } from '../../adapters/stores/mongo/mongo-consent-store.ts';
import { MongoConversationLogStore } from '../../adapters/stores/mongo/mongo-conversation-log-store.ts';
import { MongoEventStore } from '../../adapters/stores/mongo/mongo-event-store.ts';
import { MongoIdentityStore } from '../../adapters/stores/mongo/mongo-identity-store.ts';
import { ensureIndexes } from '../../adapters/stores/mongo/mongo-indexes.ts';
import { MongoProfileStore } from '../../adapters/stores/mongo/mongo-profile-store.ts';
import { catalogStoreContract } from './catalog-store.contract.ts';
import { consentStoreContract } from './consent-store.contract.ts';
import { conversationLogStoreContract } from './conversation-log-store.contract.ts';
import { eventStoreContract } from './event-store.contract.ts';
import { identityStoreContract } from './identity-store.contract.ts';
import { profileStoreContract } from './profile-store.contract.ts';

const uri = process.env.MONGODB_URI;

// No MongoDB server can be installed on the development machines: these suites run only when MONGODB_URI
// points at one (CI with a server, docker-compose). The in-memory run of the same suites always happens.
describe.skipIf(!uri)('MongoDB context stores (skipped because MONGODB_URI is not set)', () => {
  let client: MongoClient;
  let db: Db;
  const prefixes: string[] = [];

  beforeAll(async () => {
    client = new MongoClient(uri!);
    await client.connect();
    db = client.db();
  });
  afterAll(async () => {
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    await Promise.all(names.filter((n) => prefixes.some((p) => n.startsWith(p))).map((n) => db.dropCollection(n)));
    await client.close();
  });

  /** Every store gets its own collections, indexed as at start-up. */
  const fresh = async (): Promise<string> => {
    const prefix = `t_${randomUUID().slice(0, 8)}_`;
    prefixes.push(prefix);
    await ensureIndexes(db, prefix);
    return prefix;
  };

  catalogStoreContract('mongo', { create: async () => new MongoCatalogStore({ db, collectionPrefix: await fresh() }) });
  eventStoreContract('mongo', { create: async () => new MongoEventStore({ db, collectionPrefix: await fresh() }) });
  profileStoreContract('mongo', { create: async () => new MongoProfileStore({ db, collectionPrefix: await fresh() }) });
  identityStoreContract('mongo', { create: async () => new MongoIdentityStore({ db, collectionPrefix: await fresh() }) });
  consentStoreContract('mongo', { create: async () => new MongoConsentStore({ db, collectionPrefix: await fresh() }) });
  conversationLogStoreContract('mongo', {
    create: async (options) => new MongoConversationLogStore({ db, collectionPrefix: await fresh(), ...options }),
  });
});
