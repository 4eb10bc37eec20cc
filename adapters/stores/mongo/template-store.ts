import { MongoServerError, type Collection, type Db } from 'mongodb';
import type { Locale } from '../../../core/activity.ts';
import { ConcurrencyError, ConflictError, NotFoundError } from '../../../core/errors.ts';
import type { PromptTemplate } from '../../../core/llm/prompt-template.ts';
import {
  effectiveTemplate, indexShipped, requireShipped, shippedVersion, sortedShipped, templateHash, templateKeyId, withTexts,
} from '../../../core/stores/template-store-shared.ts';
import type {
  TemplateChange, TemplateKey, TemplateState, TemplateStore, TemplateTexts, TemplateVersion, TemplateVersionSource,
} from '../../../core/stores/template-store.ts';

/** One template's mutable head: the revision counter, the draft and the number of the newest version. */
interface HeadDocument {
  _id: string;
  revision: number;
  lastVersion: number;
  draft?: { system: string; user: string; savedAt: Date; savedBy: string };
}

/** A published version; written once, never updated. */
interface VersionDocument {
  _id: string;
  key: string;
  version: number;
  template: PromptTemplate;
  publishedAt: Date;
  publishedBy: string;
  hash: string;
  source: TemplateVersionSource;
  restoredFrom?: number;
}

/** Options for {@link MongoTemplateStore}. */
export interface MongoTemplateStoreOptions {
  db: Db;
  /** The templates shipped in `prompts/`: only their keys exist, and they are the fallback. */
  shipped: readonly PromptTemplate[];
  collectionPrefix?: string;
  now?: () => Date;
}

/** The studio's template collections (prefixable like the context stores'). */
export const TEMPLATE_COLLECTIONS = { heads: 'studio_template_heads', versions: 'studio_template_versions' } as const;

const isDuplicateKey = (error: unknown): boolean => error instanceof MongoServerError && error.code === 11000;

function toVersion(doc: VersionDocument): TemplateVersion {
  const version: TemplateVersion = {
    version: doc.version, template: doc.template, publishedAt: doc.publishedAt.toISOString(), publishedBy: doc.publishedBy, hash: doc.hash, source: doc.source,
  };
  if (doc.restoredFrom !== undefined) version.restoredFrom = doc.restoredFrom;
  return version;
}

/**
 * Templates on MongoDB, shared by every worker. Each change is one conditional update of the head on
 * `{_id, revision}`: a writer holding a stale revision matches nothing and gets a ConcurrencyError. The version
 * number comes from the same atomic update (`lastVersion`), so racing publishers never collide on a number.
 */
export class MongoTemplateStore implements TemplateStore {
  readonly #heads: Collection<HeadDocument>;
  readonly #versions: Collection<VersionDocument>;
  readonly #shipped: Map<string, PromptTemplate>;
  readonly #now: () => Date;

  constructor(options: MongoTemplateStoreOptions) {
    const prefix = options.collectionPrefix ?? '';
    this.#heads = options.db.collection<HeadDocument>(`${prefix}${TEMPLATE_COLLECTIONS.heads}`);
    this.#versions = options.db.collection<VersionDocument>(`${prefix}${TEMPLATE_COLLECTIONS.versions}`);
    this.#shipped = indexShipped(options.shipped);
    this.#now = options.now ?? (() => new Date());
  }

  /** Creates the version index (idempotent); call once at start-up. */
  async ensureIndexes(): Promise<void> {
    await this.#versions.createIndex({ key: 1, version: -1 }, { name: 'key_version', unique: true });
  }

