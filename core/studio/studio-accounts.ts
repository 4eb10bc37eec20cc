import { randomBytes } from 'node:crypto';
import { RateLimitError, UnauthorizedError, ValidationError } from '../errors.ts';
import type { RateLimitRule, RateLimitStore } from '../pipeline/rate-limit-store.ts';
import type { AuditEntry, AuditLog, AuditQuery } from './audit-log.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hash.ts';
import { requirePermission, STUDIO_ROLES, type StudioPrincipal, type StudioRole } from './roles.ts';
import type { StudioUser, StudioUserPatch, StudioUserStore } from './studio-user-store.ts';

/** A studio account as clients see it (no hash, no epoch). */
export type PublicStudioUser = Pick<StudioUser, 'username' | 'role' | 'disabled' | 'createdAt' | 'createdBy' | 'updatedAt'>;

/** Login attempts allowed per window: for one name from one client, and for one client overall. */
export interface LoginLimits {
  perUserAndClient: RateLimitRule;
  perClient: RateLimitRule;
}

/** Options for {@link StudioAccounts}. */
export interface StudioAccountsOptions {
  users: StudioUserStore;
  audit: AuditLog;
  /** Counts login attempts; in memory or Redis (shared by every worker). */
  throttle: RateLimitStore;
  limits?: Partial<LoginLimits>;
  now?: () => Date;
}

/** What {@link StudioAccounts.bootstrapAdmin} did. */
export interface BootstrapResult {
  username: string;
  created: boolean;
  /** The generated password, when none was configured and the admin was created now (print it once). */
  generatedPassword?: string;
}

const USERNAME = /^[a-z0-9._-]{2,64}$/;
export const MIN_PASSWORD_LENGTH = 12;
const FIFTEEN_MINUTES = 15 * 60_000;
const DEFAULT_LIMITS: LoginLimits = {
  perUserAndClient: { limit: 10, windowMs: FIFTEEN_MINUTES },
  perClient: { limit: 50, windowMs: FIFTEEN_MINUTES },
};

/** A username as stored: trimmed and lower case; a ValidationError when it has other characters. */
export function normalizeUsername(raw: string): string {
  const username = raw.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new ValidationError('username: 2-64 characters of a-z, 0-9, dot, underscore, dash');
  return username;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    throw new ValidationError(`password: ${MIN_PASSWORD_LENGTH}-200 characters`);
  }
}

function checkRole(role: string): StudioRole {
  if (!(STUDIO_ROLES as readonly string[]).includes(role)) throw new ValidationError(`role: one of ${STUDIO_ROLES.join(', ')}`);
  return role as StudioRole;
}

/** The account without secrets. */
export function publicUser(user: StudioUser): PublicStudioUser {
  return { username: user.username, role: user.role, disabled: user.disabled, createdAt: user.createdAt, createdBy: user.createdBy, updatedAt: user.updatedAt };
}

/**
 * Studio accounts: the bootstrapped admin, password login (scrypt, throttled, failures audited), sessions that end
 * together when the account's epoch moves, and user management for admins.
 */
export class StudioAccounts {
  readonly #users: StudioUserStore;
  readonly #audit: AuditLog;
  readonly #throttle: RateLimitStore;
  readonly #limits: LoginLimits;
  readonly #now: () => Date;
  #ready: Promise<void> = Promise.resolve();

  constructor(options: StudioAccountsOptions) {
    this.#users = options.users;
    this.#audit = options.audit;
    this.#throttle = options.throttle;
    this.#limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Makes sure the first admin exists. An existing account is left alone (its password may have been changed in
   * the studio); a missing one is created with the configured password, or a random one returned for printing.
   * Logins wait for it, so start-up need not (hashing takes a moment).
   */
  bootstrapAdmin(options: { username: string; password?: string }): Promise<BootstrapResult> {
    const result = this.#bootstrap(options);
    this.#ready = result.then(() => undefined);
    this.#ready.catch(() => {});
    return result;
  }

