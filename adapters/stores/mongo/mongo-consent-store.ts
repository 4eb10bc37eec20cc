import type { Collection, Db } from 'mongodb';
import type { ConsentPurpose, ConsentRecord, ConsentState, ConsentStore } from '../../../core/stores/consent-store.ts';
import { currentConsent } from '../../../core/stores/memory-consent-store.ts';
import { collectionName } from './mongo-indexes.ts';

interface ConsentDocument {
  shopperId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  at: Date;
  /** Recording order, to break ties between decisions with the same `at`. */
  seq: number;
  source?: string;
}

/** Options for {@link MongoConsentStore}. */
export interface MongoConsentStoreOptions {
  db: Db;
  collectionPrefix?: string;
}

/** Consent history on MongoDB: one document per decision, never updated. */
export class MongoConsentStore implements ConsentStore {
  readonly #collection: Collection<ConsentDocument>;

  constructor(options: MongoConsentStoreOptions) {
    this.#collection = options.db.collection<ConsentDocument>(collectionName('consent', options.collectionPrefix));
  }

  async record(decision: ConsentRecord): Promise<void> {
    const doc: ConsentDocument = {
      shopperId: decision.shopperId,
      purpose: decision.purpose,
      granted: decision.granted,
      at: new Date(decision.at),
      seq: Date.now() * 1000 + Math.floor(Math.random() * 1000),
    };
    if (decision.source !== undefined) doc.source = decision.source;
    await this.#collection.insertOne(doc);
  }

  async current(shopperId: string): Promise<ConsentState> {
    return currentConsent(await this.history(shopperId));
  }

  async history(shopperId: string): Promise<ConsentRecord[]> {
    const docs = await this.#collection.find({ shopperId }).sort({ at: 1, seq: 1 }).toArray();
    return docs.map((d) => {
      const record: ConsentRecord = { shopperId: d.shopperId, purpose: d.purpose, granted: d.granted, at: d.at.toISOString() };
      if (d.source !== undefined) record.source = d.source;
      return record;
    });
  }

  async deleteByShopper(shopperId: string): Promise<number> {
    return (await this.#collection.deleteMany({ shopperId })).deletedCount;
  }

  async close(): Promise<void> {}
}
