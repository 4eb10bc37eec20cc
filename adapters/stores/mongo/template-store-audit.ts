import { ObjectId, type Collection, type Db, type Filter } from 'mongodb';
import { ValidationError } from '../../../core/errors.ts';
import { auditLimit, cleanAuditRecord, type AuditEntry, type AuditLog, type AuditQuery, type AuditRecord } from '../../../core/studio/audit-log.ts';

type AuditDocument = Omit<AuditEntry, 'id' | 'at'> & { _id: ObjectId; at: Date };

/** Options for {@link MongoAuditLog}. */
export interface MongoAuditLogOptions {
  db: Db;
  collectionPrefix?: string;
}

function toEntry({ _id, at, ...rest }: AuditDocument): AuditEntry {
  return { id: _id.toHexString(), at: at.toISOString(), ...rest };
}

/**
 * The studio audit log on MongoDB: insert-only (this class never updates or deletes), newest first by ObjectId.
 * Operators who want it tamper-proof also deny update/remove on the collection to the application's database user.
 */
export class MongoAuditLog implements AuditLog {
  readonly #entries: Collection<AuditDocument>;

  constructor(options: MongoAuditLogOptions) {
    this.#entries = options.db.collection<AuditDocument>(`${options.collectionPrefix ?? ''}studio_audit`);
  }

  /** Creates the target index (idempotent); call once at start-up. */
  async ensureIndexes(): Promise<void> {
    await this.#entries.createIndex({ target: 1, _id: -1 }, { name: 'target_id' });
  }

  async append(record: AuditRecord): Promise<AuditEntry> {
    const clean = cleanAuditRecord(record);
    const doc: AuditDocument = { ...clean, _id: new ObjectId(), at: new Date(clean.at) };
    await this.#entries.insertOne(doc);
    return toEntry(doc);
  }

  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const filter: Filter<AuditDocument> = {};
    if (query.before !== undefined) {
      if (!ObjectId.isValid(query.before)) throw new ValidationError('before: not an audit entry id');
      filter._id = { $lt: new ObjectId(query.before) };
    }
    if (query.target !== undefined) filter.target = query.target;
    const docs = await this.#entries.find(filter).sort({ _id: -1 }).limit(auditLimit(query)).toArray();
    return docs.map(toEntry);
  }

  async close(): Promise<void> {}
}
