import { randomUUID } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, describe } from 'vitest';
import { MongoTemplateStore } from '../../adapters/stores/mongo/template-store.ts';
import { MongoAuditLog } from '../../adapters/stores/mongo/template-store-audit.ts';
import { MongoStudioUserStore } from '../../adapters/stores/mongo/template-store-users.ts';
import type { TemplateStore } from '../../core/stores/template-store.ts';
import { auditLogContract } from './studio-audit-log.contract.ts';
import { templateStoreContract } from './studio-template-store.contract.ts';
import { studioUserStoreContract } from './studio-user-store.contract.ts';

const uri = process.env.MONGODB_URI;

// No MongoDB server can be installed on the development machines: these suites run only when MONGODB_URI points
// at one (CI with a server, docker-compose). The in-memory run of the same suites always happens.
describe.skipIf(!uri)('MongoDB studio stores (skipped because MONGODB_URI is not set)', () => {
  let client: MongoClient;
  let db: Db;
  const prefixes: string[] = [];
  const prefixOf = new WeakMap<TemplateStore, string>();

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

  const fresh = (): string => {
    const prefix = `t_${randomUUID().slice(0, 8)}_`;
    prefixes.push(prefix);
    return prefix;
  };

  templateStoreContract('mongo', {
    create: async (shipped) => {
      const collectionPrefix = fresh();
      const store = new MongoTemplateStore({ db, shipped, collectionPrefix });
      await store.ensureIndexes();
      prefixOf.set(store, collectionPrefix);
      return store;
    },
    reopen: async (store, shipped) => new MongoTemplateStore({ db, shipped, collectionPrefix: prefixOf.get(store) }),
  });
  studioUserStoreContract('mongo', { create: async () => new MongoStudioUserStore({ db, collectionPrefix: fresh() }) });
  auditLogContract('mongo', {
    create: async () => {
      const log = new MongoAuditLog({ db, collectionPrefix: fresh() });
      await log.ensureIndexes();
      return log;
    },
  });
});
