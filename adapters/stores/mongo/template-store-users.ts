import { MongoServerError, type Collection, type Db } from 'mongodb';
import { ConflictError, NotFoundError } from '../../../core/errors.ts';
import type { StudioUser, StudioUserPatch, StudioUserStore } from '../../../core/studio/studio-user-store.ts';

type UserDocument = Omit<StudioUser, 'username'> & { _id: string };

/** Options for {@link MongoStudioUserStore}. */
export interface MongoStudioUserStoreOptions {
  db: Db;
  collectionPrefix?: string;
}

const toUser = ({ _id, ...rest }: UserDocument): StudioUser => ({ username: _id, ...rest });

/** Studio accounts on MongoDB, one document per account keyed by username. */
export class MongoStudioUserStore implements StudioUserStore {
  readonly #users: Collection<UserDocument>;

  constructor(options: MongoStudioUserStoreOptions) {
    this.#users = options.db.collection<UserDocument>(`${options.collectionPrefix ?? ''}studio_users`);
  }

  async get(username: string): Promise<StudioUser | undefined> {
    const doc = await this.#users.findOne({ _id: username });
    return doc ? toUser(doc) : undefined;
  }

  async list(): Promise<StudioUser[]> {
    return (await this.#users.find({}).sort({ _id: 1 }).toArray()).map(toUser);
  }

  async create(user: StudioUser): Promise<StudioUser> {
    const { username, ...rest } = user;
    try {
      await this.#users.insertOne({ _id: username, ...rest });
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) throw new ConflictError(`the studio user '${username}' already exists`);
      throw error;
    }
    return { ...user };
  }

  async update(username: string, patch: StudioUserPatch, at: string): Promise<{ before: StudioUser; after: StudioUser }> {
    const set = Object.fromEntries(Object.entries({ ...patch, updatedAt: at }).filter(([, v]) => v !== undefined));
    const before = await this.#users.findOneAndUpdate({ _id: username }, { $set: set }, { returnDocument: 'before' });
    if (!before) throw new NotFoundError('studio user', username);
    const old = toUser(before);
    return { before: old, after: { ...old, ...set } as StudioUser };
  }

  async close(): Promise<void> {}
}
