import { MongoClient, type Db } from 'mongodb';
import { MongoCatalogStore } from './mongo-catalog-store.ts';
import { MongoConsentStore } from './mongo-consent-store.ts';
import { MongoConversationLogStore } from './mongo-conversation-log-store.ts';
import { MongoEventStore } from './mongo-event-store.ts';
import { MongoIdentityStore } from './mongo-identity-store.ts';
import { MongoProfileStore } from './mongo-profile-store.ts';
import { ensureIndexes } from './mongo-indexes.ts';

/** Options for {@link connectMongoStores}. */
export interface MongoStoresOptions {
  uri: string;
  /** Database name (default: the one in the URI). */
  dbName?: string;
  collectionPrefix?: string;
  conversationRetentionDays?: number;
}

/** Every context store on one MongoDB connection. */
export interface MongoStores {
  client: MongoClient;
  db: Db;
  catalog: MongoCatalogStore;
  events: MongoEventStore;
  profiles: MongoProfileStore;
  identities: MongoIdentityStore;
  consent: MongoConsentStore;
  conversationLog: MongoConversationLogStore;
  /** Closes the connection. */
  close(): Promise<void>;
}

/** Connects, creates every index, and builds the stores. */
export async function connectMongoStores(options: MongoStoresOptions): Promise<MongoStores> {
  const client = new MongoClient(options.uri);
  await client.connect();
  const db = client.db(options.dbName);
  const prefix = options.collectionPrefix;
  await ensureIndexes(db, prefix);
  return {
    client,
    db,
    catalog: new MongoCatalogStore({ db, collectionPrefix: prefix }),
    events: new MongoEventStore({ db, collectionPrefix: prefix }),
    profiles: new MongoProfileStore({ db, collectionPrefix: prefix }),
    identities: new MongoIdentityStore({ db, collectionPrefix: prefix }),
    consent: new MongoConsentStore({ db, collectionPrefix: prefix }),
    conversationLog: new MongoConversationLogStore({ db, collectionPrefix: prefix, retentionDays: options.conversationRetentionDays }),
    close: () => client.close(),
  };
}