  async #bootstrap(options: { username: string; password?: string }): Promise<BootstrapResult> {
    const username = normalizeUsername(options.username);
    if (await this.#users.get(username)) return { username, created: false };
    const password = options.password ?? randomBytes(15).toString('base64url');
    checkPassword(password);
    const at = this.#now().toISOString();
    await this.#users.create({
      username, role: 'admin', passwordHash: await hashPassword(password), disabled: false, sessionEpoch: 0,
      createdAt: at, createdBy: 'bootstrap', updatedAt: at,
    });
    await this.#audit.append({ at, actor: 'bootstrap', action: 'user_created', target: `user:${username}`, details: { role: 'admin' } });
    return options.password ? { username, created: true } : { username, created: true, generatedPassword: password };
  }

  /** Checks a password; every failure is audited and answered with the same 401, whatever was wrong. */
  async login(rawUsername: string, password: string, client: string): Promise<StudioUser> {
    const tried = rawUsername.trim().toLowerCase().slice(0, 64);
    await this.#ready;
    await this.#checkThrottle(tried, client);
    const user = USERNAME.test(tried) ? await this.#users.get(tried) : undefined;
    // Hash even for unknown names, so response time does not tell which usernames exist.
    const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    const at = this.#now().toISOString();
    if (!user || !matches || user.disabled) {
      const reason = !user ? 'unknown_user' : !matches ? 'wrong_password' : 'disabled';
      await this.#audit.append({ at, actor: tried || '(empty)', action: 'login_failed', target: 'session', details: { reason, client } });
      throw new UnauthorizedError('wrong username or password');
    }
    await this.#audit.append({ at, actor: user.username, action: 'login', target: 'session', details: { client } });
    return user;
  }

  /** Ends every session of the account (they all share its epoch). */
  async logout(actor: StudioPrincipal): Promise<void> {
    const user = await this.#users.get(actor.username);
    if (!user) return;
    const at = this.#now().toISOString();
    await this.#users.update(user.username, { sessionEpoch: user.sessionEpoch + 1 }, at);
    await this.#audit.append({ at, actor: actor.username, action: 'logout', target: 'session' });
  }

  /** The principal of a session, or a 401 when the account is gone, disabled, or its sessions were ended. */
  async resolveSession(username: string, epoch: number): Promise<StudioUser> {
    const user = await this.#users.get(username);
    if (!user || user.disabled || user.sessionEpoch !== epoch) throw new UnauthorizedError('the studio session has ended; sign in again');
    return user;
  }

  async listUsers(actor: StudioPrincipal): Promise<PublicStudioUser[]> {
    requirePermission(actor, 'manage_users');
    return (await this.#users.list()).map(publicUser);
  }

  async createUser(actor: StudioPrincipal, input: { username: string; password: string; role: string }): Promise<PublicStudioUser> {
    requirePermission(actor, 'manage_users');
    const username = normalizeUsername(input.username);
    const role = checkRole(input.role);
    checkPassword(input.password);
    const at = this.#now().toISOString();
    const user = await this.#users.create({
      username, role, passwordHash: await hashPassword(input.password), disabled: false, sessionEpoch: 0, createdAt: at, createdBy: actor.username, updatedAt: at,
    });
    await this.#audit.append({ at, actor: actor.username, action: 'user_created', target: `user:${username}`, details: { role } });
    return publicUser(user);
  }

  /** Changes role, password or disabled; anything but a role change also ends the account's sessions. */
  async updateUser(actor: StudioPrincipal, rawUsername: string, input: { role?: string; password?: string; disabled?: boolean }): Promise<PublicStudioUser> {
    requirePermission(actor, 'manage_users');
    const username = normalizeUsername(rawUsername);
    const patch: StudioUserPatch = {};
    if (input.role !== undefined) patch.role = checkRole(input.role);
    if (input.password !== undefined) {
      checkPassword(input.password);
      patch.passwordHash = await hashPassword(input.password);
    }
    if (input.disabled !== undefined) patch.disabled = input.disabled;
    if (username === actor.username && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
      throw new ValidationError('admins cannot disable themselves or drop their own admin role');
    }
    const current = await this.#users.get(username);
    if (current && (patch.passwordHash || patch.disabled)) patch.sessionEpoch = current.sessionEpoch + 1;
    const at = this.#now().toISOString();
    const { before, after } = await this.#users.update(username, patch, at);
    const details: Record<string, unknown> = {};
    if (patch.role && before.role !== after.role) details.role = { from: before.role, to: after.role };
    if (patch.disabled !== undefined && before.disabled !== after.disabled) details.disabled = { from: before.disabled, to: after.disabled };
    if (patch.passwordHash) details.passwordChanged = true;
    await this.#audit.append({ at, actor: actor.username, action: 'user_updated', target: `user:${username}`, details });
    return publicUser(after);
  }

  /** The audit log, newest first, for admins. */
  async readAudit(actor: StudioPrincipal, query: AuditQuery): Promise<AuditEntry[]> {
    requirePermission(actor, 'read_audit');
    return this.#audit.list(query);
  }

  async #checkThrottle(username: string, client: string): Promise<void> {
    const [pair, overall] = await Promise.all([
      this.#throttle.hit(`studio-login:${client}:${username}`, this.#limits.perUserAndClient),
      this.#throttle.hit(`studio-login:${client}`, this.#limits.perClient),
    ]);
    const refused = [pair, overall].filter((d) => !d.allowed);
    if (refused.length > 0) throw new RateLimitError(Math.ceil(Math.max(...refused.map((d) => d.retryAfterMs)) / 1000));
  }
}