  async list(): Promise<TemplateState[]> {
    return Promise.all(sortedShipped(this.#shipped).map((shipped) => this.#state(shipped)));
  }

  async get(key: TemplateKey): Promise<TemplateState | undefined> {
    const shipped = this.#shipped.get(templateKeyId(key));
    return shipped ? this.#state(shipped) : undefined;
  }

  async versions(key: TemplateKey): Promise<TemplateVersion[]> {
    requireShipped(this.#shipped, key);
    return (await this.#versions.find({ key: templateKeyId(key) }).sort({ version: 1 }).toArray()).map(toVersion);
  }

  async version(key: TemplateKey, version: number): Promise<TemplateVersion | undefined> {
    const shipped = this.#shipped.get(templateKeyId(key));
    if (!shipped) return undefined;
    if (version === 0) return shippedVersion(shipped);
    const doc = await this.#versions.findOne({ _id: `${templateKeyId(key)}#${version}` });
    return doc ? toVersion(doc) : undefined;
  }

  async saveDraft(key: TemplateKey, texts: TemplateTexts, change: TemplateChange): Promise<TemplateState> {
    const shipped = requireShipped(this.#shipped, key);
    const draft = { system: texts.system, user: texts.user, savedAt: this.#now(), savedBy: change.author };
    await this.#advance(key, change, { $set: { draft } });
    return this.#state(shipped);
  }

  async discardDraft(key: TemplateKey, change: TemplateChange): Promise<TemplateState> {
    const shipped = requireShipped(this.#shipped, key);
    const head = await this.#heads.findOneAndUpdate(
      { _id: templateKeyId(key), revision: change.expectedRevision, draft: { $exists: true } },
      { $unset: { draft: '' }, $inc: { revision: 1 } },
    );
    if (!head) await this.#explainMiss(key, change, 'discard');
    return this.#state(shipped);
  }

  async publish(key: TemplateKey, change: TemplateChange): Promise<TemplateVersion> {
    const shipped = requireShipped(this.#shipped, key);
    const before = await this.#heads.findOneAndUpdate(
      { _id: templateKeyId(key), revision: change.expectedRevision, draft: { $exists: true } },
      { $unset: { draft: '' }, $inc: { revision: 1, lastVersion: 1 } },
      { returnDocument: 'before' },
    );
    if (!before?.draft) return this.#explainMiss(key, change, 'publish');
    return this.#write(key, before.lastVersion + 1, withTexts(shipped, before.draft), change.author, { source: 'publish' });
  }

  async rollback(key: TemplateKey, target: number, change: TemplateChange): Promise<TemplateVersion> {
    const shipped = requireShipped(this.#shipped, key);
    const from = await this.version(key, target);
    if (!from) throw new NotFoundError('template version', `${templateKeyId(key)}#${target}`);
    const after = await this.#advance(key, change, { $inc: { lastVersion: 1 } });
    return this.#write(key, after.lastVersion, withTexts(shipped, from.template), change.author, { source: 'rollback', restoredFrom: target });
  }

  async getPublished(bot: string, use: string, locale: Locale): Promise<PromptTemplate | undefined> {
    const shipped = this.#shipped.get(templateKeyId({ bot, use, locale }));
    if (!shipped) return undefined;
    return effectiveTemplate(shipped, await this.#latest(templateKeyId(shipped)));
  }

  async close(): Promise<void> {}

  /**
   * Moves the head from the expected revision to the next one, applying `update`; the first change of a key
   * creates its head. A stale revision (or a racing first write) is a ConcurrencyError.
   */
  async #advance(key: TemplateKey, change: TemplateChange, update: { $set?: Partial<HeadDocument>; $inc?: { lastVersion: number } }): Promise<HeadDocument> {
    const id = templateKeyId(key);
    try {
      const after = await this.#heads.findOneAndUpdate(
        { _id: id, revision: change.expectedRevision },
        { ...(update.$set ? { $set: update.$set } : {}), $inc: { revision: 1, ...update.$inc }, ...(update.$inc ? {} : { $setOnInsert: { lastVersion: 0 } }) },
        { upsert: change.expectedRevision === 0, returnDocument: 'after' },
      );
      if (after) return after;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    throw new ConcurrencyError(id, change.expectedRevision, await this.#revision(id));
  }

  /** Why a conditional update matched nothing: a stale revision (409 concurrency) or nothing to act on (409). */
  async #explainMiss(key: TemplateKey, change: TemplateChange, what: 'publish' | 'discard'): Promise<never> {
    const id = templateKeyId(key);
    const actual = await this.#revision(id);
    if (actual !== change.expectedRevision) throw new ConcurrencyError(id, change.expectedRevision, actual);
    throw new ConflictError(`${id} has no draft to ${what}`);
  }

  async #write(key: TemplateKey, version: number, template: PromptTemplate, author: string, how: Pick<TemplateVersion, 'source' | 'restoredFrom'>) {
    const id = templateKeyId(key);
    const doc: VersionDocument = {
      _id: `${id}#${version}`, key: id, version, template, publishedAt: this.#now(), publishedBy: author, hash: templateHash(template), source: how.source,
    };
    if (how.restoredFrom !== undefined) doc.restoredFrom = how.restoredFrom;
    await this.#versions.insertOne(doc);
    return toVersion(doc);
  }

  async #revision(id: string): Promise<number> {
    return (await this.#heads.findOne({ _id: id }, { projection: { revision: 1 } }))?.revision ?? 0;
  }

  async #latest(id: string): Promise<TemplateVersion | undefined> {
    const doc = await this.#versions.find({ key: id }).sort({ version: -1 }).limit(1).next();
    return doc ? toVersion(doc) : undefined;
  }

  async #state(shipped: PromptTemplate): Promise<TemplateState> {
    const id = templateKeyId(shipped);
    const [head, published] = await Promise.all([this.#heads.findOne({ _id: id }), this.#latest(id)]);
    const state: TemplateState = { key: { bot: shipped.bot, use: shipped.use, locale: shipped.locale }, shipped, revision: head?.revision ?? 0 };
    if (head?.draft) state.draft = { ...head.draft, savedAt: head.draft.savedAt.toISOString() };
    if (published) state.published = published;
    return state;
  }
}
