import { ConflictError, NotFoundError } from '../errors.ts';
import type { StudioUser, StudioUserPatch, StudioUserStore } from './studio-user-store.ts';

/** Studio accounts in memory: the embedded default (the admin is bootstrapped again at every start). */
export class MemoryStudioUserStore implements StudioUserStore {
  readonly #users = new Map<string, StudioUser>();

  async get(username: string): Promise<StudioUser | undefined> {
    const user = this.#users.get(username);
    return user ? { ...user } : undefined;
  }

  async list(): Promise<StudioUser[]> {
    return [...this.#users.values()].sort((a, b) => a.username.localeCompare(b.username)).map((u) => ({ ...u }));
  }

  async create(user: StudioUser): Promise<StudioUser> {
    if (this.#users.has(user.username)) throw new ConflictError(`the studio user '${user.username}' already exists`);
    this.#users.set(user.username, { ...user });
    return { ...user };
  }

  async update(username: string, patch: StudioUserPatch, at: string): Promise<{ before: StudioUser; after: StudioUser }> {
    const before = this.#users.get(username);
    if (!before) throw new NotFoundError('studio user', username);
    const after = { ...before, ...patch, updatedAt: at };
    this.#users.set(username, after);
    return { before: { ...before }, after: { ...after } };
  }

  async close(): Promise<void> {}
}
