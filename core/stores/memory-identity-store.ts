import type { ChannelIdentity, IdentityLink, IdentityStore, LinkCode } from './identity-store.ts';

function identityKey(identity: ChannelIdentity): string {
  return `${identity.channel}\u0000${identity.channelUserId}`;
}

/** The embedded-default identity store. */
export class MemoryIdentityStore implements IdentityStore {
  readonly #links = new Map<string, IdentityLink>();
  readonly #codes = new Map<string, LinkCode>();

  async link(link: IdentityLink): Promise<void> {
    this.#links.set(identityKey(link), { ...link });
  }

  async resolve(identity: ChannelIdentity): Promise<string | undefined> {
    return this.#links.get(identityKey(identity))?.shopperId;
  }

  async unlink(identity: ChannelIdentity): Promise<boolean> {
    return this.#links.delete(identityKey(identity));
  }

  async listByShopper(shopperId: string): Promise<IdentityLink[]> {
    return [...this.#links.values()]
      .filter((link) => link.shopperId === shopperId)
      .map((link) => ({ ...link }))
      .sort((a, b) => (a.linkedAt < b.linkedAt ? -1 : a.linkedAt > b.linkedAt ? 1 : 0));
  }

  async saveLinkCode(code: LinkCode): Promise<void> {
    this.#codes.set(code.code, { ...code });
  }

  async consumeLinkCode(code: string, now: Date): Promise<LinkCode | undefined> {
    const found = this.#codes.get(code);
    if (!found) return undefined;
    this.#codes.delete(code);
    return Date.parse(found.expiresAt) > now.getTime() ? found : undefined;
  }

  async deleteByShopper(shopperId: string): Promise<number> {
    let removed = 0;
    for (const [key, link] of this.#links) {
      if (link.shopperId === shopperId) {
        this.#links.delete(key);
        removed += 1;
      }
    }
    for (const [key, code] of this.#codes) if (code.shopperId === shopperId) this.#codes.delete(key);
    return removed;
  }

  async close(): Promise<void> {}
}
