import type { Collection, Db } from 'mongodb';
import type { ChannelName } from '../../../core/activity.ts';
import type { ChannelIdentity, IdentityLink, IdentityStore, LinkCode } from '../../../core/stores/identity-store.ts';
import { collectionName } from './mongo-indexes.ts';

interface IdentityDocument {
  _id: string;
  channel: ChannelName;
  channelUserId: string;
  shopperId: string;
  linkedAt: Date;
}

interface LinkCodeDocument {
  _id: string;
  shopperId: string;
  expiresAt: Date;
}

/** Options for {@link MongoIdentityStore}. */
export interface MongoIdentityStoreOptions {
  db: Db;
  collectionPrefix?: string;
}

/** The `_id` of a channel identity: channel names contain no colon. */
export function identityId(identity: ChannelIdentity): string {
  return `${identity.channel}:${identity.channelUserId}`;
}

/** Channel identities and one-time link codes on MongoDB (codes expire through a TTL index). */
export class MongoIdentityStore implements IdentityStore {
  readonly #links: Collection<IdentityDocument>;
  readonly #codes: Collection<LinkCodeDocument>;

  constructor(options: MongoIdentityStoreOptions) {
    this.#links = options.db.collection<IdentityDocument>(collectionName('identities', options.collectionPrefix));
    this.#codes = options.db.collection<LinkCodeDocument>(collectionName('linkCodes', options.collectionPrefix));
  }

  async link(link: IdentityLink): Promise<void> {
    const doc: IdentityDocument = {
      _id: identityId(link),
      channel: link.channel,
      channelUserId: link.channelUserId,
      shopperId: link.shopperId,
      linkedAt: new Date(link.linkedAt),
    };
    await this.#links.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async resolve(identity: ChannelIdentity): Promise<string | undefined> {
    return (await this.#links.findOne({ _id: identityId(identity) }))?.shopperId;
  }

  async unlink(identity: ChannelIdentity): Promise<boolean> {
    return (await this.#links.deleteOne({ _id: identityId(identity) })).deletedCount > 0;
  }

  async listByShopper(shopperId: string): Promise<IdentityLink[]> {
    const docs = await this.#links.find({ shopperId }).sort({ linkedAt: 1, _id: 1 }).toArray();
    return docs.map((d) => ({ channel: d.channel, channelUserId: d.channelUserId, shopperId: d.shopperId, linkedAt: d.linkedAt.toISOString() }));
  }

  async saveLinkCode(code: LinkCode): Promise<void> {
    await this.#codes.replaceOne(
      { _id: code.code },
      { shopperId: code.shopperId, expiresAt: new Date(code.expiresAt) },
      { upsert: true },
    );
  }

  async consumeLinkCode(code: string, now: Date): Promise<LinkCode | undefined> {
    // Deleting first makes the code one-time even when two workers race for it.
    const doc = await this.#codes.findOneAndDelete({ _id: code });
    if (!doc || doc.expiresAt.getTime() <= now.getTime()) return undefined;
    return { code: doc._id, shopperId: doc.shopperId, expiresAt: doc.expiresAt.toISOString() };
  }

  async deleteByShopper(shopperId: string): Promise<number> {
    await this.#codes.deleteMany({ shopperId });
    return (await this.#links.deleteMany({ shopperId })).deletedCount;
  }

  async close(): Promise<void> {}
}
