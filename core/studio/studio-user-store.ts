import type { StudioRole } from './roles.ts';

/** A studio account. */
export interface StudioUser {
  /** Lower case, 2-64 of a-z 0-9 . _ - */
  username: string;
  role: StudioRole;
  /** scrypt hash (see hashPassword); never leaves the server. */
  passwordHash: string;
  disabled: boolean;
  /** Sessions carry the epoch they were issued in; bumping it ends them all (logout, password change, disable). */
  sessionEpoch: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** What an update may change. */
export type StudioUserPatch = Partial<Pick<StudioUser, 'role' | 'passwordHash' | 'disabled' | 'sessionEpoch'>>;

/** Studio accounts. `create` fails with a ConflictError for a taken name, `update` with a NotFoundError. */
export interface StudioUserStore {
  get(username: string): Promise<StudioUser | undefined>;
  /** Every account, sorted by username. */
  list(): Promise<StudioUser[]>;
  create(user: StudioUser): Promise<StudioUser>;
  /** Applies the patch and sets `updatedAt`; returns the account before and after. */
  update(username: string, patch: StudioUserPatch, at: string): Promise<{ before: StudioUser; after: StudioUser }>;
  close(): Promise<void>;
}
