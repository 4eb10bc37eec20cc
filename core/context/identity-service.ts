import { randomInt } from 'node:crypto';
import type { ChannelIdentity, IdentityStore, LinkCode } from '../stores/identity-store.ts';

/** Options for {@link IdentityService}. */
export interface IdentityServiceOptions {
  store: IdentityStore;
  /** How long a link code works (default 10 minutes). */
  codeTtlSeconds?: number;
  /** Digits in a code (default 8: hard to guess within its lifetime, easy to type). */
  codeDigits?: number;
  now?: () => Date;
}

/**
 * One shopper id across channels. The app shows a one-time code for its signed-in shopper; the shopper sends it
 * to the bot in any channel (or opens a deep link carrying it) and that channel identity is linked.
 */
export class IdentityService {
  readonly #store: IdentityStore;
  readonly #ttlMs: number;
  readonly #digits: number;
  readonly #now: () => Date;

  constructor(options: IdentityServiceOptions) {
    this.#store = options.store;
    this.#ttlMs = (options.codeTtlSeconds ?? 600) * 1000;
    this.#digits = options.codeDigits ?? 8;
    this.#now = options.now ?? (() => new Date());
  }

  /** Issues a fresh one-time code for a signed-in shopper. */
  async issueLinkCode(shopperId: string): Promise<LinkCode> {
    const code = String(randomInt(0, 10 ** this.#digits)).padStart(this.#digits, '0');
    const linkCode: LinkCode = { code, shopperId, expiresAt: new Date(this.#now().getTime() + this.#ttlMs).toISOString() };
    await this.#store.saveLinkCode(linkCode);
    return linkCode;
  }

  /** Finds a code in what the shopper typed ("my code is 1234 5678" or a deep-link payload). */
  extractCode(text: string): string | undefined {
    const digits = text.replace(/[\s-]/g, '').match(new RegExp(`(?<!\\d)\\d{${this.#digits}}(?!\\d)`));
    return digits?.[0];
  }

  /** Links `identity` to the code's shopper; undefined when the code is unknown, used or expired. */
  async redeem(code: string, identity: ChannelIdentity): Promise<string | undefined> {
    const found = await this.#store.consumeLinkCode(code, this.#now());
    if (!found) return undefined;
    await this.#store.link({ ...identity, shopperId: found.shopperId, linkedAt: this.#now().toISOString() });
    return found.shopperId;
  }

  resolve(identity: ChannelIdentity): Promise<string | undefined> {
    return this.#store.resolve(identity);
  }

  unlink(identity: ChannelIdentity): Promise<boolean> {
    return this.#store.unlink(identity);
  }
}
